// The chain from Plex back to the search, in the diagnosis's order: each step's status as a glyph and a word, what
// AutoArr saw, where it looked, the evidence on demand, and beneath a step whatever can be done about it there.
import type { ReactNode, Ref } from "react";
import type { Diagnosis, DiagnosisStep } from "../../api/diagnosis.api";
import { STEP_LOOKS } from "./step-look";

type DiagnosisStepsProps = {
  diagnosis: Diagnosis;
  /** The broken step's item, so it can take focus when the diagnosis arrives. */
  brokenRef: Ref<HTMLLIElement>;
  busy: boolean;
  /** What goes under a step: its fixes, "Ask the indexers". */
  actionsFor: (step: DiagnosisStep) => ReactNode;
};

export function DiagnosisSteps({ diagnosis, brokenRef, busy, actionsFor }: DiagnosisStepsProps) {
  const brokenId = diagnosis.verdict.status === "broken" ? diagnosis.verdict.step : null;
  return (
    <ol className="diagnosis-steps" aria-label="The chain, from Plex back to the search" aria-busy={busy || undefined}>
      {diagnosis.steps.map((step) => {
        const look = STEP_LOOKS[step.status];
        const broken = step.id === brokenId;
        return (
          <li
            key={step.id}
            ref={broken ? brokenRef : undefined}
            tabIndex={broken ? -1 : undefined}
            className={`diagnosis-step diagnosis-step--${step.status}${broken ? " diagnosis-step--culprit" : ""}`}
            data-step={step.id}
            data-status={step.status}
            aria-current={broken ? "step" : undefined}
          >
            <div className="diagnosis-step__head">
              <span className={`diagnosis-step__status pill pill--${look.tone}`}>
                <span aria-hidden="true">{look.icon}</span> {look.label}
              </span>
              <strong className="diagnosis-step__title">{step.title}</strong>
            </div>
            <p className="diagnosis-step__saw">{step.saw}</p>
            <small className="diagnosis-step__where">{step.where}</small>
            {step.evidence && step.evidence.length > 0 ? (
              <details className="diagnosis-step__evidence">
                <summary>Evidence ({step.evidence.length})</summary>
                <ul>
                  {step.evidence.map((line, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the evidence lines are fixed and may repeat
                    <li key={index}>{line}</li>
                  ))}
                </ul>
              </details>
            ) : null}
            {actionsFor(step)}
          </li>
        );
      })}
    </ol>
  );
}
