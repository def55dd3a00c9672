// Sliding-window log: at most `limit` requests in any rolling window, so "100 a minute" means exactly that.
// The Durable Object that owns the log is single-threaded, which is what makes the count exact.

export interface RateLimitRule {
  /** Names the bucket, e.g. "api" or "config-audit". */
  name: string;
  limit: number;
  windowSeconds: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** Seconds until the request would be admitted (0 when allowed). */
  retryAfterSeconds: number;
  /** The rule that refused the request, when one did. */
  refusedBy?: string;
}

/** Admission times (ms since the epoch) per bucket name, oldest first. */
export type BucketState = Record<string, number[] | undefined>;

export function decide(rules: readonly RateLimitRule[], state: BucketState, now: number): { decision: RateLimitDecision; next: BucketState } {
  const next: BucketState = {};
  let worst: RateLimitDecision = { allowed: true, retryAfterSeconds: 0 };
  for (const rule of rules) {
    const windowMs = rule.windowSeconds * 1000;
    const log = (state[rule.name] ?? []).filter((t) => t > now - windowMs);
    if (log.length >= rule.limit) {
      const freesAt = log[log.length - rule.limit]! + windowMs;
      const retryAfterSeconds = Math.max(1, Math.ceil((freesAt - now) / 1000));
      if (worst.allowed || retryAfterSeconds > worst.retryAfterSeconds) {
        worst = { allowed: false, retryAfterSeconds, refusedBy: rule.name };
      }
    } else {
      next[rule.name] = [...log, now];
    }
  }
  // All buckets are charged together or not at all, so a refused request costs nothing.
  return { decision: worst, next: worst.allowed ? next : {} };
}
