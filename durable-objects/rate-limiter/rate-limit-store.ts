// Applies sliding-window decisions against a Durable Object's synchronous KV storage.
import { type BucketState, decide, type RateLimitDecision, type RateLimitRule } from "./sliding-window.logic";

const PREFIX = "ratelimit:";

export function consumeRateLimit(storage: SyncKvStorage, rules: readonly RateLimitRule[], now = Date.now()): RateLimitDecision {
  const state: BucketState = {};
  for (const rule of rules) state[rule.name] = storage.get<number[]>(PREFIX + rule.name);
  const { decision, next } = decide(rules, state, now);
  for (const [name, log] of Object.entries(next)) {
    if (log) storage.put(PREFIX + name, log);
  }
  return decision;
}
