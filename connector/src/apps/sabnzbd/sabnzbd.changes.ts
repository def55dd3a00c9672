// SABnzbd's "what changed" answer: the queue's totals and the history's change counter, read in parallel with the
// cheapest requests that carry them.
import type { SabnzbdFingerprint } from "@autoarr/contract";
import { ok, type Result } from "../../http/upstream.js";
import type { SabnzbdApi } from "./sabnzbd.api.js";
import { numeric, projectQueue } from "./sabnzbd.types.js";

const obj = (v: unknown): Record<string, unknown> => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/**
 * mode=queue&limit=1 still carries the whole queue's status, paused, noofslots_total and mbleft (sabnzbd-api.md);
 * mode=history&limit=1 carries last_history_update, which SABnzbd moves on every history change.
 */
export async function sabnzbdChanges(api: SabnzbdApi): Promise<Result<SabnzbdFingerprint>> {
  const [queue, history] = await Promise.all([api.call("queue", { start: 0, limit: 1 }), api.call("history", { start: 0, limit: 1 })]);
  if (!queue.ok) return queue;
  if (!history.ok) return history;
  const { status, paused, totalSlots, leftMb } = projectQueue(queue.value);
  return ok({
    queue: { status, paused, totalSlots, leftMb: leftMb ?? 0 },
    lastHistoryUpdate: numeric(obj(history.value.history).last_history_update) ?? 0,
  });
}
