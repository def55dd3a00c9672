// One queue check of one tenant: read the queues, detect failures, decide and act (or log, or ask), and tell
// the user. Runs inside the tenant's hub, which runs one check at a time.
import type { CallOutcome } from "../../durable-objects/tenant-hub/call-outcome";
import type { ServerEvent } from "../../durable-objects/tenant-hub/protocol";
import { ArrQueueOutput, SabHistoryOutput, SabQueueOutput } from "../schemas/tool-outputs";
import { recordActivity } from "../services/activity";
import type { Database } from "../services/db";
import { type Detection, detect, type QueueSnapshot, type StallState } from "./detect.logic";
import { type Caller, execute } from "./execute";
import { insertRecoveryAction, type RecoveryOutcome } from "./recovery-actions.repo";
import { readRecoverySettings, type RecoverySettings } from "./settings";
import { suggestDecision } from "./llm-strategy";
import { decide, type Decision } from "./strategy.logic";
import type { Env } from "../env";
import { sendWebhook, webhookBody } from "./webhook";

export interface QueueCheckDeps {
  tenantId: string;
  /** For Claude's suggestion; without an Anthropic key the rules decide alone. */
  env: Pick<Env, "ANTHROPIC_API_KEY" | "ANTHROPIC_BASE_URL" | "ANTHROPIC_MODEL">;
  db: Database;
  storage: SyncKvStorage;
  now: () => number;
  call: Caller;
  callMany: (calls: { tool: string; arguments?: Record<string, unknown> }[]) => Promise<CallOutcome[]>;
  broadcast: (event: ServerEvent) => void;
  waitUntil: (work: Promise<unknown>) => void;
}

export interface CheckReport {
  checkedAt: string;
  skipped?: "disabled" | "unreachable";
  detections: number;
  actions: { key: string; title: string; strategy: string; outcome: RecoveryOutcome }[];
}

/** What the hub remembers about an item between checks. */
interface Handled {
  attempts: number;
  lastActionAt: number;
  lastSeenAt: number;
  announced?: boolean;
  final?: "alerted" | "exhausted" | "dry_run" | "awaiting_approval";
}

const STALL_KEY = "monitor:stall";
const HANDLED_PREFIX = "monitor:handled:";
const CHECK_INTERVAL_MS = 120_000;
const FORGET_AFTER_MS = 7 * 86_400_000;

const READS = [
  { tool: "sabnzbd_queue", arguments: { limit: 200 } },
  { tool: "sabnzbd_history", arguments: { failedOnly: true, limit: 50 } },
  { tool: "sonarr_queue", arguments: { pageSize: 100 } },
  { tool: "radarr_queue", arguments: { pageSize: 100 } },
];

function snapshotOf(outcomes: CallOutcome[]): QueueSnapshot {
  const data = (tool: string) => outcomes.find((o) => o.tool === tool && o.ok);
  const parse = <T>(tool: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }) => {
    const found = data(tool);
    if (!found?.ok) return undefined;
    const parsed = schema.safeParse(found.data);
    return parsed.success ? parsed.data : undefined;
  };
  return {
    sabQueue: parse("sabnzbd_queue", SabQueueOutput)?.slots,
    sabFailed: parse("sabnzbd_history", SabHistoryOutput)?.slots,
    sonarrQueue: parse("sonarr_queue", ArrQueueOutput)?.records,
    radarrQueue: parse("radarr_queue", ArrQueueOutput)?.records,
  };
}

/** Attempts are spaced further apart each time: 2, 4, 8 … minutes. */
function nextAttemptDue(handled: Handled): number {
  return handled.lastActionAt + CHECK_INTERVAL_MS * 2 ** Math.max(0, handled.attempts - 1);
}

export async function runQueueCheck(deps: QueueCheckDeps): Promise<CheckReport> {
  const now = deps.now();
  const report: CheckReport = { checkedAt: new Date(now).toISOString(), detections: 0, actions: [] };
  const settings = await readRecoverySettings(deps.db, deps.tenantId);
  if (!settings.enabled) return { ...report, skipped: "disabled" };

  const outcomes = await deps.callMany(READS);
  if (outcomes.every((o) => !o.ok)) return { ...report, skipped: "unreachable" };

  const { detections, stall } = detect(snapshotOf(outcomes), deps.storage.get<StallState>(STALL_KEY) ?? {}, settings.stallChecks);
  deps.storage.put(STALL_KEY, stall);
  report.detections = detections.length;

  for (const detection of detections) {
    const handledKey = HANDLED_PREFIX + detection.key;
    const handled: Handled = { attempts: 0, lastActionAt: 0, ...deps.storage.get<Handled>(handledKey), lastSeenAt: now };
    if (!handled.announced) {
      handled.announced = true;
      await notify(deps, settings, detection, { kind: "detection", level: "warning", message: `${detection.title}: ${detection.reason}` });
    }
    const waiting = handled.final !== undefined || (handled.attempts > 0 && (detection.source === "sabnzbd_history" || now < nextAttemptDue(handled)));
    if (!waiting) {
      const rules = decide(detection, handled.attempts, settings.maxAttempts);
      const suggested = await suggestDecision(deps.env, deps.tenantId, detection, rules);
      const outcome = await act(deps, settings, detection, suggested, handled);
      const decision = suggested.decision;
      report.actions.push({ key: detection.key, title: detection.title, strategy: decision.strategy, outcome });
    }
    deps.storage.put(handledKey, handled);
  }
  forgetOldItems(deps.storage, now);
  return report;
}

