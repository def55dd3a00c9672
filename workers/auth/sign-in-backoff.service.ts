// Slows password guessing against one account from however many addresses it comes: the account's own RateLimiter
// object (named by a hash of the email) admits attempts with a growing delay after a few failures. Networks the account
// signed in from before count apart, so a stranger cannot keep the owner waiting there. It answers alike whether or not
// the account exists, so a refusal says nothing about the address.
import type { Env } from "../platform/env";
import { AppError } from "../platform/errors";
import { SIGN_IN_BACKOFF } from "../rate-limits/rate-limit-policy";
import { sha256Hex } from "../platform/encoding";

export interface FailedSignInsNotice {
  failedSignIns: number;
  /** When the first of them was made (ISO 8601). */
  since: string;
}

/** The RateLimiter object that counts sign-in attempts for this (normalised) email address. */
export async function accountLimiterName(email: string): Promise<string> {
  return `account:${await sha256Hex(`sign-in:${email}`)}`;
}

async function limiterFor(env: Env, email: string) {
  return env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName(await accountLimiterName(email)));
}

/** Admits a sign-in attempt for the account from the network (an address bucket) or refuses it with 429 and
 *  Retry-After; the attempt counts as failed until signInSucceeded. */
export async function admitSignIn(env: Env, email: string, network: string): Promise<void> {
  const admission = await (await limiterFor(env, email)).beginSignIn(SIGN_IN_BACKOFF, network);
  if (admission.allowed) return;
  throw new AppError("rate_limited", `Too many failed sign-ins for this account; try again in ${admission.retryAfterSeconds} s`, undefined, {
    "Retry-After": String(admission.retryAfterSeconds),
  });
}

/** Clears the account's count; returns the failed attempts since its last successful sign-in, if there were any. */
export async function signInSucceeded(env: Env, email: string, network: string): Promise<FailedSignInsNotice | undefined> {
  const notice = await (await limiterFor(env, email)).signInSucceeded(network);
  return notice ? { failedSignIns: notice.failedSignIns, since: new Date(notice.since).toISOString() } : undefined;
}
