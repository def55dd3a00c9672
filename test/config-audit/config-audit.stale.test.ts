// Issue #15: the stale check must compare values as the apps serve them, dryRun must re-read like apply, and a
// value that is already set is refused instead of recorded as a change.
import { describe, expect, it } from "vitest";
import { api, errorOf } from "../helpers";
import { hub, pairedTenant, type Stack } from "../stacks";

interface Rec {
  id: string;
  ruleId: string;
  currentValue: unknown;
  recommendedValue: unknown;
}
interface AuditBody {
  apps: Record<string, { recommendations: Rec[] }>;
}

async function recommendation(token: string, ruleId: string): Promise<Rec> {
  const response = await api("/api/v1/config/audit", { method: "POST", token, json: {} });
  expect(response.status).toBe(201);
  const body = (await response.json()) as AuditBody;
  return Object.values(body.apps)
    .flatMap((a) => a.recommendations)
    .find((r) => r.ruleId === ruleId)!;
}

async function setMisc(tenantId: string, keyword: string, value: string | number) {
  const outcome = await hub(tenantId).callByName("sabnzbd_set_config", { section: "misc", keyword, value }, {});
  expect(outcome.ok).toBe(true);
}

/** Like a restart of SABnzbd: the stored settings stay, switches read 0/1 again. */
async function restartSabnzbd(stack: Stack) {
  const response = await fetch(`${stack.simulators.sabnzbd}/__sim/reset`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ profile: "demo" }),
  });
  expect(response.ok).toBe(true);
}

const apply = (token: string, recommendationId: string, dryRun?: boolean) =>
  api("/api/v1/config/apply", { method: "POST", token, json: { recommendationId, ...(dryRun ? { dryRun } : {}) } });
const historyOf = async (token: string) => ((await (await api("/api/v1/config/history", { token })).json()) as { items: unknown[] }).items;

describe("applying after the app changed how it spells a value", () => {
  it("applies a switch the audit saw as false that reads 0 after a restart", async () => {
    const { owner, stack } = await pairedTenant("audit-restart", { profile: "demo" });
    // A real 4.5.0 ignores a write of the value a switch holds (it stays 0): on then off makes it read false
    // (connector/test/recorded/sabnzbd-4.5/set-config-misc-switch-unchanged.json, set-config-misc-switch-default.json).
    await setMisc(owner.tenant.id, "direct_unpack", 1);
    await setMisc(owner.tenant.id, "direct_unpack", 0);
    const rec = await recommendation(owner.accessToken, "sabnzbd.post-processing.direct-unpack");
    expect(rec.currentValue).toBe(false);
    await restartSabnzbd(stack);

    const dry = await apply(owner.accessToken, rec.id, true);
    expect(dry.status).toBe(200);
    const applied = await apply(owner.accessToken, rec.id);
    expect(applied.status).toBe(200);
    const { change } = (await applied.json()) as { change: { id: string; after: unknown } };
    expect(change.after).toBe(true);

    const rollback = await api(`/api/v1/config/history/${change.id}/rollback`, { method: "POST", token: owner.accessToken });
    expect(rollback.status).toBe(200);
  });

  it("answers a dry run with the same 409 as apply when the setting changed since the audit", async () => {
    const { owner } = await pairedTenant("audit-dry-stale", { profile: "demo" });
    const rec = await recommendation(owner.accessToken, "sabnzbd.performance.article-cache");
    await setMisc(owner.tenant.id, "cache_limit", "256M");
    const dry = await apply(owner.accessToken, rec.id, true);
    expect(dry.status).toBe(409);
    expect((await errorOf(dry)).message).toMatch(/changed since the audit/);
    expect((await apply(owner.accessToken, rec.id)).status).toBe(409);
  });

  it("refuses a value that is already set and records nothing", async () => {
    const { owner } = await pairedTenant("audit-already", { profile: "demo" });
    const rec = await recommendation(owner.accessToken, "sabnzbd.performance.article-cache");
    await setMisc(owner.tenant.id, "cache_limit", String(rec.recommendedValue));
    for (const dryRun of [true, false]) {
      const response = await apply(owner.accessToken, rec.id, dryRun);
      expect(response.status).toBe(409);
      expect((await errorOf(response)).message).toMatch(/already set/);
    }
    expect(await historyOf(owner.accessToken)).toEqual([]);
  });
});

describe("the executable-files fix", () => {
  // Real SABnzbd 4.5: unwanted_extensions blocks nothing while action_on_unwanted_extensions is 0 (its default).
  it("finds a list that blocks nothing, fixes both settings with one apply, and the re-audit no longer shows it", async () => {
    const { owner } = await pairedTenant("audit-unwanted", { profile: "demo" });
    const rec = await recommendation(owner.accessToken, "sabnzbd.security.unwanted-extensions");
    expect(rec).toMatchObject({ currentValue: 0, recommendedValue: 2 });
    expect((await apply(owner.accessToken, rec.id)).status).toBe(200);
    const [change] = (await historyOf(owner.accessToken)) as Array<{ writes: Array<{ setting: string }> }>;
    expect(change?.writes.map((w) => w.setting)).toEqual(["sabnzbd.config.misc.action_on_unwanted_extensions", "sabnzbd.config.misc.unwanted_extensions"]);

    const response = await api("/api/v1/config/audit", { method: "POST", token: owner.accessToken, json: {} });
    const ruleIds = Object.values(((await response.json()) as AuditBody).apps)
      .flatMap((a) => a.recommendations)
      .map((r) => r.ruleId);
    expect(ruleIds.filter((id) => id.startsWith("sabnzbd.security.unwanted-extensions"))).toEqual([]);
  });
});
