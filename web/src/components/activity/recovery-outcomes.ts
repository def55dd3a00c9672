// A recovery action's outcome in words, as the recovery list and the details dialog say it.
const OUTCOMES: Record<string, string> = {
  succeeded: "Recovered",
  failed: "Could not recover",
  alerted: "Needs you",
  exhausted: "Gave up",
  dry_run: "Dry run",
  awaiting_approval: "Waiting for approval",
  rejected: "Declined",
  handled_by_app: "Handled by the app",
};

export const outcomeLabel = (outcome: string): string => OUTCOMES[outcome] ?? outcome.replaceAll("_", " ");
