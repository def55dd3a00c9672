// "Why isn't it here?": the button on a request, an activity entry or a queue item. It is in Home's chunk, so it holds
// only the open state: the diagnosis dialog (and all it needs) loads when the button is first pressed.
import { lazy, Suspense, useState } from "react";
import type { DiagnoseTarget } from "../../api/diagnosis.api";
import "./why-button.css";

const DiagnosisDialog = lazy(() => import("./diagnosis-dialog"));

type WhyButtonProps = {
  target: DiagnoseTarget;
  /** The item as the list names it, until the diagnosis names it itself; also in the button's accessible name. */
  label: string;
  className?: string;
};

export function WhyButton({ target, label, className }: WhyButtonProps) {
  const [opener, setOpener] = useState<HTMLElement | null>(null);
  return (
    <>
      <button
        type="button"
        className={`why-button secondary outline compact${className ? ` ${className}` : ""}`}
        aria-haspopup="dialog"
        onClick={(event) => setOpener(event.currentTarget)}
      >
        Why isn't it here?<span className="visually-hidden"> — {label}</span>
      </button>
      {opener ? (
        <Suspense fallback={null}>
          <DiagnosisDialog target={target} label={label} returnFocusTo={opener} onClose={() => setOpener(null)} />
        </Suspense>
      ) : null}
    </>
  );
}
