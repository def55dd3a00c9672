// The configuration snapshot tools against the simulators: each answers, in one call, exactly what the single tools
// it stands for answer (same projections, same masking), and fails as the single tool would when a required read fails.
import { APP_IDS, type AnyToolRef, parseToolOutput, tools } from "@autoarr/contract";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { appsConfigFor } from "../src/config.js";
import { fail } from "../src/http/upstream.js";
import { type AppClients, createAppClients, toolSpecsFor } from "../src/mcp.js";
import { silentLogger } from "../src/logger.js";
import { startSimulators, type RunningSimulators } from "../src/simulators/index.js";
import type { ToolSpec } from "../src/tools/tool.js";

let sims: RunningSimulators;
let clients: AppClients;
let specs: ToolSpec[];

beforeAll(async () => {
  sims = await startSimulators({ profile: "demo" });
  clients = createAppClients(appsConfigFor(APP_IDS, sims.urls, sims.keys), 5000, silentLogger);
  specs = toolSpecsFor(clients);
});
afterAll(() => sims.close());
afterEach(() => {
  for (const app of APP_IDS) sims.setFaults(app, undefined);
});

async function run(name: string, args: Record<string, unknown> = {}) {
  const spec = specs.find((s) => s.name === name);
  if (!spec) throw new Error(`no tool ${name}`);
  return spec.run(args as never);
}

/** The data of a call that must succeed. */
async function data(name: string, args: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const outcome = await run(name, args);
  if (!outcome.ok) throw new Error(`${name} failed: ${outcome.failure.message}`);
  return outcome.data as Record<string, unknown>;
}

function expectMatchesRef(ref: AnyToolRef, answer: unknown) {
  const parsed = parseToolOutput(ref, answer);
  expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
}

function expectNoKeys(answer: unknown) {
  const text = JSON.stringify(answer);
  for (const app of APP_IDS) expect(text).not.toContain(sims.keys[app]);
}

describe.each(["sonarr", "radarr"] as const)("%s_config_snapshot", (app) => {
  it("answers what the single tools answer, secrets masked", async () => {
    const snapshot = await data(`${app}_config_snapshot`);
    const page = async (resource: string) => (await data(`${app}_config_get`, { resource })).values;
    expect(snapshot).toEqual({
      status: await data(`${app}_system_status`),
      host: await page("host"),
      mediamanagement: await page("mediamanagement"),
      naming: await page("naming"),
      downloadclientConfig: await page("downloadclient"),
      downloadClients: (await data(`${app}_download_clients`)).downloadClients,
      indexers: (await data(`${app}_indexers`)).indexers,
      qualityProfiles: (await data(`${app}_quality_profiles`)).profiles,
      rootFolders: (await data(`${app}_root_folders`)).rootFolders,
      health: (await data(`${app}_health`)).issues,
    });
    expectMatchesRef(tools[app].configSnapshot, snapshot);
    expect((snapshot.host as Record<string, unknown>).apiKey).toBe("********");
    expect((snapshot.downloadClients as { settings: Record<string, unknown> }[])[0]?.settings.apiKey).toBe("********");
    expectNoKeys(snapshot);
  });

  it("fails with the single tools' kind when the app rejects the key", async () => {
    sims.setFaults(app, { status: 401 });
    const single = await run(`${app}_system_status`);
    const snapshot = await run(`${app}_config_snapshot`);
    expect(single.ok ? undefined : single.failure.kind).toBe("auth");
    expect(snapshot.ok ? undefined : snapshot.failure).toEqual(single.ok ? undefined : single.failure);
  });

  it("fails as the one failing required read fails, though every other read answered", async () => {
    const api = clients[app]!;
    const call = api.call.bind(api);
    api.call = ((request) =>
      request.path === "indexer" ? Promise.resolve(fail({ kind: "http", status: 503, message: "indexers unavailable" })) : call(request)) as typeof api.call;
    try {
      const snapshot = await run(`${app}_config_snapshot`);
      expect(snapshot.ok ? undefined : snapshot.failure).toEqual({ kind: "http", status: 503, message: "indexers unavailable" });
    } finally {
      api.call = call;
    }
  });
});

describe("sabnzbd_config_snapshot", () => {
  it("answers what the single tools answer, secrets masked", async () => {
    const snapshot = await data("sabnzbd_config_snapshot");
    const section = async (name: string) => (await data("sabnzbd_get_config", { section: name })).config;
    expect(snapshot).toEqual({
      version: (await data("sabnzbd_version")).version,
      config: { misc: await section("misc"), servers: await section("servers"), categories: await section("categories"), sorters: await section("sorters") },
      warnings: (await data("sabnzbd_warnings")).warnings,
    });
    expectMatchesRef(tools.sabnzbd.configSnapshot, snapshot);
    expect(JSON.stringify((snapshot.config as { misc: unknown }).misc)).toContain("********");
    expectNoKeys(snapshot);
  });

  it("leaves out the warnings when only they cannot be read", async () => {
    const api = clients.sabnzbd!;
    const call = api.call.bind(api);
    api.call = ((mode, params) =>
      mode === "warnings" ? Promise.resolve(fail({ kind: "http", status: 500, message: "no warnings" })) : call(mode, params)) as typeof api.call;
    try {
      const snapshot = await data("sabnzbd_config_snapshot");
      expect(snapshot).not.toHaveProperty("warnings");
      expect(snapshot.version).toBe((await data("sabnzbd_version")).version);
      expectMatchesRef(tools.sabnzbd.configSnapshot, snapshot);
    } finally {
      api.call = call;
    }
  });

  it("fails as unreachable when SABnzbd is down, as its single tools do", async () => {
    sims.setFaults("sabnzbd", { down: true });
    const single = await run("sabnzbd_get_config", { section: "misc" });
    const snapshot = await run("sabnzbd_config_snapshot");
    expect(single.ok ? undefined : single.failure.kind).toBe("unreachable");
    expect(snapshot.ok ? undefined : snapshot.failure.kind).toBe("unreachable");
  });
});

describe("plex_config_snapshot", () => {
  it("answers what the single tools answer, secrets masked", async () => {
    const snapshot = await data("plex_config_snapshot");
    expect(snapshot).toEqual({
      identity: await data("plex_identity"),
      preferences: (await data("plex_preferences")).settings,
      libraries: (await data("plex_libraries")).libraries,
    });
    expectMatchesRef(tools.plex.configSnapshot, snapshot);
    expectNoKeys(snapshot);
  });

  it("fails with the single tools' kind when Plex rejects the token", async () => {
    sims.setFaults("plex", { status: 401 });
    const single = await run("plex_identity");
    const snapshot = await run("plex_config_snapshot");
    expect(single.ok ? undefined : single.failure.kind).toBe("auth");
    expect(snapshot.ok ? undefined : snapshot.failure).toEqual(single.ok ? undefined : single.failure);
  });
});
