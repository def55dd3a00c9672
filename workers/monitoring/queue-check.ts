// One queue check of one tenant: read the queues, detect failures, decide and act (or log, or ask), and tell
// the user. Runs inside the tenant's hub, which runs one check at a time.
import { tools } from "@autoarr/contract";
import type { HubEvent } from "../live/hub-event";
import { type ToolCalls, toolCall } from "../connectors/tool-call";
import { recordActivity } from "../activity/activity.service";
import type { Database } from "../platform/db/database";
import { keyRing } from "../platform/crypto/key-ring";
import { type ArrApp, type ArrLink, type Detection, detect, type QueueSnapshot, type StallState } from "./detect.logic";
import { forgetQueueReads, readQueues } from "./queue-reads";
import { snapshotOf } from "./queue-snapshot";
import { recordStackHistory } from "./stack-history";
import { createLogger } from "../platform/logger";
import { type ArrHistoryRecord, type ArrSide, arrSideOf } from "./arr-side.logic";
import { execute } from "./execute";
import { failuresAtQuality, QUALITY_LEDGER_PREFIX } from "./quality-ledger";
import { countAttempts, insertRecoveryAction, type RecoveryOutcome, updateRecoveryAction } from "./recovery-actions.repo";
import { readRecoverySettings, type RecoverySettings } from "./settings";
import { suggestDecision } from "./llm-strategy";
import { decide, type Decision, type Strategy } from "./strategy.logic";
import { type DownloadIdentity, downloadIdentity, itemAttemptCap } from "./download-identity.logic";
import { couldBeServerSetup, latestWarning, NO_NEWS_SERVER, serverSetupProblem, type SetupProblem, setupProblemKey } from "./server-setup.logic";
import { type Env, envVars } from "../platform/env";
import { type TrackedDownloads, trackDownloads, vanishedDetection } from "./vanished.logic";
import { sendWebhook, webhookBody } from "./webhook";
import { type QueuedNotification, recoveryNotification } from "../notifications/notification-events";

export interface QueueCheckDeps {
  tenantId: string;
  /** For Claude's suggestion; without an Anthropic key the rules decide alone. */
  env: Pick<Env, "ANTHROPIC_API_KEY" | "ANTHROPIC_BASE_URL" | "ANTHROPIC_MODEL" | "AUTOARR_SECRET_KEY" | "AUTOARR_SECRET_KEY_PREVIOUS" | "DNS_RESOLVER_URL">;
  db: Database;
  storage: SyncKvStorage;
  now: () => number;
  /** Calls by contract ref, each answer checked against its output schema. */
  tools: ToolCalls;
  broadcast: (event: HubEvent) => void;
  waitUntil: (work: Promise<unknown>) => void;
  /** Queues a notification for the tenant's channels; delivered after the check, never during it. */
  notify?: (notification: QueuedNotification) => void;
}

export interface CheckReport {
  checkedAt: string;
  skipped?: "disabled" | "unreachable";
  detections: number;
  actions: { key: string; title: string; strategy: Strategy; outcome: RecoveryOutcome }[];
}

/** What the hub remembers about an item between checks. */
interface Handled {
  attempts: number;
  lastActionAt: number;
  lastSeenAt: number;
  /** When AutoArr first saw this failure (set once): recovery_actions.detected_at, the start of the time to fix it. */
  firstSeenAt?: number;
  announced?: boolean;
  final?: "alerted" | "exhausted" | "dry_run" | "awaiting_approval" | "handled_by_app";
  /** The cause the final decision was taken on: a stall alert must not hide a later real failure. */
  finalCause?: string;
  /** The failed SABnzbd job last acted on; a failure of another job of the same download is a new attempt. */
  jobId?: string;
  /** The new job id SABnzbd gave the download when AutoArr retried it. */
  retriedAs?: string;
  /** The recovery action last carried out: if its new job fails again, it did not recover the download. */
  lastActionId?: string;
  /** When AutoArr first saw this failure tracked by an app that had not processed it yet. */
  appWaitSince?: number;
}

