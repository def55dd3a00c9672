// Rate limits for callers that are not signed in yet (keyed by client address), e.g. sign-in attempts.
import { DurableObject } from "cloudflare:workers";
import type { Env } from "../../workers/env";
import type { RateLimitDecision, RateLimitRule } from "./sliding-window.logic";
import { consumeRateLimit } from "./rate-limit-store";

export class RateLimiter extends DurableObject<Env> {
  consume(rules: RateLimitRule[]): RateLimitDecision {
    return consumeRateLimit(this.ctx.storage.kv, rules);
  }
}
