// Enforces the rate-limit policy in Durable Objects, where the count is exact; 429 with Retry-After when over.
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { AppError } from "../errors";
import { anonymousRules, tenantRules } from "../rate-limit-policy";

export const rateLimit = createMiddleware<AppEnv>(async (c, next) => {
  const auth = c.get("auth");
  const { method, path } = c.req;
  const rules = auth ? tenantRules(method, path) : anonymousRules(method, path);
  if (rules.length > 0) {
    const decision = auth
      ? await c.env.TENANT_HUB.get(c.env.TENANT_HUB.idFromName(auth.tenantId)).consumeRateLimit(rules)
      : await c.env.RATE_LIMITER.get(c.env.RATE_LIMITER.idFromName(`ip:${clientAddress(c.req.raw)}`)).consume(rules);
    if (!decision.allowed) {
      throw new AppError(
        "rate_limited",
        `Too many requests (${decision.refusedBy} limit); try again in ${decision.retryAfterSeconds} s`,
        undefined,
        { "Retry-After": String(decision.retryAfterSeconds) },
      );
    }
  }
  await next();
});

function clientAddress(request: Request): string {
  return request.headers.get("cf-connecting-ip") ?? "unknown";
}
