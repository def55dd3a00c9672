import { describe, expect, it } from "vitest";
import demoFixture from "../fixtures/snapshots/demo.json";
import { CATALOGUE } from "../../workers/config-audit/catalogue";
import { evaluate, recommendations } from "../../workers/config-audit/rule-engine";
import { stackSnapshotSchema } from "../../workers/config-audit/snapshot.schema";
import { api } from "../helpers";
import { hub, pairedTenant, sim } from "../stacks";

interface Rec {
  id: string;
  ruleId: string;
  app: string;
  setting: string;
  priority: string;
  currentValue: unknown;
  recommendedValue: unknown;
  status: string;
  fix: string;
  instructions?: string;
}
interface AuditBody {
  id: string;
  path: string;
  pathReason?: string;
  apps: Record<string, { status: string; error?: string; recommendations: Rec[] }>;
}

const all = (audit: AuditBody) => Object.values(audit.apps).flatMap((a) => a.recommendations);

async function audit(token: string, json: unknown = {}): Promise<AuditBody> {
  const response = await api("/api/v1/config/audit", { method: "POST", token, json });
  expect(response.status).toBe(201);
  return response.json();
}

async function sabMisc(tenantId: string, keyword: string): Promise<unknown> {
  const outcome = await hub(tenantId).callByName("sabnzbd_get_config", { section: "misc" }, {});
  if (!outcome.ok) throw new Error(outcome.error.message);
  return (outcome.data as { config: Record<string, unknown> }).config[keyword];
}

describe("configuration audit of the demo stack", () => {
  it("finds every deliberate misconfiguration with the right priority, read live through the connector", async () => {
    const { owner } = await pairedTenant("audit-demo", { profile: "demo" });
    const body = await audit(owner.accessToken);
    const expected = recommendations(evaluate(CATALOGUE, stackSnapshotSchema.parse(demoFixture)))
      .map((f) => `${f.ruleId} ${f.setting} ${f.priority}`)
      .sort();
    expect(
      all(body)
        .map((r) => `${r.ruleId} ${r.setting} ${r.priority}`)
        .sort(),
    ).toEqual(expected);
    expect(expected.length).toBeGreaterThan(25);
    expect(Object.values(body.apps).every((a) => a.status === "ok")).toBe(true);
    // Claude is configured in tests but this audit is unscripted: the rules decide and the audit says why.
    expect(body.path).toBe("rules");
    expect(body.pathReason).toMatch(/Claude/);
    for (const app of Object.values(body.apps)) {
      const weights = app.recommendations.map((r) => ({ high: 3, medium: 2, low: 1 })[r.priority as "high"]);
      expect(weights).toEqual([...weights].sort((a, b) => b - a));
    }
    const latest = await api("/api/v1/config/audits/latest", { token: owner.accessToken });
    expect(((await latest.json()) as AuditBody).id).toBe(body.id);
    const byId = await api(`/api/v1/config/audits/${body.id}`, { token: owner.accessToken });
    expect(byId.status).toBe(200);
    // The audit answers with what it stored, without reading it back: the stored audit is the same, field for field.
    expect(await byId.json()).toEqual(body);
  });

  it("reports nothing on a well-configured stack", async () => {
    const { owner } = await pairedTenant("audit-good", { profile: "well-configured" });
    const body = await audit(owner.accessToken);
    expect(all(body)).toEqual([]);
    expect(Object.keys(body.apps).sort()).toEqual(["plex", "prowlarr", "radarr", "sabnzbd", "sonarr"]);
  });

  it("answers 404 for the latest audit before any audit", async () => {
    const { owner } = await pairedTenant("audit-none", { profile: "demo" });
    expect((await api("/api/v1/config/audits/latest", { token: owner.accessToken })).status).toBe(404);
  });

  it("gives a partial audit that says so when an app is down", async () => {
    const { owner, stack } = await pairedTenant("audit-down", { profile: "demo" });
    await sim.faults(stack, "plex", { down: true });
    const body = await audit(owner.accessToken);
    expect(body.apps.plex).toMatchObject({ status: "unavailable", recommendations: [] });
    expect(body.apps.plex?.error).toBeTruthy();
    expect(body.apps.sonarr?.status).toBe("ok");
    expect(body.apps.sonarr?.recommendations.length).toBeGreaterThan(0);
  });

  it("audits only the apps asked for", async () => {
    const { owner } = await pairedTenant("audit-some", { profile: "demo" });
    const body = await audit(owner.accessToken, { apps: ["sabnzbd"] });
    expect(Object.keys(body.apps)).toEqual(["sabnzbd"]);
    expect(all(body).every((r) => r.app === "sabnzbd")).toBe(true);
  });
});

