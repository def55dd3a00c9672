// Issue #15, defects 3 and 4: the audit of a real SABnzbd 4.5.0 default install (its recorded get_config answers,
// loaded into the simulator; connector/test/sabnzbd-audit.real.test.ts checks them against a live one), a fix that
// writes several settings applied, recorded and rolled back as one, and SABnzbd's own warnings shown.
import { describe, expect, it } from "vitest";
import recorded from "./sabnzbd-default-install.json";
import { api, errorOf } from "../helpers";
import { hub, pairedTenantsForThisFile, sim, type Stack } from "../stacks";

const pairedTenant = pairedTenantsForThisFile();

interface Write {
  setting: string;
  before: unknown;
  after: unknown;
}
interface Rec {
  id: string;
  ruleId: string;
  setting: string;
  title: string;
  priority: string;
  currentValue: unknown;
  recommendedValue: unknown;
  status: string;
  fix: string;
  instructions?: string;
  writes?: Write[];
}
interface Change {
  id: string;
  setting: string;
  before: unknown;
  after: unknown;
  rolledBackAt: string | null;
  recommendationId: string | null;
  rollbackOf: string | null;
  writes: Write[];
}

const LIST = "sabnzbd.config.misc.unwanted_extensions";
const ACTION = "sabnzbd.config.misc.action_on_unwanted_extensions";
const EXECUTABLES = ["exe", "com", "bat", "cmd", "scr", "lnk", "vbs", "ps1"];

const section = (name: "misc" | "servers" | "categories" | "sorters") => ((recorded.answers[name].config ?? {}) as Record<string, unknown>)[name] ?? null;

/** A SABnzbd as a fresh 4.5.0 install answers: no news server, no minimum free space, the executable list empty and off. */
async function defaultInstall(label: string) {
  const tenant = await pairedTenant(label, { profile: "demo" });
  const response = await fetch(`${tenant.stack.simulators.sabnzbd}/__sim/sabnzbd-config`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ misc: section("misc"), servers: section("servers"), categories: section("categories"), sorters: section("sorters") }),
  });
  expect(response.ok).toBe(true);
  return tenant;
}

async function sabnzbdAudit(token: string): Promise<Rec[]> {
  const response = await api("/api/v1/config/audit", { method: "POST", token, json: { apps: ["sabnzbd"], refresh: true } });
  expect(response.status).toBe(201);
  return ((await response.json()) as { apps: { sabnzbd: { recommendations: Rec[] } } }).apps.sabnzbd.recommendations;
}

async function misc(tenantId: string): Promise<Record<string, unknown>> {
  const outcome = await hub(tenantId).callByName("sabnzbd_get_config", { section: "misc" }, {});
  if (!outcome.ok) throw new Error(outcome.error.message);
  return (outcome.data as { config: Record<string, unknown> }).config;
}

async function setMisc(tenantId: string, keyword: string, value: string | number) {
  const outcome = await hub(tenantId).callByName("sabnzbd_set_config", { section: "misc", keyword, value }, {});
  expect(outcome.ok).toBe(true);
}

const apply = (token: string, recommendationId: string, dryRun?: boolean) =>
  api("/api/v1/config/apply", { method: "POST", token, json: { recommendationId, ...(dryRun ? { dryRun } : {}) } });
const rollback = (token: string, id: string) => api(`/api/v1/config/history/${id}/rollback`, { method: "POST", token });
const historyOf = async (token: string) => ((await (await api("/api/v1/config/history", { token })).json()) as { items: Change[] }).items;
const failWrites = (stack: Stack, keywords: string[]) =>
  fetch(`${stack.simulators.sabnzbd}/__sim/sabnzbd-failing-writes`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ keywords }),
  });

