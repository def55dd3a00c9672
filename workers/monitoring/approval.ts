// Approval mode: a recovery waits in D1 until the user says yes (it runs then) or no (it is left alone).
import type { HubEvent } from "../live/hub-event";
import { recordActivity } from "../activity/activity.service";
import type { Database } from "../platform/db/database";
import type { Detection } from "./detect.logic";
import { type Caller, execute } from "./execute";
import { getRecoveryAction, type RecoveryOutcome, updateRecoveryAction } from "./recovery-actions.repo";
import { STRATEGIES, type Strategy } from "./strategy.logic";

export type ApprovalResult = { ok: true; outcome: RecoveryOutcome } | { ok: false; reason: "not_found" | "not_waiting" };

interface Deps {
  tenantId: string;
  db: Database;
  call: Caller;
  broadcast: (event: HubEvent) => void;
}

export async function approveOrReject(deps: Deps, actionId: string, approve: boolean): Promise<ApprovalResult> {
  const action = await getRecoveryAction(deps.db, deps.tenantId, actionId);
  if (!action) return { ok: false, reason: "not_found" };
  if (action.outcome !== "awaiting_approval") return { ok: false, reason: "not_waiting" };
  const detail = (action.detail ?? {}) as { detection?: Detection; steps?: unknown };
  const strategy = action.strategy as Strategy;

  let outcome: RecoveryOutcome = "rejected";
  let steps: unknown = [];
  let carriedOut: Strategy | undefined;
  let note: string | undefined;
  if (approve && detail.detection && STRATEGIES.includes(strategy)) {
    const result = await execute(deps.call, detail.detection, strategy);
    outcome = result.outcome;
    steps = result.steps;
    carriedOut = result.carriedOut;
    note = result.note;
  }
  // What was approved may turn out to be only an alert (no app tracks the download): the record says what was done.
  await updateRecoveryAction(deps.db, deps.tenantId, actionId, {
    outcome,
    ...(carriedOut ? { strategy: carriedOut } : {}),
    detail: { ...detail, steps, decidedByUser: approve ? "approved" : "rejected", ...(carriedOut ? { chosen: strategy, note } : {}) },
  });
  const activity = await recordActivity(deps.db, deps.tenantId, {
    app: action.app,
    kind: "recovery",
    level: outcome === "succeeded" || outcome === "rejected" ? "info" : "error",
    message: approve ? `${action.title}: approved ${strategy.replace(/_/g, " ")} — ${outcome}${note ? `; ${note}` : ""}` : `${action.title}: recovery declined`,
    data: { action: { id: actionId, strategy: carriedOut ?? strategy, outcome } },
  });
  deps.broadcast({ type: "activity", at: activity.at, data: activity });
  deps.broadcast({
    type: "recovery",
    at: activity.at,
    data: { app: action.app, title: action.title ?? "", reason: action.failureReason, action: carriedOut ?? strategy, outcome },
  });
  return { ok: true, outcome };
}
