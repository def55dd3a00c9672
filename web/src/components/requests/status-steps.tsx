import type { RequestStatus } from "../../api/api-types";

const STEPS: { status: RequestStatus; label: string }[] = [
  { status: "added", label: "Added" },
  { status: "searching", label: "Searching" },
  { status: "downloading", label: "Downloading" },
  { status: "imported", label: "Imported" },
  { status: "available", label: "Available" },
];

const APPS = { sonarr: "Sonarr", radarr: "Radarr" } as const;

export function StatusSteps({ status, app }: { status: RequestStatus; app?: keyof typeof APPS | undefined }) {
  const current = STEPS.findIndex((step) => step.status === status);
  const label = current >= 0 ? `Progress: ${STEPS[current]!.label}${app ? ` in ${APPS[app]}` : ""}` : "Progress";
  return (
    <ol className="status-steps" aria-label={label} data-status={status}>
      {STEPS.map((step, index) => (
        <li key={step.status} data-reached={current >= index} aria-current={index === current ? "step" : undefined}>
          {step.label}
        </li>
      ))}
    </ol>
  );
}