describe("the audit of a real SABnzbd 4.5.0 default install", () => {
  it("puts the missing news server first and finds no minimum free space and an executable list that blocks nothing", async () => {
    const { owner } = await defaultInstall("default-install-findings");
    const recs = await sabnzbdAudit(owner.accessToken);
    expect(recs[0]).toMatchObject({ ruleId: "sabnzbd.servers.configured", priority: "high", fix: "manual", currentValue: [] });
    expect(recs[0]!.instructions).toMatch(/Config → Servers → Add Server.*563.*SSL/);
    expect(recs.find((r) => r.ruleId === "sabnzbd.storage.minimum-free-space")).toMatchObject({ fix: "apply", currentValue: "", recommendedValue: "10G" });
    expect(recs.find((r) => r.ruleId === "sabnzbd.security.unwanted-extensions")).toMatchObject({
      fix: "apply",
      setting: ACTION,
      currentValue: 0,
      recommendedValue: 2,
      writes: [
        { setting: ACTION, before: 0, after: 2 },
        { setting: LIST, before: [], after: EXECUTABLES.join(", ") },
      ],
    });
    const ruleIds = recs.map((r) => r.ruleId);
    // Listening on 127.0.0.1 only, a fresh install needs no login; with no server there is nothing to be disabled.
    expect(ruleIds).not.toContain("sabnzbd.security.web-login");
    expect(ruleIds).not.toContain("sabnzbd.servers.enabled");
    expect(ruleIds).not.toContain("sabnzbd.security.unwanted-extensions-action");
    expect(ruleIds).not.toContain("sabnzbd.reported-warning");
  });

  it("says so when every news server is disabled, before anything else", async () => {
    const { owner, stack } = await pairedTenant("default-install-disabled", { profile: "demo" });
    const outcome = await hub(owner.tenant.id).callByName(
      "sabnzbd_set_config",
      { section: "servers", name: "news.newshosting.com", keyword: "enable", value: 0 },
      {},
    );
    expect(outcome.ok).toBe(true);
    const recs = await sabnzbdAudit(owner.accessToken);
    expect(recs[0]).toMatchObject({ ruleId: "sabnzbd.servers.enabled", fix: "manual" });
    expect(recs.map((r) => r.ruleId)).not.toContain("sabnzbd.servers.configured");
    expect((await sim.requests(stack, "sabnzbd")).some((r) => r.query.mode === "get_config" && r.query.section === "servers")).toBe(true);
  });

  it("asks for a web login when SABnzbd listens beyond loopback without one, and never offers to set it", async () => {
    const { owner } = await pairedTenant("default-install-login", { profile: "demo" });
    const login = (await sabnzbdAudit(owner.accessToken)).find((r) => r.ruleId === "sabnzbd.security.web-login")!;
    expect(login).toMatchObject({ priority: "high", fix: "manual", currentValue: "" });
    expect(login.instructions).toMatch(/Config → General → Security/);
    expect((await apply(owner.accessToken, login.id)).status).toBe(409);
  });
});

