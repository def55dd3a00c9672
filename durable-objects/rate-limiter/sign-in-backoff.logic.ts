// Per-account backoff for sign-in: a few failures are free, then each further attempt waits a delay that doubles with
// every failure up to a cap. It slows guessing spread over many addresses without ever locking the owner out for good:
// after the delay one attempt is admitted, and a successful sign-in clears the count. Networks the account has signed
// in from keep counts of their own, so a stranger who keeps the wait going elsewhere does not hold up the owner at home.

export interface BackoffPolicy {
  /** Failures admitted without any delay. */
  freeFailures: number;
  firstDelaySeconds: number;
  maxDelaySeconds: number;
}

/** Attempts since the last successful sign-in; every admitted attempt counts as a failure until it succeeds. */
export interface BackoffState {
  failures: number;
  /** When the first of these attempts was made (ms since the epoch). */
  firstFailureAt: number;
  lastAttemptAt: number;
}

export type SignInAdmission = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface FailedSignInsNotice {
  failedSignIns: number;
  /** When the first of them was made (ms since the epoch). */
  since: number;
}

export function delaySeconds(policy: BackoffPolicy, failures: number): number {
  if (failures < policy.freeFailures) return 0;
  const doublings = failures - policy.freeFailures;
  // Past the cap's exponent the power would only overflow towards Infinity; the cap answers either way.
  return Math.min(policy.maxDelaySeconds, policy.firstDelaySeconds * 2 ** Math.min(doublings, 30));
}

export function admit(policy: BackoffPolicy, state: BackoffState | undefined, now: number): { admission: SignInAdmission; next?: BackoffState } {
  const failures = state?.failures ?? 0;
  const opensAt = (state?.lastAttemptAt ?? now) + delaySeconds(policy, failures) * 1000;
  if (state && now < opensAt) {
    // A refused attempt tests no password, so it leaves the state alone: refusals never lengthen the wait.
    return { admission: { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((opensAt - now) / 1000)) } };
  }
  return {
    admission: { allowed: true },
    next: { failures: failures + 1, firstFailureAt: state?.firstFailureAt ?? now, lastAttemptAt: now },
  };
}

/** What the owner is told on signing in: the failed attempts in every count, less the successful one that `current` holds. */
export function noticeOnSuccess(current: BackoffState | undefined, others: readonly (BackoffState | undefined)[] = []): FailedSignInsNotice | undefined {
  const failed = [current && current.failures > 1 ? { ...current, failures: current.failures - 1 } : undefined, ...others].filter(
    (state): state is BackoffState => state !== undefined && state.failures > 0,
  );
  if (failed.length === 0) return undefined;
  return { failedSignIns: failed.reduce((sum, s) => sum + s.failures, 0), since: Math.min(...failed.map((s) => s.firstFailureAt)) };
}

/** The networks an account signed in from most recently, newest first, with this one added. */
export function rememberNetwork(known: readonly string[], network: string, keep: number): string[] {
  return [network, ...known.filter((n) => n !== network)].slice(0, keep);
}