const STALL_KEY = "monitor:stall";
const TRACKED_KEY = "monitor:tracked";
/** History lookups for downloads that left a queue, per check; the rest wait for the next check. */
const MAX_HISTORY_LOOKUPS = 10;
const HANDLED_PREFIX = "monitor:handled:";
/** A setup problem (no news server, login refused …) already announced: one alert for it, not one per job. */
const SETUP_PREFIX = "monitor:setup:";
/** SABnzbd job id → the key the download was first handled under, so attempts survive retries' new ids. */
const ALIAS_PREFIX = "monitor:alias:";
const CHECK_INTERVAL_MS = 120_000;
/** The apps process a failed download within about a minute (their download monitoring runs every minute): a wait of five checks is ample. */
const APP_GRACE_MS = 5 * CHECK_INTERVAL_MS;
const APP_NAME = { sonarr: "Sonarr", radarr: "Radarr" } as const;
const FORGET_AFTER_MS = 7 * 86_400_000;

/** Attempts are spaced further apart each time: 2, 4, 8 … minutes. */
function nextAttemptDue(handled: Handled): number {
  return handled.lastActionAt + CHECK_INTERVAL_MS * 2 ** Math.max(0, handled.attempts - 1);
}

export async function runQueueCheck(deps: QueueCheckDeps): Promise<CheckReport> {
  const now = deps.now();
  const report: CheckReport = { checkedAt: new Date(now).toISOString(), detections: 0, actions: [] };
  const settings = await readRecoverySettings(deps.db, await keyRing(deps.env), deps.tenantId);
  if (!settings.enabled) return { ...report, skipped: "disabled" };

  // One round trip when nothing changed: only the reads whose app changed go to the connector (queue-reads.ts).
  const queueReads = await readQueues(deps);
  const { reads } = queueReads;
  if (Object.values(reads).every((o) => !o?.ok)) return { ...report, skipped: "unreachable" };

  const snapshot = snapshotOf(reads);
  const { detections, stall } = detect(snapshot, deps.storage.get<StallState>(STALL_KEY) ?? {}, settings.stallChecks);
  deps.storage.put(STALL_KEY, stall);
  detections.push(...(await vanishedDownloads(deps, snapshot)));
  report.detections = detections.length;

  const explain = setupExplainer(deps);
  const sideOf = arrSideReader(deps);
  for (let found of detections) {
    const identity = deps.storage.get<{ key: string }>(ALIAS_PREFIX + found.key)?.key ?? found.key;
    const handledKey = HANDLED_PREFIX + identity;
    const handled: Handled = { attempts: 0, lastActionAt: 0, ...deps.storage.get<Handled>(handledKey), lastSeenAt: now };
    handled.firstSeenAt ??= now;
    if (handled.final !== undefined && handled.finalCause === "stalled" && found.cause !== "stalled") {
      // It stalled, was alerted, and has now really failed: a new problem to announce and decide on.
      delete handled.final;
      delete handled.finalCause;
      handled.announced = false;
    }
    const anotherJob = found.downloadId !== null && handled.jobId !== undefined && found.downloadId !== handled.jobId;
    // A failure in SABnzbd's history waits for nothing once acted on, unless it is a new job of the download (a retry that failed again).
    const waiting = handled.final !== undefined || (handled.attempts > 0 && (found.source === "sabnzbd_history" ? !anotherJob : now < nextAttemptDue(handled)));
    if (!waiting && found.source === "sabnzbd_history" && !found.arr) {
      // Not in any app's queue: an app may still track it (it left the queue once the app processed the failure).
      const side = await sideOf(found.downloadId);
      if (side === undefined) continue; // the apps' history could not be read: ask again at the next check
      if (side.kind === "processed") {
        const tracked = { ...found, arr: side.link };
        found = tracked;
        // A full disk, a permissions or a news-server problem fails the next download too, whatever the app did: the user hears of it.
        const needsUser = ["disk_full", "permissions", "server_setup"].includes((await explain(tracked)).cause);
        const searches = needsUser ? false : await appSearchesAgain(deps, side.app);
        if (searches !== false) {
          await leftToApp(deps, settings, tracked, handled, side.message, searches);
          deps.storage.put(handledKey, handled);
          continue;
        }
        // Otherwise the app blocklisted the release but does not search again: AutoArr searches, through the app, once.
      } else if (side.kind === "imported") {
        found = { ...found, arr: side.link };
      } else if (side.kind === "pending") {
        handled.appWaitSince ??= now;
        if (now - handled.appWaitSince < APP_GRACE_MS) {
          deps.storage.put(handledKey, handled);
          continue;
        }
        found = { ...found, arr: side.link, pendingInApp: true };
      }
    }
    const detection = handled.announced && waiting ? found : await explain(found);
    const setupKey = detection.cause === "server_setup" ? SETUP_PREFIX + setupProblemKey(detection) : undefined;
    if (setupKey && deps.storage.get(setupKey) !== undefined) {
      // The setup problem was announced for another download already: this one waits on the same fix.
      deps.storage.put(setupKey, { lastSeenAt: now });
      deps.storage.put(handledKey, { ...handled, announced: true, final: handled.final ?? "alerted", finalCause: "server_setup" });
      continue;
    }
    if (!handled.announced) {
      handled.announced = true;
      await notify(deps, settings, detection, { kind: "detection", level: "warning", message: `${detection.title}: ${detection.reason}` });
    }
    if (!waiting) {
      if (anotherJob && handled.lastActionId) {
        // The job AutoArr's last action started failed too: that action did not recover it, whatever the app answered then.
        await updateRecoveryAction(deps.db, deps.tenantId, handled.lastActionId, { outcome: "failed" });
        delete handled.lastActionId;
      }
      const download = await downloadIdentity(detection);
      const counts = await countAttempts(deps.db, deps.tenantId, download);
      const rules = decide(detection, {
        attempts: counts.release,
        maxAttempts: settings.maxAttempts,
        itemAttempts: counts.item,
        maxItemAttempts: itemAttemptCap(settings.maxAttempts),
        failuresAtQuality: failuresAtQuality(deps.storage, detection, now, download.releaseKey),
        allowLowerQuality: settings.allowLowerQuality,
      });
      const suggested = await suggestDecision(deps.env, deps.tenantId, detection, rules);
      const done = await act(deps, settings, detection, suggested, handled, { ...download, attempts: counts.release });
      report.actions.push({ key: detection.key, title: detection.title, strategy: done.strategy, outcome: done.outcome });
    }
    if (setupKey) deps.storage.put(setupKey, { lastSeenAt: now });
    if (handled.retriedAs) deps.storage.put(ALIAS_PREFIX + handled.retriedAs, { key: identity, lastSeenAt: now });
    deps.storage.put(handledKey, handled);
  }
  forgetOldItems(deps.storage, now);
  // After the recoveries, and never failing the check: the charts' data is worth less than a check that carries on.
  await recordStackHistory(deps, queueReads).catch((error: unknown) =>
    createLogger("queue-check").warn("overview data not recorded", { tenantId: deps.tenantId, error }),
  );
  return report;
}