describe("a fix that writes several settings", () => {
  it("is shown in a dry run, applied as one change of both settings, and rolled back as one", async () => {
    const { owner, stack } = await defaultInstall("multi-write-apply");
    const tenantId = owner.tenant.id;
    const rec = (await sabnzbdAudit(owner.accessToken)).find((r) => r.ruleId === "sabnzbd.security.unwanted-extensions")!;

    const dry = await apply(owner.accessToken, rec.id, true);
    expect(dry.status).toBe(200);
    expect(await dry.json()).toEqual({
      app: "sabnzbd",
      setting: ACTION,
      before: 0,
      after: 2,
      writes: [
        { setting: ACTION, before: 0, after: 2 },
        { setting: LIST, before: [], after: EXECUTABLES.join(", ") },
      ],
    });
    expect((await sim.requests(stack, "sabnzbd")).some((r) => r.query.mode === "set_config")).toBe(false);

    const applied = await apply(owner.accessToken, rec.id);
    expect(applied.status).toBe(200);
    const { change } = (await applied.json()) as { change: Change };
    expect(change).toMatchObject({
      setting: ACTION,
      before: 0,
      after: 2,
      writes: [
        { setting: ACTION, before: 0, after: 2 },
        { setting: LIST, before: [], after: EXECUTABLES },
      ],
    });
    expect(await misc(tenantId)).toMatchObject({ action_on_unwanted_extensions: 2, unwanted_extensions: EXECUTABLES });
    const history = await historyOf(owner.accessToken);
    expect(history.map((c) => c.id)).toEqual([change.id]);
    expect((await sabnzbdAudit(owner.accessToken)).map((r) => r.ruleId)).not.toContain("sabnzbd.security.unwanted-extensions");

    const undone = await rollback(owner.accessToken, change.id);
    expect(undone.status).toBe(200);
    const back = ((await undone.json()) as { change: Change }).change;
    expect(back).toMatchObject({
      rollbackOf: change.id,
      writes: [
        { setting: LIST, before: EXECUTABLES, after: [] },
        { setting: ACTION, before: 2, after: 0 },
      ],
    });
    expect(await misc(tenantId)).toMatchObject({ action_on_unwanted_extensions: 0, unwanted_extensions: [] });
    expect((await historyOf(owner.accessToken)).find((c) => c.id === change.id)?.rolledBackAt).toBeTruthy();
  });

  it("refuses to roll back when one of its settings was changed since, naming it, and changes nothing", async () => {
    const { owner } = await defaultInstall("multi-write-moved");
    const tenantId = owner.tenant.id;
    const rec = (await sabnzbdAudit(owner.accessToken)).find((r) => r.ruleId === "sabnzbd.security.unwanted-extensions")!;
    const { change } = (await (await apply(owner.accessToken, rec.id)).json()) as { change: Change };
    await setMisc(tenantId, "action_on_unwanted_extensions", 1);

    const refused = await rollback(owner.accessToken, change.id);
    expect(refused.status).toBe(409);
    const error = await errorOf(refused);
    expect(error.message).toMatch(/action_on_unwanted_extensions was changed again since \(.*expected 2, now 1\); nothing was rolled back/);
    expect(error.message).not.toContain(LIST);
    expect(await misc(tenantId)).toMatchObject({ action_on_unwanted_extensions: 1, unwanted_extensions: EXECUTABLES });
  });

  it("puts the first setting back when a later write fails, records nothing, and can be applied once SABnzbd takes it", async () => {
    const { owner, stack } = await defaultInstall("multi-write-partial");
    const tenantId = owner.tenant.id;
    const rec = (await sabnzbdAudit(owner.accessToken)).find((r) => r.ruleId === "sabnzbd.security.unwanted-extensions")!;
    expect((await failWrites(stack, ["unwanted_extensions"])).ok).toBe(true);

    const failed = await apply(owner.accessToken, rec.id);
    expect(failed.status).toBeGreaterThanOrEqual(502);
    const error = await errorOf(failed);
    expect(error.message).toMatch(
      /^sabnzbd\.config\.misc\.unwanted_extensions could not be changed: .*sabnzbd\.config\.misc\.action_on_unwanted_extensions was changed back; nothing was recorded$/,
    );
    expect(error.details).toMatchObject({ failed: LIST, undone: [ACTION], notUndone: [] });
    expect(await misc(tenantId)).toMatchObject({ action_on_unwanted_extensions: 0, unwanted_extensions: [] });
    expect(await historyOf(owner.accessToken)).toEqual([]);
    const setConfigs = (await sim.requests(stack, "sabnzbd"))
      .filter((r) => r.query.mode === "set_config")
      .map((r) => `${String(r.query.keyword)}=${String(r.query.value)}`);
    expect(setConfigs).toEqual(["action_on_unwanted_extensions=2", `unwanted_extensions=${EXECUTABLES.join(", ")}`, "action_on_unwanted_extensions=0"]);

    expect((await failWrites(stack, [])).ok).toBe(true);
    expect((await apply(owner.accessToken, rec.id)).status).toBe(200);
    expect(await misc(tenantId)).toMatchObject({ action_on_unwanted_extensions: 2, unwanted_extensions: EXECUTABLES });
  });

  it("leaves a setting alone that already does its job: the user's own list stays, only the action is written", async () => {
    const { owner } = await defaultInstall("multi-write-skip");
    const tenantId = owner.tenant.id;
    await setMisc(tenantId, "unwanted_extensions", "exe, iso");
    const rec = (await sabnzbdAudit(owner.accessToken)).find((r) => r.ruleId === "sabnzbd.security.unwanted-extensions")!;
    expect(rec.writes).toEqual([{ setting: ACTION, before: 0, after: 2 }]);
    const { change } = (await (await apply(owner.accessToken, rec.id)).json()) as { change: Change };
    expect(change.writes).toEqual([{ setting: ACTION, before: 0, after: 2 }]);
    expect(await misc(tenantId)).toMatchObject({ action_on_unwanted_extensions: 2, unwanted_extensions: ["exe", "iso"] });
  });

  it("refuses as already set, recording nothing, when every setting it writes already holds its value", async () => {
    const { owner } = await defaultInstall("multi-write-already");
    const tenantId = owner.tenant.id;
    const rec = (await sabnzbdAudit(owner.accessToken)).find((r) => r.ruleId === "sabnzbd.security.unwanted-extensions")!;
    await setMisc(tenantId, "action_on_unwanted_extensions", 2);
    await setMisc(tenantId, "unwanted_extensions", EXECUTABLES.join(", "));
    for (const dryRun of [true, false]) {
      const response = await apply(owner.accessToken, rec.id, dryRun);
      expect(response.status).toBe(409);
      expect((await errorOf(response)).message).toMatch(/already set/);
    }
    expect(await historyOf(owner.accessToken)).toEqual([]);
  });

  it("answers 409 naming the setting when another setting of the fix changed since the audit", async () => {
    const { owner } = await defaultInstall("multi-write-stale");
    const rec = (await sabnzbdAudit(owner.accessToken)).find((r) => r.ruleId === "sabnzbd.security.unwanted-extensions")!;
    await setMisc(owner.tenant.id, "unwanted_extensions", "exe");
    for (const dryRun of [true, false]) {
      const response = await apply(owner.accessToken, rec.id, dryRun);
      expect(response.status).toBe(409);
      expect((await errorOf(response)).message).toBe(`${LIST} changed since the audit (${LIST} was [], now ["exe"]); run a new audit`);
    }
    expect((await misc(owner.tenant.id)).action_on_unwanted_extensions).toBe(0);
  });
});

