// Which rate limits apply to which requests. Signed-in callers are counted per tenant; others per client address
// (an IPv4 address or an IPv6 /64, see platform/address-bucket.ts); sign-in attempts also per account.
import type { BackoffPolicy } from "../../durable-objects/rate-limiter/sign-in-backoff.logic";
import type { RateLimitRule } from "../../durable-objects/rate-limiter/sliding-window.logic";

interface PolicyEntry extends RateLimitRule {
  applies: (method: string, path: string) => boolean;
}

const CONFIG_AUDIT: RateLimitRule = { name: "config-audit", limit: 10, windowSeconds: 3600 };
const CONFIG_APPLY: RateLimitRule = { name: "config-apply", limit: 20, windowSeconds: 3600 };
/** A check reads every app and may act on downloads: a button, not a polling loop. */
const CHECK_NOW: RateLimitRule = { name: "check-now", limit: 10, windowSeconds: 60 };

/** Operations with a budget of their own besides the API's, by operation name: a route's OpenAPI operation, and
 *  the AutoArr MCP tool that does the same work (it shares the route's budget). */
const OPERATION_LIMITS: Record<string, RateLimitRule[]> = {
  runConfigAudit: [CONFIG_AUDIT],
  audit_configuration: [CONFIG_AUDIT],
  applyRecommendation: [CONFIG_APPLY],
  apply_recommendation: [CONFIG_APPLY],
  runCheckNow: [CHECK_NOW],
};

/** The operation of each route with a budget of its own: the route's OpenAPI operationId, found by method and path
 *  because the limit is taken before the router matches (test/api/rate-limit.test.ts holds it to the document). */
export const ROUTE_OPERATIONS: { operation: string; method: string; path: string }[] = [
  { operation: "runConfigAudit", method: "POST", path: "/api/v1/config/audit" },
  { operation: "applyRecommendation", method: "POST", path: "/api/v1/config/apply" },
  { operation: "runCheckNow", method: "POST", path: "/api/v1/recovery/check" },
];

export function operationOf(method: string, path: string): string | undefined {
  return ROUTE_OPERATIONS.find((r) => r.method === method && r.path === path)?.operation;
}

/** An operation's own limits (none for most), for a route's request or an MCP tool's call alike. */
export function operationRules(operation: string | undefined): RateLimitRule[] {
  return operation === undefined ? [] : (OPERATION_LIMITS[operation] ?? []).map((rule) => ({ ...rule }));
}

const POLICIES: PolicyEntry[] = [
  // AutoArr's MCP endpoint shares the API's budget: a tool call is an API request by another route.
  { name: "api", limit: 100, windowSeconds: 60, applies: (_m, p) => p.startsWith("/api/v1/") || p === "/mcp" },
  { name: "health", limit: 1000, windowSeconds: 60, applies: (_m, p) => p === "/health" || p.startsWith("/health/") },
];

const isPasswordRoute = (p: string) => p === "/api/v1/auth/login" || p === "/api/v1/auth/register";

/** Sign-up and sign-in are limited per address to slow down password guessing, for every caller: a valid access
 *  token of the guesser's own account must not buy them its tenant's larger budget. Refresh and sign-out guess
 *  nothing (a refresh token is 256 random bits) but every page load of the web app refreshes, so a household behind
 *  one address gets a larger budget for them. */
const ADDRESS_POLICIES: PolicyEntry[] = [
  { name: "auth", limit: 10, windowSeconds: 60, applies: (m, p) => m === "POST" && isPasswordRoute(p) },
  { name: "auth-session", limit: 60, windowSeconds: 60, applies: (m, p) => m === "POST" && p.startsWith("/api/v1/auth/") && !isPasswordRoute(p) },
];

/** Sign-in attempts for one account: 5 free failures, then waits of 30 s, 1, 2, 4, 8 and at most 15 min, so guessing
 *  spread over many networks gets about 100 tries a day. Networks the account signed in from count apart. */
export const SIGN_IN_BACKOFF: BackoffPolicy = { freeFailures: 5, firstDelaySeconds: 30, maxDelaySeconds: 900 };

/** Anonymous callers are limited per address. */
const ANONYMOUS_POLICIES: PolicyEntry[] = [
  ...ADDRESS_POLICIES,
  { name: "anonymous-api", limit: 100, windowSeconds: 60, applies: (_m, p) => p.startsWith("/api/v1/") },
  { name: "health", limit: 1000, windowSeconds: 60, applies: (_m, p) => p === "/health" || p.startsWith("/health/") },
];

function pick(policies: PolicyEntry[], method: string, path: string): RateLimitRule[] {
  return policies.filter((p) => p.applies(method, path)).map(({ name, limit, windowSeconds }) => ({ name, limit, windowSeconds }));
}

/** Everything a signed-in request counts against: its operation's own limits, then the API's. */
export function tenantRules(method: string, path: string): RateLimitRule[] {
  return [...operationRules(operationOf(method, path)), ...pick(POLICIES, method, path)];
}

export function anonymousRules(method: string, path: string): RateLimitRule[] {
  return pick(ANONYMOUS_POLICIES, method, path);
}

/** The per-address rules a signed-in caller is counted against as well as their tenant's. */
export function signedInAddressRules(method: string, path: string): RateLimitRule[] {
  return pick(ADDRESS_POLICIES, method, path);
}
