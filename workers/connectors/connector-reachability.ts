// Whether a connector counts as reachable now: its latest contact succeeded, and that was recent. The hub notes every
// change of reachability at once and a success at most every ten minutes (REPEATED_SUCCESS_WRITE_INTERVAL_MS), and
// checks every paired connector every two minutes, so a working one is never seen more than about twelve minutes ago.
export const REACHABLE_WITHIN_MS = 15 * 60_000;

export function reachableNow(row: { reachable: boolean | null; lastSeenAt: Date | null }, now = Date.now()): boolean | null {
  if (row.reachable === null && row.lastSeenAt === null) return null;
  return row.reachable === true && row.lastSeenAt !== null && now - row.lastSeenAt.getTime() <= REACHABLE_WITHIN_MS;
}
