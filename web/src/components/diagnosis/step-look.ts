// How a step's status and the verdict read: a glyph and a word for each (never the colour alone) and the tone of the pill.
import type { Diagnosis, StepStatus } from "../../api/diagnosis.api";

export type Tone = "good" | "bad" | "warn" | "idle";

export const STEP_LOOKS: Record<StepStatus, { icon: string; label: string; tone: Tone }> = {
  ok: { icon: "✓", label: "Fine", tone: "good" },
  broken: { icon: "✕", label: "Stuck here", tone: "bad" },
  warning: { icon: "!", label: "Warning", tone: "warn" },
  waiting: { icon: "…", label: "Waiting", tone: "warn" },
  skipped: { icon: "–", label: "Not checked", tone: "idle" },
  unknown: { icon: "?", label: "Couldn't tell", tone: "idle" },
};

export function verdictHeading(diagnosis: Diagnosis): { text: string; tone: Tone } {
  const { verdict, steps } = diagnosis;
  switch (verdict.status) {
    case "broken": {
      const step = steps.find((candidate) => candidate.id === verdict.step);
      return { text: step ? `Stuck at “${step.title}”` : "Stuck", tone: "bad" };
    }
    case "arrived":
      return { text: "It's here", tone: "good" };
    case "on-its-way":
      return { text: "On its way", tone: "warn" };
    default:
      return { text: "AutoArr couldn't tell", tone: "idle" };
  }
}
