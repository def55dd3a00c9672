// SABnzbd's part of stack_item_trace, in parallel: mode=queue and mode=history narrowed to the item's jobs with nzo_ids
// (the download ids its *arr queue and history name; sabnzbd-api.md), and mode=warnings. The queue answer carries the
// whole queue's paused state, speed and free disk space even when narrowed; history is not asked when no job is named.
import type { SabnzbdTrace } from "@autoarr/contract";
import { compact, type Raw } from "../apps/arr/arr.types.js";
import type { SabnzbdApi } from "../apps/sabnzbd/sabnzbd.api.js";
import { maskUrlSecrets, numeric, projectHistorySlot, projectQueueSlot } from "../apps/sabnzbd/sabnzbd.types.js";
import { ok, type Result } from "../http/upstream.js";

type Job = SabnzbdTrace["jobs"][number];
const obj = (v: unknown): Raw => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Raw) : {});
const slotsOf = (container: unknown): Raw[] => {
  const slots = obj(container).slots;
  return Array.isArray(slots) ? slots.map(obj) : [];
};
const flag = (v: unknown) => v === true || v === 1 || v === "1" || v === "True";

export async function readSabnzbdTrace(api: SabnzbdApi, downloadIds: readonly string[]): Promise<Result<SabnzbdTrace>> {
  const ids = new Set(downloadIds);
  const nzoIds = downloadIds.join(",");
  // Without a job to look for, one queue slot is enough for the queue-wide fields.
  const queueParams = ids.size > 0 ? { nzo_ids: nzoIds } : { start: 0, limit: 1 };
  const [queue, history, warnings] = await Promise.all([
    api.call("queue", queueParams),
    ids.size > 0 ? api.call("history", { nzo_ids: nzoIds, limit: ids.size }) : Promise.resolve(ok<Record<string, unknown>>({})),
    api.call("warnings"),
  ]);
  if (!queue.ok) return queue;
  if (!history.ok) return history;
  if (!warnings.ok) return warnings;

  const queueFields = obj(queue.value.queue);
  const queued: Job[] = slotsOf(queueFields)
    .filter((slot) => ids.has(String(slot.nzo_id)))
    .map((slot) => {
      const s = projectQueueSlot(slot);
      return compact<Job>({ nzoId: s.nzoId, name: s.name, where: "queue", status: s.status, percentage: s.percentage, mbLeft: s.leftMb, timeLeft: s.timeleft });
    });
  const finished: Job[] = slotsOf(history.value.history)
    .filter((slot) => ids.has(String(slot.nzo_id)))
    .map((slot) => {
      const s = projectHistorySlot(slot);
      return compact<Job>({
        nzoId: s.nzoId,
        name: s.name,
        where: "history",
        status: s.status,
        failMessage: s.failMessage ? maskUrlSecrets(s.failMessage) : undefined,
        storage: s.storage,
        completed: s.completed,
      });
    });
  const warningTexts = (Array.isArray(warnings.value.warnings) ? warnings.value.warnings : []).map((w) =>
    maskUrlSecrets(typeof w === "string" ? w : String(obj(w).text ?? "")),
  );
  return ok(
    compact<SabnzbdTrace>({
      jobs: [...queued, ...finished],
      paused: flag(queueFields.paused),
      speedKbps: numeric(queueFields.kbpersec),
      diskFreeGb: compact({ download: numeric(queueFields.diskspace1), complete: numeric(queueFields.diskspace2) }),
      warnings: warningTexts,
    }),
  );
}
