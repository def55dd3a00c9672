// The messages AutoArr sends, built from what happened: a download's detection and recovery, a circuit opening or
// closing, a content request reaching the library or failing, an important audit finding. Plain text throughout;
// each channel adapter escapes it for its own markup.
import { displayName, type BreakerKey } from "@autoarr/contract";
import type { NotificationEventKind, NotificationMessage, NotificationSeverity } from "./notification-message";

export interface QueuedNotification {
  message: NotificationMessage;
  /** The same key is told once (for example a download's recovery, however many retries it took). */
  dedupeKey?: string;
}

function appName(app: string): string {
  try {
    return displayName(app as BreakerKey);
  } catch {
    return app;
  }
}

const SEVERITY: Record<NotificationEventKind, NotificationSeverity> = {
  failure_detected: "warning",
  recovered: "info",
  gave_up: "critical",
  approval_waiting: "warning",
  request_available: "info",
  request_failed: "warning",
  app_down: "critical",
  app_up: "info",
  connector_down: "critical",
  connector_up: "info",
  audit_finding: "warning",
};

function message(kind: NotificationEventKind, title: string, body: string, link: string, at: string, dedupeKey?: string): QueuedNotification {
  return { message: { kind, severity: SEVERITY[kind], title, body, link, at }, ...(dedupeKey ? { dedupeKey } : {}) };
}

/** The recovery outcomes that are news; the others (a dry run, an attempt that failed and will be tried again) are not. */
const OUTCOME_EVENT: Partial<Record<string, NotificationEventKind>> = {
  succeeded: "recovered",
  handled_by_app: "recovered",
  exhausted: "gave_up",
  alerted: "gave_up",
  awaiting_approval: "approval_waiting",
};

export interface RecoveryNews {
  /** The download's identity across retries (the queue check's item key). */
  itemKey: string;
  app: string;
  title: string;
  reason: string;
  /** undefined for the detection itself. */
  outcome?: string;
  /** The activity line, which says what AutoArr did and why. */
  summary: string;
  at: string;
}

export function recoveryNotification(news: RecoveryNews): QueuedNotification | undefined {
  const kind = news.outcome === undefined ? "failure_detected" : OUTCOME_EVENT[news.outcome];
  if (!kind) return undefined;
  const app = appName(news.app);
  const heading = {
    failure_detected: `Download failed: ${news.title}`,
    recovered: `Recovered: ${news.title}`,
    gave_up: `Needs you: ${news.title}`,
    approval_waiting: `Waiting for your approval: ${news.title}`,
  }[kind as "failure_detected" | "recovered" | "gave_up" | "approval_waiting"];
  const body = news.outcome === undefined ? `${app}: ${news.reason}` : news.summary;
  // One message per event: a download is announced failed once, recovered once, given up once.
  return message(kind, heading, body, kind === "approval_waiting" ? "/" : "/activity", news.at, `${kind}:${news.itemKey}`);
}

export function circuitNotification(key: BreakerKey, from: string, to: string, error: string | null, at: string): QueuedNotification | undefined {
  const name = displayName(key);
  const isConnector = key === "connector";
  if (to === "open" && from !== "open") {
    const kind = isConnector ? "connector_down" : "app_down";
    return message(kind, `${name} is not answering`, `AutoArr stopped calling ${name} for now${error ? `: ${error}` : ""}. It tries again by itself.`, "/", at);
  }
  if (to === "closed" && from !== "closed") {
    const kind = isConnector ? "connector_up" : "app_up";
    return message(kind, `${name} is back`, `${name} answers again.`, "/", at);
  }
  return undefined;
}

export interface RequestNews {
  id: string;
  status: string;
  title: string;
  reason?: string;
  at: string;
}

export function requestNotification(request: RequestNews): QueuedNotification | undefined {
  if (request.status === "available")
    return message(
      "request_available",
      `Ready to watch: ${request.title}`,
      `${request.title} is in Plex.`,
      "/requests",
      request.at,
      `request_available:${request.id}`,
    );
  if (request.status === "failed")
    return message(
      "request_failed",
      `Request failed: ${request.title}`,
      request.reason ?? "AutoArr could not finish this request.",
      "/requests",
      request.at,
      `request_failed:${request.id}`,
    );
  return undefined;
}

export interface AuditNews {
  findingId: string;
  app: string;
  title: string;
  explanation: string;
  at: string;
}

export function auditNotification(finding: AuditNews): QueuedNotification {
  const app = appName(finding.app);
  return message("audit_finding", `${app}: ${finding.title}`, finding.explanation, "/audit", finding.at, `audit_finding:${finding.findingId}`);
}