async function act(
  deps: QueueCheckDeps,
  settings: RecoverySettings,
  detection: Detection,
  suggested: { decision: Decision; decidedBy: "rules" | "llm"; fallback?: string },
  handled: Handled,
): Promise<RecoveryOutcome> {
  const { decision } = suggested;
  const exhausted = decision.strategy === "alert" && handled.attempts >= settings.maxAttempts;
  let outcome: RecoveryOutcome;
  let steps: unknown = [];
  if (decision.strategy === "alert") {
    outcome = exhausted ? "exhausted" : "alerted";
    handled.final = outcome;
  } else if (settings.mode === "dry-run") {
    outcome = "dry_run";
    handled.final = "dry_run";
  } else if (settings.mode === "approval") {
    outcome = "awaiting_approval";
    handled.final = "awaiting_approval";
  } else {
    const result = await execute(deps.call, detection, decision.strategy);
    outcome = result.outcome;
    steps = result.steps;
    if (outcome === "alerted") handled.final = "alerted";
    else {
      handled.attempts++;
      handled.lastActionAt = deps.now();
    }
  }
  const row = await insertRecoveryAction(deps.db, {
    tenantId: deps.tenantId,
    app: detection.arr?.app ?? detection.app,
    itemId: detection.key,
    downloadId: detection.downloadId,
    title: detection.title,
    failureReason: detection.reason,
    strategy: decision.strategy,
    attempt: Math.max(1, handled.attempts),
    outcome,
    decidedBy: suggested.decidedBy,
    detail: { why: decision.why, cause: detection.cause, source: detection.source, steps, detection, ...(suggested.fallback ? { llmFallback: suggested.fallback } : {}) },
  });
  const verb = { succeeded: "recovered", failed: "could not recover", alerted: "needs your attention", exhausted: "needs your attention", dry_run: "would be recovered (dry run)", awaiting_approval: "is waiting for your approval", rejected: "was left alone" }[outcome];
  await notify(deps, settings, detection, {
    kind: "recovery",
    level: outcome === "succeeded" || outcome === "dry_run" ? "info" : outcome === "awaiting_approval" ? "warning" : "error",
    message: `${detection.title} ${verb}: ${decision.why}`,
    action: { id: row.id, strategy: decision.strategy, outcome },
  });
  return outcome;
}

async function notify(
  deps: QueueCheckDeps,
  settings: RecoverySettings,
  detection: Detection,
  entry: { kind: "detection" | "recovery"; level: "info" | "warning" | "error"; message: string; action?: { id: string; strategy: string; outcome: string } },
): Promise<void> {
  const activity = await recordActivity(deps.db, deps.tenantId, {
    app: detection.arr?.app ?? detection.app,
    kind: entry.kind,
    level: entry.level,
    message: entry.message,
    data: { title: detection.title, reason: detection.reason, cause: detection.cause, downloadId: detection.downloadId, ...(entry.action ? { action: entry.action } : {}) },
  });
  const at = activity.at;
  deps.broadcast({ type: "activity", at, data: activity });
  const event = {
    app: detection.arr?.app ?? detection.app,
    title: detection.title,
    reason: detection.reason,
    action: entry.action?.strategy ?? "detected",
    outcome: entry.action?.outcome ?? "detected",
    at,
  };
  deps.broadcast({ type: "recovery", at, data: event });
  if (settings.webhookUrl) deps.waitUntil(sendWebhook(settings.webhookUrl, webhookBody(event, settings.webhookFormat)));
}

function forgetOldItems(storage: SyncKvStorage, now: number): void {
  for (const [key, handled] of storage.list<Handled>({ prefix: HANDLED_PREFIX })) {
    if (now - handled.lastSeenAt > FORGET_AFTER_MS) storage.delete(key);
  }
}
