// The connector's reachability as GET /api/v1/connectors shows it, noted in D1 from the hub's real contacts: a change
// (reached ↔ not reached) is written at once, a repeated success at most once a minute (it only moves lastSeenAt on),
// and writes land in the order the contacts happened.
export type ReachabilityUpdate = { reachable: true; lastError: null; lastSeenAt: Date } | { reachable: false; lastError: string | null };

export const REPEATED_SUCCESS_WRITE_INTERVAL_MS = 60_000;

export class ReachabilityNotes {
  private written: boolean | undefined;
  private lastWriteAt = 0;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: (update: ReachabilityUpdate) => Promise<void>,
    private readonly now: () => number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Returns the write it queued, if any (for waitUntil). */
  note(reachable: boolean, error: string | null): Promise<void> | undefined {
    const now = this.now();
    const changed = reachable !== this.written;
    if (!changed && (!reachable || now - this.lastWriteAt < REPEATED_SUCCESS_WRITE_INTERVAL_MS)) return undefined;
    this.written = reachable;
    this.lastWriteAt = now;
    const update: ReachabilityUpdate = reachable ? { reachable, lastError: null, lastSeenAt: new Date(now) } : { reachable, lastError: error };
    this.pending = this.pending.then(() => this.write(update)).catch(this.onError);
    return this.pending;
  }
}
