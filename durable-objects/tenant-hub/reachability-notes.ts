// The connector's reachability as GET /api/v1/connectors shows it, noted in D1 from the hub's real contacts: a change
// (reached ↔ not reached) is written at once, a repeated success at most every ten minutes (it only moves lastSeenAt
// on; at one write a minute, a check every two minutes would cost a D1 write per tenant per check), and
// writes land in the order the contacts happened. What was last written is remembered in the hub's storage, so a hub
// rebuilt after eviction does not write again what D1 already says.
export type ReachabilityUpdate = { reachable: true; lastError: null; lastSeenAt: Date } | { reachable: false; lastError: string | null };

export const REPEATED_SUCCESS_WRITE_INTERVAL_MS = 10 * 60_000;

/** What was last written to D1, and when. */
export interface NotedReachability {
  reachable: boolean;
  at: number;
}

export interface NotedMemory {
  load(): NotedReachability | undefined;
  save(noted: NotedReachability): void;
}

export class ReachabilityNotes {
  private written: boolean | undefined;
  private lastWriteAt = 0;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: (update: ReachabilityUpdate) => Promise<void>,
    private readonly now: () => number,
    private readonly onError: (error: unknown) => void,
    private readonly memory?: NotedMemory,
  ) {
    const noted = memory?.load();
    if (noted) {
      this.written = noted.reachable;
      this.lastWriteAt = noted.at;
    }
  }

  /** Returns the write it queued, if any (for waitUntil). */
  note(reachable: boolean, error: string | null): Promise<void> | undefined {
    const now = this.now();
    const changed = reachable !== this.written;
    if (!changed && (!reachable || now - this.lastWriteAt < REPEATED_SUCCESS_WRITE_INTERVAL_MS)) return undefined;
    this.written = reachable;
    this.lastWriteAt = now;
    const update: ReachabilityUpdate = reachable ? { reachable, lastError: null, lastSeenAt: new Date(now) } : { reachable, lastError: error };
    this.pending = this.pending
      .then(() => this.write(update))
      .then(() => this.memory?.save({ reachable, at: now }))
      .catch(this.onError);
    return this.pending;
  }
}
