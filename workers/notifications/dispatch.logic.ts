// What a channel is sent for a batch of events: routed by the channel's events, held in quiet hours (critical ones
// may pass), and folded into one message when many arrive at once. Also the digest and the retry schedule.
import type { NotificationEventKind, NotificationMessage } from "./notification-message";

/** More than this many messages for one channel in one batch become one grouped message. */
export const GROUP_ABOVE = 3;
/** Attempts per message before it counts as failed. */
export const MAX_ATTEMPTS = 5;
/** Failed deliveries in a row that turn a channel off. */
export const FAILURES_BEFORE_DISABLE = 10;
const BACKOFF_MS = [30_000, 2 * 60_000, 10 * 60_000, 30 * 60_000];
const LONGEST_WAIT_MS = 60 * 60_000;

export interface ChannelRoute {
  events: readonly NotificationEventKind[];
}

export interface Plan {
  send: NotificationMessage[];
  hold: NotificationMessage[];
}

export function routedTo(channel: ChannelRoute, message: NotificationMessage): boolean {
  if (message.kind === "test" || message.kind === "digest" || message.kind === "grouped") return true;
  return channel.events.includes(message.kind);
}

export function plan(channel: ChannelRoute, messages: readonly NotificationMessage[], quiet: { now: boolean; letCriticalThrough: boolean }): Plan {
  const routed = messages.filter((message) => routedTo(channel, message));
  const passes = (message: NotificationMessage) => !quiet.now || (quiet.letCriticalThrough && message.severity === "critical");
  const send = routed.filter(passes);
  const hold = routed.filter((message) => !passes(message));
  return { send: send.length > GROUP_ABOVE ? [grouped(send)] : send, hold };
}

const SEVERITY_RANK = { info: 0, warning: 1, critical: 2 } as const;

function worst(messages: readonly NotificationMessage[]): NotificationMessage["severity"] {
  return messages.reduce<NotificationMessage["severity"]>((top, m) => (SEVERITY_RANK[m.severity] > SEVERITY_RANK[top] ? m.severity : top), "info");
}

const KIND_PHRASES: Partial<Record<NotificationMessage["kind"], [string, string]>> = {
  failure_detected: ["download failed", "downloads failed"],
  recovered: ["recovered", "recovered"],
  gave_up: ["needs you", "need you"],
  approval_waiting: ["waits for approval", "wait for approval"],
  request_available: ["request is ready", "requests are ready"],
  request_failed: ["request failed", "requests failed"],
  app_down: ["app is down", "apps are down"],
  app_up: ["app is back", "apps are back"],
  connector_down: ["connector outage", "connector outages"],
  connector_up: ["connector is back", "connector is back"],
  audit_finding: ["audit finding", "audit findings"],
};

/** "2 downloads failed, 1 recovered": what a folded message holds, by kind, in the order they first came. */
function summary(messages: readonly NotificationMessage[]): string {
  const counts = new Map<NotificationMessage["kind"], number>();
  for (const m of messages) counts.set(m.kind, (counts.get(m.kind) ?? 0) + (m.items?.length ?? 1));
  return [...counts]
    .map(([kind, count]) => {
      const [one, many] = KIND_PHRASES[kind] ?? ["message", "messages"];
      return `${count} ${count === 1 ? one : many}`;
    })
    .join(", ");
}

/** The items are the messages themselves; `body` is only a summary, since each adapter lists the items. */
function fold(kind: "grouped" | "digest", title: string, messages: readonly NotificationMessage[], at: string): NotificationMessage {
  const items = messages.flatMap((m) => m.items ?? [{ title: m.title, body: m.body }]);
  return { kind, severity: worst(messages), title, body: summary(messages), link: "/activity", at, items };
}

export function grouped(messages: readonly NotificationMessage[]): NotificationMessage {
  return fold("grouped", `${messages.length} things need a look`, messages, messages[messages.length - 1]!.at);
}

export function digest(held: readonly NotificationMessage[], at: Date): NotificationMessage {
  const count = held.length === 1 ? "1 event" : `${held.length} events`;
  return fold("digest", `While it was quiet: ${count}`, held, at.toISOString());
}

/** How long to wait before attempt `attempt + 1` (attempt counts from 1); the service's Retry-After when longer. */
export function retryDelayMs(attempt: number, retryAfterMs?: number): number {
  const backoff = BACKOFF_MS[Math.min(attempt - 1, BACKOFF_MS.length - 1)]!;
  return Math.min(Math.max(backoff, retryAfterMs ?? 0), LONGEST_WAIT_MS);
}
