import { describe, expect, it } from "vitest";
import { api, errorOf, signUp } from "../helpers";

describe("rate limits", () => {
  it("finds each limited route's operation under the operationId the OpenAPI document gives it", async () => {
    const { ROUTE_OPERATIONS } = await import("../../workers/rate-limits/rate-limit-policy");
    const doc = (await (await api("/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, { operationId?: string }>> };
    expect(ROUTE_OPERATIONS.length).toBeGreaterThan(0);
    for (const { operation, method, path } of ROUTE_OPERATIONS) {
      expect(doc.paths[path]?.[method.toLowerCase()]?.operationId, `${method} ${path}`).toBe(operation);
    }
  });

  it("allows a tenant 100 API requests a minute, then answers 429 with Retry-After", async () => {
    const owner = await signUp("busy");
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) statuses.push((await api("/api/v1/me", { token: owner.accessToken })).status);
    expect(statuses.every((s) => s === 200)).toBe(true);

    const refused = await api("/api/v1/me", { token: owner.accessToken });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect((await errorOf(refused)).code).toBe("rate_limited");
  });

  it("counts per tenant: another tenant is not slowed by a busy one", async () => {
    const busy = await signUp("busy2");
    const calm = await signUp("calm");
    for (let i = 0; i < 101; i++) await api("/api/v1/me", { token: busy.accessToken });
    expect((await api("/api/v1/me", { token: busy.accessToken })).status).toBe(429);
    expect((await api("/api/v1/me", { token: calm.accessToken })).status).toBe(200);
  });

  it("limits config audits to 10 an hour per tenant, independently of the per-minute limit", async () => {
    const { env } = await import("cloudflare:test");
    const owner = await signUp("auditor");
    const hub = env.TENANT_HUB.get(env.TENANT_HUB.idFromName(owner.tenant.id));
    const { tenantRules } = await import("../../workers/rate-limits/rate-limit-policy");
    const rules = tenantRules("POST", "/api/v1/config/audit");
    expect(rules.map((r) => r.name).sort()).toEqual(["api", "config-audit"]);
    const decisions = [];
    for (let i = 0; i < 11; i++) decisions.push(await hub.consumeRateLimit(rules));
    expect(decisions.slice(0, 10).every((d) => d.allowed)).toBe(true);
    expect(decisions[10]).toMatchObject({ allowed: false, refusedBy: "config-audit" });
    expect(decisions[10]!.retryAfterSeconds).toBeGreaterThan(60);
    // The refused audit did not use up the general budget.
    expect((await hub.consumeRateLimit(tenantRules("GET", "/api/v1/me"))).allowed).toBe(true);
  });
});
