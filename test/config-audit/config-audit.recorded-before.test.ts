// Changes recorded before the audit's rules read the contract's output shapes (config_changes rows as that code
// wrote them: one write in the setting/before/after columns, or several in `writes`) still show and roll back.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { api } from "../helpers";
import { hub, pairedTenant } from "../stacks";

interface Write {
  setting: string;
  before: unknown;
  after: unknown;
}
interface Change {
  id: string;
  app: string;
  setting: string;
  before: unknown;
  after: unknown;
  rolledBackAt: string | null;
  rollbackOf: string | null;
  writes: Write[];
}

/** A row exactly as the previous insertChange stored it: JSON text columns, `writes` only for a change of several settings. */
async function insertRecordedChange(tenantId: string, app: string, writes: Write[]): Promise<string> {
  const id = crypto.randomUUID();
  const [first] = writes;
  await env.DB.prepare(
    "INSERT INTO config_changes (id, tenant_id, user_id, recommendation_id, app_name, setting, before, after, created_at, rolled_back_at, rollback_of, writes) VALUES (?, ?, NULL, NULL, ?, ?, ?, ?, ?, NULL, NULL, ?)",
  )
    .bind(
      id,
      tenantId,
      app,
      first!.setting,
      JSON.stringify(first!.before),
      JSON.stringify(first!.after),
      Date.now() - 86_400_000,
      writes.length > 1 ? JSON.stringify(writes) : null,
    )
    .run();
  return id;
}

async function call(tenantId: string, tool: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const outcome = await hub(tenantId).callByName(tool, args, {});
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.data as Record<string, unknown>;
}

const sabMisc = async (tenantId: string) => (await call(tenantId, "sabnzbd_get_config", { section: "misc" })).config as Record<string, unknown>;
const sabServer = async (tenantId: string, name: string) =>
  ((await call(tenantId, "sabnzbd_get_config", { section: "servers" })).config as Array<Record<string, unknown>>).find((s) => s.name === name)!;
const sonarrHost = async (tenantId: string) => (await call(tenantId, "sonarr_config_get", { resource: "host" })).values as Record<string, unknown>;

const historyOf = async (token: string) => ((await (await api("/api/v1/config/history", { token })).json()) as { items: Change[] }).items;
const rollback = (token: string, id: string) => api(`/api/v1/config/history/${id}/rollback`, { method: "POST", token });

describe("changes recorded before the contract-shaped snapshot", () => {
  it("shows and rolls back a SABnzbd change of several settings and a single Sonarr change", async () => {
    const { owner } = await pairedTenant("recorded-before", { profile: "demo" });
    const tenantId = owner.tenant.id;
    const server = "news.newshosting.com";
    expect(await sabMisc(tenantId)).toMatchObject({ direct_unpack: 0, cache_limit: "" });
    expect(await sabServer(tenantId, server)).toMatchObject({ ssl: 0 });
    expect(await sonarrHost(tenantId)).toMatchObject({ logLevel: "trace" });

    // The apps hold what the recorded changes wrote.
    await call(tenantId, "sabnzbd_set_config", { section: "misc", keyword: "direct_unpack", value: 1 });
    await call(tenantId, "sabnzbd_set_config", { section: "servers", name: server, keyword: "ssl", value: 1 });
    await call(tenantId, "sonarr_config_update", { resource: "host", values: { logLevel: "info" } });
    const sabWrites = [
      { setting: "sabnzbd.config.misc.direct_unpack", before: 0, after: 1 },
      { setting: `sabnzbd.config.servers[name=${server}].ssl`, before: 0, after: 1 },
    ];
    const sabChange = await insertRecordedChange(tenantId, "sabnzbd", sabWrites);
    const sonarrChange = await insertRecordedChange(tenantId, "sonarr", [{ setting: "sonarr.host.logLevel", before: "trace", after: "info" }]);

    const shown = await historyOf(owner.accessToken);
    expect(shown.find((c) => c.id === sabChange)).toMatchObject({ app: "sabnzbd", setting: sabWrites[0]!.setting, writes: sabWrites, rolledBackAt: null });
    expect(shown.find((c) => c.id === sonarrChange)).toMatchObject({
      app: "sonarr",
      setting: "sonarr.host.logLevel",
      before: "trace",
      after: "info",
      rolledBackAt: null,
    });

    const sabUndone = await rollback(owner.accessToken, sabChange);
    expect(sabUndone.status).toBe(200);
    // Restored newest first; SABnzbd serves a switch as false after a write and 0 after a start: either is off.
    const restored = ((await sabUndone.json()) as { change: Change }).change;
    expect(restored).toMatchObject({ rollbackOf: sabChange, writes: [{ setting: sabWrites[1]!.setting }, { setting: sabWrites[0]!.setting }] });
    for (const write of restored.writes) expect([0, false]).toContain(write.after);
    expect([0, false]).toContain((await sabMisc(tenantId)).direct_unpack);
    expect([0, false]).toContain((await sabServer(tenantId, server)).ssl);

    const sonarrUndone = await rollback(owner.accessToken, sonarrChange);
    expect(sonarrUndone.status).toBe(200);
    expect(((await sonarrUndone.json()) as { change: Change }).change).toMatchObject({
      rollbackOf: sonarrChange,
      setting: "sonarr.host.logLevel",
      before: "info",
      after: "trace",
    });
    expect(await sonarrHost(tenantId)).toMatchObject({ logLevel: "trace" });

    const after = await historyOf(owner.accessToken);
    expect(after.find((c) => c.id === sabChange)?.rolledBackAt).toBeTruthy();
    expect(after.find((c) => c.id === sonarrChange)?.rolledBackAt).toBeTruthy();
  });
});
