// Enforces the rate-limit policy in Durable Objects, where the count is exact; 429 with Retry-After when over.
// Sign-in, sign-up and refresh count per address for everyone; signed-in callers also count per tenant.
import { createMiddleware } from "hono/factory";
import type { RateLimitDecision } from "../../durable-objects/rate-limiter/sliding-window.logic";
import type { AppEnv } from "../platform/env";
import { AppError } from "../platform/errors";
import { addressBucket } from "../platform/address-bucket";
import { anonymousRules, signedInAddressRules, tenantRules } from "./rate-limit-policy";
import { SIGNED_OUT_PROBLEM } from "../auth/access-tokens.service";
import { hubFor } from "../connectors/hub-client";

export const rateLimit = createMiddleware<AppEnv>(async (c, next) => {
  const auth = c.get("auth");
  const { method, path } = c.req;
  const perAddress = auth ? signedInAddressRules(method, path) : anonymousRules(method, path);
  if (perAddress.length > 0) {
    refuseIfOver(await c.env.RATE_LIMITER.get(c.env.RATE_LIMITER.idFromName(`ip:${addressBucket(c.req.header("cf-connecting-ip"))}`)).consume(perAddress));
  }
  const session = c.get("accessSession");
  if (auth && session) {
    // One call to the tenant's hub both counts the request and refuses a token whose session was signed out.
    const admission = await hubFor(c.env, auth.tenantId).admitRequest(tenantRules(method, path), {
      sessionId: session.id,
      userId: auth.userId,
      issuedAtMs: session.issuedAtMs,
    });
    if (admission.sessionEnded) throw new AppError("unauthorized", SIGNED_OUT_PROBLEM, undefined, { "WWW-Authenticate": SIGNED_OUT_CHALLENGE });
    refuseIfOver(admission.rateLimit);
  }
  await next();
});

/** RFC 6750's answer to a bearer token that is no longer good; MCP clients read it to sign in again. */
const SIGNED_OUT_CHALLENGE = 'Bearer realm="autoarr", error="invalid_token"';

function refuseIfOver(decision: RateLimitDecision): void {
  if (decision.allowed) return;
  throw new AppError("rate_limited", `Too many requests (${decision.refusedBy} limit); try again in ${decision.retryAfterSeconds} s`, undefined, {
    "Retry-After": String(decision.retryAfterSeconds),
  });
}
