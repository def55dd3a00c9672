import { describe, expect, it } from "vitest";
import { api, errorOf } from "../helpers";
import { hub, pairedTenant } from "../stacks";

interface Rec {
  id: string;
  ruleId: string;
  fix: string;
  instructions?: string;
}
interface AuditBody {
  id: string;
  apps: Record<string, { recommendations: Rec[] }>;
}
const all = (audit: AuditBody) => Object.values(audit.apps).flatMap((a) => a.recommendations);

async function audit(token: string): Promise<AuditBody> {
  const response = await api("/api/v1/config/audit", { method: "POST", token, json: {} });
  expect(response.status).toBe(201);
  return response.json();
}

describe("configuration audit errors", () => {
  it("refuses a stale apply with 409 and writes nothing", async () => {
    const { owner } = await pairedTenant("audit-stale", { profile: "demo" });
    const tenantId = owner.tenant.id;
    const rec = all(await audit(owner.accessToken)).find((r) => r.ruleId === "sonarr.general.log-level")!;
    const changed = await hub(tenantId).callByName("sonarr_config_update", { resource: "host", values: { logLevel: "debug" } }, {});
    expect(changed.ok).toBe(true);
    const response = await api("/api/v1/config/apply", { method: "POST", token: owner.accessToken, json: { recommendationId: rec.id } });
    expect(response.status).toBe(409);
    expect((await errorOf(response)).message).toMatch(/changed since the audit/);
    const outcome = await hub(tenantId).callByName("sonarr_config_get", { resource: "host" }, {});
    expect(outcome.ok && (outcome.data as { values: { logLevel: string } }).values.logLevel).toBe("debug");
    expect(((await (await api("/api/v1/config/history", { token: owner.accessToken })).json()) as { items: unknown[] }).items).toEqual([]);
  });

  it("answers 409 with the instructions for a recommendation changed by hand", async () => {
    const { owner } = await pairedTenant("audit-manual", { profile: "demo" });
    const rec = all(await audit(owner.accessToken)).find((r) => r.fix === "manual")!;
    const response = await api("/api/v1/config/apply", { method: "POST", token: owner.accessToken, json: { recommendationId: rec.id } });
    expect(response.status).toBe(409);
    expect((await errorOf(response)).message).toContain(rec.instructions!.slice(0, 30));
  });

  it("dismisses a recommendation", async () => {
    const { owner } = await pairedTenant("audit-dismiss", { profile: "demo" });
    const rec = all(await audit(owner.accessToken))[0]!;
    const response = await api(`/api/v1/config/recommendations/${rec.id}/dismiss`, { method: "POST", token: owner.accessToken });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: rec.id, status: "dismissed" });
  });

  it("needs authentication", async () => {
    expect((await api("/api/v1/config/audits/latest")).status).toBe(401);
    expect((await api("/api/v1/config/audit", { method: "POST", json: {} })).status).toBe(401);
  });
});

describe("configuration audit tenant isolation", () => {
  it("does not let tenant B see or act on tenant A's audit, recommendations or changes", async () => {
    const a = await pairedTenant("audit-a", { profile: "demo" });
    const b = await pairedTenant("audit-b", { profile: "demo" });
    const auditA = await audit(a.owner.accessToken);
    const rec = all(auditA).find((r) => r.ruleId === "sabnzbd.performance.article-cache")!;
    const applied = await api("/api/v1/config/apply", { method: "POST", token: a.owner.accessToken, json: { recommendationId: rec.id } });
    const { change } = (await applied.json()) as { change: { id: string } };
    const asB = b.owner.accessToken;
    expect((await api(`/api/v1/config/audits/${auditA.id}`, { token: asB })).status).toBe(404);
    expect((await api("/api/v1/config/audits/latest", { token: asB })).status).toBe(404);
    expect((await api("/api/v1/config/apply", { method: "POST", token: asB, json: { recommendationId: rec.id, dryRun: true } })).status).toBe(404);
    expect((await api("/api/v1/config/apply", { method: "POST", token: asB, json: { recommendationId: all(auditA)[1]!.id } })).status).toBe(404);
    expect((await api(`/api/v1/config/recommendations/${rec.id}/dismiss`, { method: "POST", token: asB })).status).toBe(404);
    expect((await api(`/api/v1/config/history/${change.id}/rollback`, { method: "POST", token: asB })).status).toBe(404);
    expect(((await (await api("/api/v1/config/history", { token: asB })).json()) as { items: unknown[] }).items).toEqual([]);
  });
});
