// Rate limits for callers that are not signed in yet: one object per client address (sliding windows, e.g. sign-in
// attempts) and one per account being signed in to (the failed-sign-in backoff).
import { DurableObject } from "cloudflare:workers";
import type { Env } from "../../workers/env";
import type { RateLimitDecision, RateLimitRule } from "./sliding-window.logic";
import { consumeRateLimit } from "./rate-limit-store";
import { admit, type BackoffPolicy, type BackoffState, type FailedSignInsNotice, noticeOnSuccess, type SignInAdmission } from "./sign-in-backoff.logic";

const BACKOFF_KEY = "signin:backoff";

export class RateLimiter extends DurableObject<Env> {
  /** Replaced by tests to move time instead of sleeping. */
  clock: () => number = () => Date.now();

  consume(rules: RateLimitRule[]): RateLimitDecision {
    return consumeRateLimit(this.ctx.storage.kv, rules, this.clock());
  }

  /** Admits one sign-in attempt for this object's account, counted as failed until signInSucceeded says otherwise. */
  beginSignIn(policy: BackoffPolicy): SignInAdmission {
    const { admission, next } = admit(policy, this.ctx.storage.kv.get<BackoffState>(BACKOFF_KEY), this.clock());
    if (next) this.ctx.storage.kv.put(BACKOFF_KEY, next);
    return admission;
  }

  /** Clears the count and returns the failed attempts it held, for the owner to see. */
  signInSucceeded(): FailedSignInsNotice | undefined {
    const notice = noticeOnSuccess(this.ctx.storage.kv.get<BackoffState>(BACKOFF_KEY));
    this.ctx.storage.kv.delete(BACKOFF_KEY);
    return notice;
  }
}
