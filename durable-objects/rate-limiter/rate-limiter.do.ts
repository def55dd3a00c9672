// Rate limits for callers that are not signed in yet: one object per client address (sliding windows, e.g. sign-in
// attempts) and one per account being signed in to (the failed-sign-in backoff).
import { DurableObject } from "cloudflare:workers";
import type { Env } from "../../workers/platform/env";
import type { RateLimitDecision, RateLimitRule } from "./sliding-window.logic";
import { consumeRateLimit } from "./rate-limit-store";
import {
  admit,
  type BackoffPolicy,
  type BackoffState,
  type FailedSignInsNotice,
  noticeOnSuccess,
  rememberNetwork,
  type SignInAdmission,
} from "./sign-in-backoff.logic";

const KNOWN_NETWORKS_KEY = "signin:known-networks";
const STRANGERS_KEY = "signin:backoff:strangers";
const networkKey = (network: string) => `signin:backoff:network:${network}`;
/** Enough for home, work and a phone's carrier or two. */
const KNOWN_NETWORKS_KEPT = 8;

export class RateLimiter extends DurableObject<Env> {
  /** Replaced by tests to move time instead of sleeping. */
  clock: () => number = () => Date.now();

  consume(rules: RateLimitRule[]): RateLimitDecision {
    return consumeRateLimit(this.ctx.storage.kv, rules, this.clock());
  }

  /** Admits one sign-in attempt for this object's account from `network` (an address bucket), counted as failed
   *  until signInSucceeded says otherwise. Networks the account signed in from count apart from all others. */
  beginSignIn(policy: BackoffPolicy, network: string): SignInAdmission {
    const kv = this.ctx.storage.kv;
    const key = this.knownNetworks().includes(network) ? networkKey(network) : STRANGERS_KEY;
    const { admission, next } = admit(policy, kv.get<BackoffState>(key), this.clock());
    if (next) kv.put(key, next);
    return admission;
  }

  /** Clears every count, remembers the network, and returns the failed attempts the counts held, for the owner to see. */
  signInSucceeded(network: string): FailedSignInsNotice | undefined {
    const kv = this.ctx.storage.kv;
    const known = this.knownNetworks();
    const currentKey = known.includes(network) ? networkKey(network) : STRANGERS_KEY;
    const otherKeys = [STRANGERS_KEY, ...known.map(networkKey)].filter((key) => key !== currentKey);
    const notice = noticeOnSuccess(
      kv.get<BackoffState>(currentKey),
      otherKeys.map((key) => kv.get<BackoffState>(key)),
    );
    for (const key of [currentKey, ...otherKeys]) kv.delete(key);
    if (network !== "unknown") kv.put(KNOWN_NETWORKS_KEY, rememberNetwork(known, network, KNOWN_NETWORKS_KEPT));
    return notice;
  }

  private knownNetworks(): string[] {
    return this.ctx.storage.kv.get<string[]>(KNOWN_NETWORKS_KEY) ?? [];
  }
}