async function act(
  deps: QueueCheckDeps,
  settings: RecoverySettings,
  detection: Detection,
  suggested: { decision: Decision; decidedBy: "rules" | "llm"; fallback?: string },
  handled: Handled,
  download: DownloadIdentity & { attempts: number },
): Promise<{ strategy: Strategy; outcome: RecoveryOutcome }> {
  const { decision } = suggested;
  let strategy = decision.strategy;
  let note: string | undefined;
  const exhausted = decision.strategy === "alert" && decision.exhausted === true;
  let outcome: RecoveryOutcome;
  let steps: unknown = [];
  handled.finalCause = detection.cause;
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
    const result = await execute(deps.tools, detection, decision.strategy);
    forgetQueueReads(deps.storage);
    outcome = result.outcome;
    steps = result.steps;
    strategy = result.carriedOut ?? strategy;
    note = result.note;
    if (outcome === "alerted") handled.final = "alerted";
    else {
      handled.attempts = download.attempts + 1;
      handled.lastActionAt = deps.now();
      if (detection.downloadId) handled.jobId = detection.downloadId;
      if (result.nextJobId) handled.retriedAs = result.nextJobId;
      else delete handled.retriedAs;
    }
  }
  const row = await insertRecoveryAction(deps.db, {
    tenantId: deps.tenantId,
    app: detection.arr?.app ?? detection.app,
    itemId: detection.key,
    downloadId: detection.downloadId,
    title: detection.title,
    failureReason: detection.reason,
    strategy,
    attempt: outcome === "succeeded" || outcome === "failed" ? download.attempts + 1 : Math.max(1, download.attempts),
    outcome,
    decidedBy: suggested.decidedBy,
    releaseKey: download.releaseKey,
    mediaKey: download.mediaKey,
    detectedAt: handled.firstSeenAt === undefined ? null : new Date(handled.firstSeenAt),
    detail: {
      why: note ? `${decision.why}; ${note}` : decision.why,
      cause: detection.cause,
      source: detection.source,
      steps,
      detection,
      ...(strategy !== decision.strategy ? { chosen: decision.strategy } : {}),
      ...(suggested.fallback ? { llmFallback: suggested.fallback } : {}),
    },
  });
  if (outcome === "succeeded" || outcome === "failed") handled.lastActionId = row.id;
  const verb = {
    succeeded: strategy === "retry_download" ? "was retried in SABnzbd" : "recovered",
    failed: "could not recover",
    alerted: "needs your attention",
    exhausted: "needs your attention",
    dry_run: "would be recovered (dry run)",
    awaiting_approval: "is waiting for your approval",
    rejected: "was left alone",
  }[outcome];
  await notify(deps, settings, detection, {
    kind: "recovery",
    level: outcome === "succeeded" || outcome === "dry_run" ? "info" : outcome === "awaiting_approval" ? "warning" : "error",
    message: `${detection.title} ${verb}: ${decision.why}${note ? `; ${note}` : ""}`,
    action: { id: row.id, strategy, outcome },
  });
  return { strategy, outcome };
}

