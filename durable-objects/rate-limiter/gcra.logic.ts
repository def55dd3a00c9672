// Generic cell-rate algorithm: an exact rate limit with one number of state per bucket.
// A bucket of `limit` per `windowMs` admits a burst of `limit`, then one request every windowMs/limit.

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

/** Theoretical arrival times per bucket name, in ms since the epoch. */
export type BucketState = Record<string, number | undefined>;

export function decide(
  rules: readonly RateLimitRule[],
  state: BucketState,
  now: number,
): { decision: RateLimitDecision; next: BucketState } {
  const next: BucketState = {};
  let worst: RateLimitDecision = { allowed: true, retryAfterSeconds: 0 };
  for (const rule of rules) {
    const windowMs = rule.windowSeconds * 1000;
    const interval = windowMs / rule.limit;
    const tat = Math.max(state[rule.name] ?? now, now);
    const allowAt = tat + interval - windowMs;
    if (now < allowAt) {
      const retryAfterSeconds = Math.max(1, Math.ceil((allowAt - now) / 1000));
      if (worst.allowed || retryAfterSeconds > worst.retryAfterSeconds) {
        worst = { allowed: false, retryAfterSeconds, refusedBy: rule.name };
      }
    } else {
      next[rule.name] = tat + interval;
    }
  }
  // All buckets are charged together or not at all, so a refused request costs nothing.
  return { decision: worst, next: worst.allowed ? next : {} };
}
