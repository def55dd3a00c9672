// The audit reads each app with one call of its snapshot tool, and falls back to the single tools, app by app, for a
// connector that does not offer it (an older connector: the hub answers unknown_tool without asking it).
import { describe, expect, it } from "vitest";
import demoFixture from "../fixtures/snapshots/demo.json";
import { CATALOGUE } from "../../workers/config-audit/catalogue";
import { evaluate, recommendations } from "../../workers/config-audit/rule-engine";
import { stackSnapshotSchema } from "../../workers/config-audit/snapshot.schema";
import { api } from "../helpers";
import { connectorToolsCalled, hideConnectorTools, pairedTenantsForThisFile } from "../stacks";

const paired = pairedTenantsForThisFile();

interface AuditBody {
  apps: Record<string, { status: string; recommendations: Array<{ ruleId: string; setting: string; priority: string }> }>;
}

const EXPECTED = recommendations(evaluate(CATALOGUE, stackSnapshotSchema.parse(demoFixture)))
  .map((f) => `${f.ruleId} ${f.setting} ${f.priority}`)
  .sort();

/** The single tools an audit used to call, but for the status tools (the hub's health checks call those too). */
const SINGLE_CONFIG_TOOLS = new Set([
  "sabnzbd_get_config",
  "sabnzbd_warnings",
  ...["sonarr", "radarr"].flatMap((app) =>
    ["config_get", "download_clients", "indexers", "quality_profiles", "root_folders", "health"].map((tool) => `${app}_${tool}`),
  ),
  "plex_preferences",
  "plex_libraries",
]);

async function audit(token: string): Promise<AuditBody> {
  const response = await api("/api/v1/config/audit", { method: "POST", token, json: { refresh: true } });
  expect(response.status).toBe(201);
  return response.json();
}

const found = (body: AuditBody) =>
  Object.values(body.apps)
    .flatMap((a) => a.recommendations)
    .map((r) => `${r.ruleId} ${r.setting} ${r.priority}`)
    .sort();

const count = (names: string[], name: string) => names.filter((n) => n === name).length;

describe("reading the configuration for an audit", () => {
  it("calls each app's snapshot tool once and none of the single tools", async () => {
    const { owner, stack } = await paired("audit-snapshot-tools", { profile: "demo" });
    const before = (await connectorToolsCalled(stack)).length;
    const body = await audit(owner.accessToken);
    expect(found(body)).toEqual(EXPECTED);
    const called = (await connectorToolsCalled(stack)).slice(before);
    for (const app of ["sabnzbd", "sonarr", "radarr", "plex"]) expect(count(called, `${app}_config_snapshot`), app).toBe(1);
    expect(called.filter((tool) => SINGLE_CONFIG_TOOLS.has(tool))).toEqual([]);
  });

  it("reads an app whose connector lacks its snapshot tool with the single tools, and the others with theirs", async () => {
    const { owner, stack } = await paired("audit-older-connector", { profile: "demo" });
    await hideConnectorTools(owner.tenant.id, ["sabnzbd_config_snapshot", "plex_config_snapshot"]);
    const before = (await connectorToolsCalled(stack)).length;
    const body = await audit(owner.accessToken);
    expect(found(body)).toEqual(EXPECTED);
    expect(Object.values(body.apps).every((a) => a.status === "ok")).toBe(true);
    const called = (await connectorToolsCalled(stack)).slice(before);
    expect(called).not.toContain("sabnzbd_config_snapshot");
    expect(called).not.toContain("plex_config_snapshot");
    expect(count(called, "sonarr_config_snapshot")).toBe(1);
    expect(count(called, "radarr_config_snapshot")).toBe(1);
    expect(count(called, "sabnzbd_get_config")).toBe(4);
    expect(called).toEqual(expect.arrayContaining(["sabnzbd_version", "sabnzbd_warnings", "plex_identity", "plex_preferences", "plex_libraries"]));
    expect(called).not.toContain("sonarr_config_get");
    expect(called).not.toContain("radarr_config_get");
  });

  it("reads every app with the single tools from a connector with no snapshot tool at all", async () => {
    const { owner, stack } = await paired("audit-oldest-connector", { profile: "demo" });
    await hideConnectorTools(owner.tenant.id, ["sabnzbd_config_snapshot", "sonarr_config_snapshot", "radarr_config_snapshot", "plex_config_snapshot"]);
    const before = (await connectorToolsCalled(stack)).length;
    expect(found(await audit(owner.accessToken))).toEqual(EXPECTED);
    const called = (await connectorToolsCalled(stack)).slice(before);
    // Prowlarr's tools came with its snapshot tool, so a connector that has them has it (snapshot-reader.ts).
    expect(called.filter((tool) => tool.endsWith("_config_snapshot"))).toEqual(["prowlarr_config_snapshot"]);
    expect(count(called, "sonarr_config_get")).toBe(4);
    expect(count(called, "radarr_config_get")).toBe(4);
  });
});