/**
 * Records that Sonarr/Radarr processed the failure themselves and tells the user once, at info level: no second
 * blocklist, search or SABnzbd retry. `searches` is the app's autoRedownloadFailed, undefined when it could not be read.
 */
async function leftToApp(
  deps: QueueCheckDeps,
  settings: RecoverySettings,
  detection: Detection & { arr: ArrLink },
  handled: Handled,
  message: string | undefined,
  searches: boolean | undefined,
): Promise<void> {
  const name = APP_NAME[detection.arr.app];
  const searched =
    searches === true ? "searched for another release" : `searches for another if its "Redownload Failed" setting is on (AutoArr could not read it)`;
  const why = `${name} handled this failure itself: it recorded the download as failed${message ? ` ("${message}")` : ""}, blocklisted the release and ${searched}; AutoArr did nothing more`;
  const download = await downloadIdentity(detection);
  const row = await insertRecoveryAction(deps.db, {
    tenantId: deps.tenantId,
    app: detection.arr.app,
    itemId: detection.key,
    downloadId: detection.downloadId,
    title: detection.title,
    failureReason: detection.reason,
    strategy: "alert",
    attempt: 1,
    outcome: "handled_by_app",
    decidedBy: "rules",
    releaseKey: download.releaseKey,
    mediaKey: download.mediaKey,
    detectedAt: handled.firstSeenAt === undefined ? null : new Date(handled.firstSeenAt),
    detail: { why, cause: detection.cause, source: detection.source, steps: [], detection, handledBy: detection.arr.app },
  });
  handled.announced = true;
  handled.final = "handled_by_app";
  handled.finalCause = detection.cause;
  await notify(deps, settings, detection, {
    kind: "recovery",
    level: "info",
    message: `${detection.title}: ${why}`,
    action: { id: row.id, strategy: "alert", outcome: "handled_by_app" },
  });
}

/** The app's own "Redownload Failed" setting (download client settings, autoRedownloadFailed); undefined when unreadable. */
async function appSearchesAgain(deps: QueueCheckDeps, app: ArrApp): Promise<boolean | undefined> {
  const outcome = await deps.tools.call(tools[app].configGet, { resource: "downloadclient" });
  const value = outcome.ok ? (outcome.data.values as { autoRedownloadFailed?: unknown } | undefined)?.autoRedownloadFailed : undefined;
  return typeof value === "boolean" ? value : undefined;
}

/**
 * Reads Sonarr's and Radarr's history of a SABnzbd job (one round trip, at most MAX_HISTORY_LOOKUPS jobs a check).
 * An app that is not paired has no such tool and tracks nothing; any other failed read leaves the answer unknown.
 */
