import type { RequestStatus } from "../../api/contract.types";

const STEPS: { status: RequestStatus; label: string }[] = [
  { status: "added", label: "Added" },
  { status: "searching", label: "Searching" },
  { status: "downloading", label: "Downloading" },
  { status: "imported", label: "Imported" },
  { status: "available", label: "Available" },
];

export function StatusSteps({ status }: { status: RequestStatus }) {
  const current = STEPS.findIndex((step) => step.status === status);
  return (
    <ol className="status-steps" aria-label="Progress">
      {STEPS.map((step, index) => (
        <li key={step.status} data-reached={current >= index} aria-current={index === current ? "step" : undefined}>
          {step.label}
        </li>
      ))}
    </ol>
  );
}