describe("a minimum free space", () => {
  it("is applied through the connector and rolled back", async () => {
    const { owner } = await defaultInstall("free-space");
    const rec = (await sabnzbdAudit(owner.accessToken)).find((r) => r.ruleId === "sabnzbd.storage.minimum-free-space")!;
    const { change } = (await (await apply(owner.accessToken, rec.id)).json()) as { change: Change };
    expect(change).toMatchObject({
      setting: "sabnzbd.config.misc.download_free",
      before: "",
      after: "10G",
      writes: [{ setting: "sabnzbd.config.misc.download_free", before: "", after: "10G" }],
    });
    expect((await misc(owner.tenant.id)).download_free).toBe("10G");
    expect((await rollback(owner.accessToken, change.id)).status).toBe(200);
    expect((await misc(owner.tenant.id)).download_free).toBe("");
  });
});

describe("SABnzbd's own warnings", () => {
  it("are findings of their own: what SABnzbd says, informational, nothing to apply", async () => {
    const { owner, stack } = await defaultInstall("warnings");
    const planted = await fetch(`${stack.simulators.sabnzbd}/__sim/sabnzbd-warning`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text: "Invalid NZB file bad.nzb, skipping (error: syntax error: line 1, column 0)", origin: "nzbstuff.py795" }),
    });
    expect(planted.ok).toBe(true);
    const recs = await sabnzbdAudit(owner.accessToken);
    const warning = recs.find((r) => r.ruleId === "sabnzbd.reported-warning")!;
    expect(warning).toMatchObject({
      title: "SABnzbd reports: Invalid NZB file bad.nzb, skipping (error: syntax error: line 1, column 0)",
      priority: "low",
      fix: "none",
      currentValue: "Invalid NZB file bad.nzb, skipping (error: syntax error: line 1, column 0)",
      status: "open",
    });
    const refused = await apply(owner.accessToken, warning.id);
    expect(refused.status).toBe(409);
    expect((await errorOf(refused)).message).toMatch(/reports itself/);
    expect((await api(`/api/v1/config/recommendations/${warning.id}/dismiss`, { method: "POST", token: owner.accessToken })).status).toBe(200);
  });
});