function arrSideReader(deps: QueueCheckDeps): (downloadId: string | null) => Promise<ArrSide | undefined> {
  let lookups = 0;
  return async (downloadId) => {
    if (downloadId === null) return { kind: "untracked" };
    if (lookups++ >= MAX_HISTORY_LOOKUPS) return undefined;
    const apps = ["sonarr", "radarr"] as const;
    const answers = await deps.tools.callMany(apps.map((app) => toolCall(tools[app].historyDownload, { downloadId })));
    const histories: Partial<Record<ArrApp, ArrHistoryRecord[]>> = {};
    apps.forEach((app, index) => {
      const answer = answers[index];
      if (answer && !answer.ok && answer.error.kind === "unknown_tool") histories[app] = [];
      if (answer?.ok) histories[app] = answer.data.records.filter((r) => r.downloadId === undefined || r.downloadId === downloadId) as ArrHistoryRecord[];
    });
    return arrSideOf(histories);
  };
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
    data: {
      title: detection.title,
      reason: detection.reason,
      cause: detection.cause,
      downloadId: detection.downloadId,
      ...(entry.action ? { action: entry.action } : {}),
    },
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
  const news = recoveryNotification({
    itemKey: detection.key,
    app: event.app,
    title: detection.title,
    reason: detection.reason,
    outcome: entry.action?.outcome,
    summary: entry.message,
    at,
  });
  if (news) deps.notify?.(news);
  if (settings.webhookUrl)
    deps.waitUntil(sendWebhook(settings.webhookUrl, webhookBody(event, settings.webhookFormat), { resolverUrl: envVars(deps.env).DNS_RESOLVER_URL }));
}

/**
 * Explains a stall or failure by SABnzbd's setup when its server list shows the cause, or by SABnzbd's own latest
 * warning. Both are read together (one round trip) at most once per check, and only when there is something to
 * explain; a server list that is fine re-arms the setup alert.
 */
function setupExplainer(deps: QueueCheckDeps): (detection: Detection) => Promise<Detection> {
  let read: Promise<{ problem: SetupProblem | null | undefined; warning: string | undefined }> | undefined;
  return async (detection) => {
    if (!couldBeServerSetup(detection)) return detection;
    read ??= deps.tools
      .callMany([toolCall(tools.sabnzbd.getConfig, { section: "servers" }), toolCall(tools.sabnzbd.warnings)] as const)
      .then(([servers, warnings]) => {
        const problem = servers?.ok ? serverSetupProblem(servers.data) : undefined;
        if (problem === null) deps.storage.delete(SETUP_PREFIX + NO_NEWS_SERVER);
        return { problem, warning: warnings?.ok ? latestWarning(warnings.data, deps.now()) : undefined };
      });
    const { problem, warning } = await read;
    if (problem) return { ...detection, cause: "server_setup", reason: `${detection.reason}. ${problem.message}`, setupProblem: problem.key };
    return warning ? { ...detection, reason: `${detection.reason}. ${warning}` } : detection;
  };
}

function forgetOldItems(storage: SyncKvStorage, now: number): void {
  for (const prefix of [HANDLED_PREFIX, ALIAS_PREFIX, QUALITY_LEDGER_PREFIX, SETUP_PREFIX]) {
    for (const [key, item] of storage.list<{ lastSeenAt: number }>({ prefix })) {
      if (now - item.lastSeenAt > FORGET_AFTER_MS) storage.delete(key);
    }
  }
}

/**
 * Downloads Sonarr/Radarr tracked at the last check that have left the queue since without an import, a failure
 * or a removal in the app's history. Downloads AutoArr itself acted on are not lost, so they are not asked about.
 */
async function vanishedDownloads(deps: QueueCheckDeps, snapshot: QueueSnapshot): Promise<Detection[]> {
  const { tracked, gone } = trackDownloads(snapshot, deps.storage.get<TrackedDownloads>(TRACKED_KEY) ?? {});
  const candidates = gone.filter(([id]) => deps.storage.get(HANDLED_PREFIX + id) === undefined);
  const asked = candidates.slice(0, MAX_HISTORY_LOOKUPS);
  for (const [id, download] of candidates.slice(MAX_HISTORY_LOOKUPS)) tracked[id] = download;
  const answers =
    asked.length === 0 ? [] : await deps.tools.callMany(asked.map(([id, download]) => toolCall(tools[download.app].historyDownload, { downloadId: id })));
  const found: Detection[] = [];
  asked.forEach(([id, download], index) => {
    const answer = answers[index];
    if (!answer?.ok) {
      tracked[id] = download; // ask again at the next check
      return;
    }
    const detection = vanishedDetection(id, download, answer.data.records);
    if (detection) found.push(detection);
  });
  deps.storage.put(TRACKED_KEY, tracked);
  return found;
}
