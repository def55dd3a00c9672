import { describe, expect, it } from "vitest";
import demoFixture from "../../test/fixtures/snapshots/demo.json";
import { assemble, assembleSnapshot, callsFor, snapshotCallFor } from "./snapshot-reader";
import { stackSnapshotSchema } from "./snapshot.schema";

const demo = stackSnapshotSchema.parse(demoFixture);

describe("assembling an app's snapshot from the connector's answers", () => {
  it("gathers Sonarr's answers under their names, as the contract's tools answer them", () => {
    const sonarr = demo.sonarr!;
    const page = (resource: string, values: Record<string, unknown>) => ({ resource, values });
    const answers = {
      status: sonarr.status,
      host: page("host", sonarr.host),
      mediamanagement: page("mediamanagement", sonarr.mediamanagement),
      naming: page("naming", sonarr.naming),
      downloadclientConfig: page("downloadclient", sonarr.downloadclientConfig),
      downloadClients: { downloadClients: sonarr.downloadClients },
      indexers: { indexers: sonarr.indexers },
      qualityProfiles: { profiles: sonarr.qualityProfiles },
      rootFolders: { rootFolders: sonarr.rootFolders },
      health: { issues: sonarr.health },
    };
    expect(
      callsFor("sonarr")
        .map(([key]) => key)
        .sort(),
    ).toEqual(Object.keys(answers).sort());
    expect(callsFor("sonarr").find(([key]) => key === "downloadclientConfig")?.[1]).toMatchObject({
      tool: { name: "sonarr_config_get" },
      arguments: { resource: "downloadclient" },
    });
    expect(assemble("sonarr", answers)).toEqual({ ok: true, config: sonarr });
  });

  it("reads a SABnzbd section answered as null as empty, and goes on without the optional warnings", () => {
    const config = (section: string, value: unknown) => ({ section, config: value });
    const assembled = assemble("sabnzbd", {
      version: { version: "4.5.0", paused: false, status: "Idle", queueSize: 0 },
      misc: config("misc", { direct_unpack: 1 }),
      servers: config("servers", [{ name: "news.example.com", ssl: 1 }]),
      categories: config("categories", null),
      sorters: config("sorters", null),
    });
    expect(assembled).toEqual({
      ok: true,
      config: { version: "4.5.0", config: { misc: { direct_unpack: 1 }, servers: [{ name: "news.example.com", ssl: 1 }], categories: [], sorters: [] } },
    });
  });

  it("says where an answer does not have the shape the rules read", () => {
    const assembled = assemble("sabnzbd", {
      version: { version: "4.5.0", paused: false, status: "Idle", queueSize: 0 },
      misc: { section: "misc", config: {} },
      servers: { section: "servers", config: "not a list" },
      categories: { section: "categories", config: [] },
      sorters: { section: "sorters", config: [] },
    });
    expect(assembled).toEqual({ ok: false, error: "sabnzbd configuration had an unexpected shape at sabnzbd.config.servers" });
  });
});

describe("assembling an app's snapshot from its snapshot tool's answer", () => {
  it("reads each app with its own snapshot tool", () => {
    for (const app of ["sabnzbd", "sonarr", "radarr", "plex", "prowlarr"] as const) expect(snapshotCallFor(app).tool.name).toBe(`${app}_config_snapshot`);
  });

  it("reads Prowlarr only with its snapshot tool (its general settings have no single tool), and takes its answer as it is", () => {
    expect(callsFor("prowlarr").map(([, call]) => call.tool.name)).toEqual(["prowlarr_config_snapshot"]);
    expect(assembleSnapshot("prowlarr", demo.prowlarr)).toEqual({ ok: true, config: demo.prowlarr });
    expect(assemble("prowlarr", { snapshot: demo.prowlarr })).toEqual({ ok: true, config: demo.prowlarr });
    const { host: _host, ...withoutHost } = demo.prowlarr!;
    expect(assembleSnapshot("prowlarr", withoutHost)).toEqual({ ok: false, error: "prowlarr configuration had an unexpected shape at prowlarr.host" });
  });

  it("takes Sonarr's and Plex's answers as they are: the snapshot tool answers in the snapshot's shape", () => {
    expect(assembleSnapshot("sonarr", demo.sonarr)).toEqual({ ok: true, config: demo.sonarr });
    expect(assembleSnapshot("plex", demo.plex)).toEqual({ ok: true, config: demo.plex });
  });

  it("gives the same snapshot whether SABnzbd was read with its snapshot tool or its single tools", () => {
    const sections = { misc: { direct_unpack: 1 }, servers: [{ name: "news.example.com", ssl: 1 }], categories: null, sorters: null };
    const warnings = [{ type: "WARNING", text: "Server news.example.com will be ignored for 1 minute" }];
    const bySnapshot = assembleSnapshot("sabnzbd", { version: "4.5.0", config: sections, warnings });
    const config = (section: keyof typeof sections) => ({ section, config: sections[section] });
    const bySingles = assemble("sabnzbd", {
      version: { version: "4.5.0", paused: false, status: "Idle", queueSize: 0 },
      misc: config("misc"),
      servers: config("servers"),
      categories: config("categories"),
      sorters: config("sorters"),
      warnings: { count: 1, warnings },
    });
    expect(bySnapshot).toEqual({
      ok: true,
      config: {
        version: "4.5.0",
        config: { misc: { direct_unpack: 1 }, servers: [{ name: "news.example.com", ssl: 1 }], categories: [], sorters: [] },
        warnings,
      },
    });
    expect(bySingles).toEqual(bySnapshot);
  });

  it("says where a snapshot tool's answer does not have the shape the rules read", () => {
    expect(assembleSnapshot("sabnzbd", { version: "4.5.0", config: { misc: {}, servers: "not a list", categories: [], sorters: [] } })).toEqual({
      ok: false,
      error: "sabnzbd configuration had an unexpected shape at sabnzbd.config.servers",
    });
  });
});
