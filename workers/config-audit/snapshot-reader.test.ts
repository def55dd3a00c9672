import { describe, expect, it } from "vitest";
import demoFixture from "../../test/fixtures/snapshots/demo.json";
import { assemble, callsFor } from "./snapshot-reader";
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
