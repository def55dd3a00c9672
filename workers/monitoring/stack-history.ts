// What the overview charts are drawn from, taken from the reads the queue check made anyway: a sample of SABnzbd's
// queue when the check read it, and the downloads SABnzbd's history shows completed. No extra connector call; no D1
// statement when nothing changed, otherwise one batch.
import { and, eq, lt } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "../platform/db/database";
import { downloadCompletions, queueSamples } from "../platform/db/schema";
import type { QueueReadsResult } from "./queue-reads";

/** The completed job ids of the history last recorded: a history that did not change writes nothing. */
const SEEN_KEY = "monitor:history:completed-seen";
/** The hour samples were last pruned in: once an hour, in the batch of that hour's first sample. */
const PRUNED_HOUR_KEY = "monitor:samples:pruned-hour";
const HOUR = 3_600_000;
export const SAMPLES_KEPT_MS = 48 * HOUR;
/** Five values a row and D1 binds at most 100 a statement. */
const ROWS_PER_INSERT = 20;
const KB = 1024;
const MB = 1024 * 1024;

interface Deps {
  tenantId: string;
  db: Database;
  storage: SyncKvStorage;
  now: () => number;
}

/** Records what this check read; answers how many D1 statements it sent (in one batch). */
export async function recordStackHistory(deps: Deps, { reads, readInFull }: QueueReadsResult): Promise<number> {
  const now = deps.now();
  const statements: BatchItem<"sqlite">[] = [];
  let prunedHour: number | undefined;
  let seen: string[] | undefined;

  const queue = reads.sabQueue;
  if (readInFull.includes("sabQueue") && queue?.ok) {
    statements.push(
      deps.db
        .insert(queueSamples)
        .values({
          tenantId: deps.tenantId,
          at: new Date(now),
          speedBytesPerSecond: Math.round((queue.data.speedKbps ?? 0) * KB),
          sizeLeftBytes: Math.round((queue.data.leftMb ?? 0) * MB),
          items: queue.data.totalSlots,
        })
        .onConflictDoNothing(),
    );
    const hour = Math.floor(now / HOUR);
    if (deps.storage.get<number>(PRUNED_HOUR_KEY) !== hour) {
      statements.push(deps.db.delete(queueSamples).where(and(eq(queueSamples.tenantId, deps.tenantId), lt(queueSamples.at, new Date(now - SAMPLES_KEPT_MS)))));
      prunedHour = hour;
    }
  }

  const history = reads.sabHistory;
  if (readInFull.includes("sabHistory") && history?.ok && history.data.changed !== false) {
    const completed = history.data.slots.filter((slot) => slot.status === "Completed" && !slot.postProcessing);
    const before = new Set(deps.storage.get<string[]>(SEEN_KEY) ?? []);
    const fresh = completed.filter((slot) => !before.has(slot.nzoId));
    for (let i = 0; i < fresh.length; i += ROWS_PER_INSERT) {
      const rows = fresh.slice(i, i + ROWS_PER_INSERT).map((slot) => ({
        tenantId: deps.tenantId,
        app: "sabnzbd",
        downloadId: slot.nzoId,
        title: slot.name,
        completedAt: new Date(slot.completed ? slot.completed * 1000 : now),
      }));
      statements.push(deps.db.insert(downloadCompletions).values(rows).onConflictDoNothing());
    }
    const ids = completed.map((slot) => slot.nzoId);
    if (fresh.length > 0 || ids.length !== before.size) seen = ids;
  }

  if (statements.length > 0) await deps.db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  // Only once written: a batch that failed is tried again at the next check.
  if (prunedHour !== undefined) deps.storage.put(PRUNED_HOUR_KEY, prunedHour);
  if (seen !== undefined) deps.storage.put(SEEN_KEY, seen);
  return statements.length;
}