describe("applying and rolling back a recommendation", () => {
  it("shows a dry run, applies through the connector, records history, and rolls back", async () => {
    const { owner, stack } = await pairedTenant("audit-apply", { profile: "demo" });
    const tenantId = owner.tenant.id;
    const body = await audit(owner.accessToken);
    const rec = all(body).find((r) => r.ruleId === "sabnzbd.performance.article-cache")!;
    expect(rec).toMatchObject({ fix: "apply", currentValue: "", recommendedValue: "1G", status: "open" });

    const dry = await api("/api/v1/config/apply", { method: "POST", token: owner.accessToken, json: { recommendationId: rec.id, dryRun: true } });
    expect(await dry.json()).toEqual({
      app: "sabnzbd",
      setting: "sabnzbd.config.misc.cache_limit",
      before: "",
      after: "1G",
      writes: [{ setting: "sabnzbd.config.misc.cache_limit", before: "", after: "1G" }],
    });
    expect((await sim.requests(stack, "sabnzbd")).some((r) => r.query.mode === "set_config")).toBe(false);
    expect(await sabMisc(tenantId, "cache_limit")).toBe("");

    const applied = await api("/api/v1/config/apply", { method: "POST", token: owner.accessToken, json: { recommendationId: rec.id } });
    expect(applied.status).toBe(200);
    const { change } = (await applied.json()) as { change: { id: string; before: unknown; after: unknown; app: string; setting: string } };
    expect(change).toMatchObject({ app: "sabnzbd", setting: "sabnzbd.config.misc.cache_limit", before: "", after: "1G" });
    expect(await sabMisc(tenantId, "cache_limit")).toBe("1G");

    const history = (await (await api("/api/v1/config/history", { token: owner.accessToken })).json()) as {
      items: Array<{ id: string; user: string; rolledBackAt: string | null }>;
    };
    expect(history.items[0]).toMatchObject({ id: change.id, user: owner.user.id, rolledBackAt: null });
    const latest = (await (await api("/api/v1/config/audits/latest", { token: owner.accessToken })).json()) as AuditBody;
    expect(all(latest).find((r) => r.id === rec.id)?.status).toBe("applied");

    const again = await api("/api/v1/config/apply", { method: "POST", token: owner.accessToken, json: { recommendationId: rec.id } });
    expect(again.status).toBe(409);

    const rollback = await api(`/api/v1/config/history/${change.id}/rollback`, { method: "POST", token: owner.accessToken });
    expect(rollback.status).toBe(200);
    expect(((await rollback.json()) as { change: unknown }).change).toMatchObject({ before: "1G", after: "" });
    expect(await sabMisc(tenantId, "cache_limit")).toBe("");
    const after = (await (await api("/api/v1/config/history", { token: owner.accessToken })).json()) as {
      items: Array<{ id: string; rolledBackAt: string | null }>;
    };
    expect(after.items.find((i) => i.id === change.id)?.rolledBackAt).toBeTruthy();
    expect((await api(`/api/v1/config/history/${change.id}/rollback`, { method: "POST", token: owner.accessToken })).status).toBe(409);
  });

  it("applies a Sonarr setting and reads it back", async () => {
    const { owner } = await pairedTenant("audit-sonarr", { profile: "demo" });
    const rec = all(await audit(owner.accessToken)).find((r) => r.ruleId === "sonarr.import.hardlinks")!;
    const applied = await api("/api/v1/config/apply", { method: "POST", token: owner.accessToken, json: { recommendationId: rec.id } });
    expect(applied.status).toBe(200);
    const outcome = await hub(owner.tenant.id).callByName("sonarr_config_get", { resource: "mediamanagement" }, {});
    expect(outcome.ok && (outcome.data as { values: { copyUsingHardlinks: boolean } }).values.copyUsingHardlinks).toBe(true);
  });
});
