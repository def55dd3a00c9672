// The queue check's four reads, paid for only when something changed: the connector's stack_changes answers each
// app's cheap fingerprint in one round trip, and a read whose fingerprint is the same as at its last full read reuses
// that read's stored outcome. Detection then sees the same data with time having passed, which is what stall
// detection wants (a download that did not move did not progress).
import { appsWith, type CallOutcome, type ToolOutput, tools } from "@autoarr/contract";
import { toolCall, type ToolCalls } from "../connectors/tool-call";
import type { QueueReads } from "./queue-snapshot";

export const READS = {
  sabQueue: toolCall(tools.sabnzbd.queue, { limit: 200 }),
  // Every status: a job SABnzbd completed can be damaged all the same (its stage log says so, not its status).
  sabHistory: toolCall(tools.sabnzbd.history, { limit: 50 }),
  sonarrQueue: toolCall(tools.sonarr.queue, { pageSize: 100 }),
  radarrQueue: toolCall(tools.radarr.queue, { pageSize: 100 }),
} as const;
type ReadName = keyof typeof READS;
const READ_NAMES = Object.keys(READS) as ReadName[];

type Changes = ToolOutput<typeof tools.stack.changes>;
type Fingerprint = { ok: true; value: unknown } | { ok: false };

/** The part of stack_changes' answer each read follows (SABnzbd's queue and history move apart). */
const FINGERPRINT_OF: Record<ReadName, (changes: Changes) => Fingerprint> = {
  sabQueue: ({ sabnzbd }) => (sabnzbd?.ok ? { ok: true, value: sabnzbd.fingerprint.queue } : { ok: false }),
  sabHistory: ({ sabnzbd }) => (sabnzbd?.ok ? { ok: true, value: sabnzbd.fingerprint.lastHistoryUpdate } : { ok: false }),
  sonarrQueue: ({ sonarr }) => (sonarr?.ok ? { ok: true, value: sonarr.fingerprint } : { ok: false }),
  radarrQueue: ({ radarr }) => (radarr?.ok ? { ok: true, value: radarr.fingerprint } : { ok: false }),
};

/**
 * Everything is read in full at least every FULL_READ_EVERY checks (10 minutes), whatever the fingerprints say: a
 * Sonarr/Radarr queue item can change its tracked state or status message (import blocked, a new warning beside an
 * old one) without queue/status's counts or flags changing, and SABnzbd's totals can stay put while one job's status
 * moves. A change is then seen late by at most this many checks, never missed.
 */
export const FULL_READ_EVERY = 5;
const SINCE_FULL_KEY = "monitor:reads:since-full";
const STORED_PREFIX = "monitor:reads:last:";

interface StoredRead {
  /** The fingerprint taken just before this read (JSON of the part, whose key order the contract's parse fixes). */
  fingerprint: string;
  outcome: CallOutcome;
}

export interface QueueReadsResult {
  reads: QueueReads;
  /** Which reads went to the connector this check (the rest reused their stored outcome). */
  readInFull: ReadName[];
}

export async function readQueues(deps: { tools: ToolCalls; storage: SyncKvStorage }): Promise<QueueReadsResult> {
  const sinceFull = deps.storage.get<number>(SINCE_FULL_KEY);
  const due = sinceFull === undefined || sinceFull + 1 >= FULL_READ_EVERY;
  // The fingerprints are read before the data, so a change between the two reads makes the next check read again
  // rather than keep stale data under a newer fingerprint.
  const changes = await deps.tools.call(tools.stack.changes, { apps: appsWith("recovery") });
  // A connector without stack_changes (older than it) or one that could not answer: today's full read.
  const fingerprints = changes.ok
    ? Object.fromEntries(READ_NAMES.map((name) => [name, FINGERPRINT_OF[name](changes.data)]))
    : ({} as Record<ReadName, Fingerprint | undefined>);

  const reused: Partial<Record<ReadName, CallOutcome>> = {};
  if (changes.ok && !due) {
    for (const name of READ_NAMES) {
      const fingerprint = fingerprints[name];
      const stored = deps.storage.get<StoredRead>(STORED_PREFIX + name);
      // A failed part, a failed last read or no last read: read in full, so the app's breaker sees how it is now.
      if (fingerprint?.ok && stored?.outcome.ok && stored.fingerprint === JSON.stringify(fingerprint.value)) reused[name] = stored.outcome;
    }
  }
  const toRead = READ_NAMES.filter((name) => reused[name] === undefined);
  const outcomes = toRead.length === 0 ? [] : await deps.tools.callMany(toRead.map((name) => READS[name]));
  const reads: Record<string, CallOutcome> = { ...reused };
  toRead.forEach((name, index) => {
    const outcome = outcomes[index] as CallOutcome;
    reads[name] = outcome;
    const fingerprint = fingerprints[name];
    if (outcome.ok && fingerprint?.ok) deps.storage.put<StoredRead>(STORED_PREFIX + name, { fingerprint: JSON.stringify(fingerprint.value), outcome });
    else deps.storage.delete(STORED_PREFIX + name);
  });
  const everything = toRead.length === READ_NAMES.length;
  if (changes.ok) deps.storage.put(SINCE_FULL_KEY, everything ? 0 : (sinceFull ?? 0) + 1);
  else deps.storage.delete(SINCE_FULL_KEY);
  return { reads: reads as QueueReads, readInFull: toRead };
}

/**
 * After AutoArr itself changed the queues (a retry, a blocklist and search): the next check reads everything. Its
 * fingerprints were taken before the change, and a removal and a new grab can leave every count as it was.
 */
export function forgetQueueReads(storage: SyncKvStorage): void {
  storage.delete(SINCE_FULL_KEY);
}
