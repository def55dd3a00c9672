// Prowlarr's connector tools against its simulator: what each answers, how an indexer is turned back on, and
// Prowlarr's part of stack_item_trace.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prowlarr } from "../src/apps/prowlarr/index.js";
import { call, startHarness, type Harness } from "./helpers.js";

let harness: Harness;
let client: Client;
beforeAll(async () => {
  harness = await startHarness({ apps: ["prowlarr", "sonarr"] });
  client = await harness.client();
});
afterAll(() => harness.close());
beforeEach(() => {
  harness.sims.reset("demo");
  // Failures a test recorded must not carry over, whether or not the world's reset forgets them.
  harness.sims.world.indexerFailures.clear();
});

const failing = (name: string) =>
  harness.sims.world.indexerFailures.set(name, {
    initialFailure: Date.now() - 600_000,
    mostRecentFailure: Date.now() - 60_000,
    escalationLevel: 1,
    disabledTill: Date.now() + 3_600_000,
  });
const setReachable = (id: number, reachable: boolean) =>
  fetch(`${harness.sims.urls.prowlarr}/__sim/prowlarr/indexer`, { method: "POST", body: JSON.stringify({ id, reachable }) });

describe("Prowlarr's read tools", () => {
  it("reports its status and that the key works", async () => {
    const status = await call(client, "prowlarr_system_status");
    expect(status.data).toMatchObject({ appName: "Prowlarr", version: expect.stringMatching(/^2\.\d+/), authentication: "none" });
    expect(status.text).toMatch(/^Prowlarr 2\.\S+ is up$/);
  });

  it("lists indexers with their query and grab limits from baseSettings, secrets masked", async () => {
    const { data } = await call(client, "prowlarr_indexers");
    const indexers = data.indexers as Record<string, unknown>[];
    expect(indexers.find((i) => i.name === "NZBgeek")).toMatchObject({
      id: 1,
      enable: true,
      protocol: "usenet",
      queryLimit: 100,
      grabLimit: 25,
      limitsUnit: "day",
    });
    // The demo's DrunkenSlug has no limits set: unlimited, so no queryLimit at all.
    const slug = indexers.find((i) => i.name === "DrunkenSlug")!;
    expect(slug).not.toHaveProperty("queryLimit");
    expect((slug.settings as Record<string, unknown>).apiKey).toBe("********");
    expect(indexers.find((i) => i.name === "NZBFinder")).toMatchObject({ enable: false });
  });

  it("lists the applications with their sync level and the Sonarr/Radarr address", async () => {
    const { data } = await call(client, "prowlarr_applications");
    expect(data.applications).toEqual([
      expect.objectContaining({ name: "Radarr", implementation: "Radarr", syncLevel: "addOnly", baseUrl: expect.stringMatching(/^http:\/\/radarr:/) }),
      expect.objectContaining({ name: "Sonarr", implementation: "Sonarr", syncLevel: "fullSync" }),
    ]);
  });

  it("counts each indexer's queries and grabs in a window", async () => {
    const all = await call(client, "prowlarr_indexer_stats");
    const geek = (all.data.indexers as Record<string, number>[]).find((s) => s.indexerName === "NZBgeek")!;
    expect(geek.numberOfQueries).toBeGreaterThan(0);
    const none = await call(client, "prowlarr_indexer_stats", { startDate: new Date(Date.now() + 60_000).toISOString() });
    expect(none.data.indexers).toEqual([]);
    expect((await call(client, "prowlarr_indexer_stats", { startDate: "yesterday" })).isError).toBe(true);
  });

  it("pages the history newest first", async () => {
    const first = await call(client, "prowlarr_history", { page: 1, pageSize: 5 });
    expect(first.data).toMatchObject({ page: 1, pageSize: 5, totalRecords: harness.sims.world.prowlarr.history.length });
    const records = first.data.records as { id: number; date: string; eventType: string }[];
    expect(records).toHaveLength(5);
    expect(records.map((r) => r.date)).toEqual([...records.map((r) => r.date)].sort().reverse());
    const second = await call(client, "prowlarr_history", { page: 2, pageSize: 5 });
    expect((second.data.records as { id: number }[]).map((r) => r.id)).not.toContain(records[0]!.id);
  });

  it("lists only the indexers skipped after failures", async () => {
    expect((await call(client, "prowlarr_indexer_status")).data.statuses).toEqual([]);
    failing("DrunkenSlug (Prowlarr)");
    expect((await call(client, "prowlarr_indexer_status")).data.statuses).toEqual([
      expect.objectContaining({ indexerId: 2, disabledTill: expect.any(String) }),
    ]);
  });

  it("snapshots what the audit reads in one call, the general settings' secrets masked", async () => {
    const { data } = await call(client, "prowlarr_config_snapshot");
    expect(data).toMatchObject({ status: { appName: "Prowlarr" }, indexerStatus: [], downloadClients: [], health: [] });
    expect((data.host as Record<string, unknown>).apiKey).toBe("********");
    expect((data.host as Record<string, unknown>).authenticationRequired).toBe("disabledForLocalAddresses");
    expect(data.indexers).toHaveLength(3);
    expect(data.applications).toHaveLength(2);
  });
});

describe("prowlarr_indexer_enable", () => {
  it("turns a failing indexer back on: the save's passing test clears disabledTill, in Sonarr's indexerstatus too", async () => {
    failing("NZBgeek (Prowlarr)");
    const result = await call(client, "prowlarr_indexer_enable", { id: 1 });
    expect(result.data).toEqual({ id: 1, name: "NZBgeek", enable: true, wasEnabled: true });
    expect(result.text).toBe("NZBgeek is enabled and searched again");
    expect((await call(client, "prowlarr_indexer_status")).data.statuses).toEqual([]);
    const put = harness.sims.requests("prowlarr").find((r) => r.method === "PUT");
    expect(put?.path).toBe("/api/v1/indexer/1");
    expect(harness.sims.world.indexerFailures.has("NZBgeek (Prowlarr)")).toBe(false);
  });

  it("enables a disabled indexer", async () => {
    const result = await call(client, "prowlarr_indexer_enable", { id: 3 });
    expect(result.data).toMatchObject({ name: "NZBFinder", enable: true, wasEnabled: false });
    expect(harness.sims.world.prowlarr.indexers.find((i) => i.id === 3)?.enable).toBe(true);
  });

  it("fails with Prowlarr's own reason when the indexer still does not answer, and it stays skipped", async () => {
    failing("NZBgeek");
    await setReachable(1, false);
    const result = await call(client, "prowlarr_indexer_enable", { id: 1 });
    expect(result.isError).toBe(true);
    expect(result.text).toContain("Unable to connect to indexer");
    expect((await call(client, "prowlarr_indexer_status")).data.statuses).toEqual([expect.objectContaining({ indexerId: 1 })]);
  });

  it("answers not found for an unknown indexer, and refuses an id that is not positive", async () => {
    const missing = await call(client, "prowlarr_indexer_enable", { id: 99 });
    expect(missing.isError).toBe(true);
    expect(missing.text).toContain("found no such item");
    expect((await call(client, "prowlarr_indexer_enable", { id: 0 })).isError).toBe(true);
  });
});

describe("Prowlarr in stack_item_trace", () => {
  it("adds Prowlarr's indexers with their status, its applications and its health", async () => {
    failing("DrunkenSlug");
    const series = harness.sims.world.series[0]!;
    const { data } = await call(client, "stack_item_trace", { target: { app: "sonarr", seriesId: series.id } });
    const part = data.prowlarr as { ok: boolean; data: { indexers: Record<string, unknown>[]; applications: unknown[]; health: unknown[] } };
    expect(part.ok).toBe(true);
    expect(part.data.indexers.find((i) => i.name === "DrunkenSlug")).toMatchObject({ enable: true, disabledTill: expect.any(String) });
    expect(part.data.indexers.find((i) => i.name === "NZBgeek")).not.toHaveProperty("disabledTill");
    expect(part.data.applications).toHaveLength(2);
    expect(part.data.health).toEqual([expect.objectContaining({ source: "IndexerStatusCheck", message: "Indexers unavailable due to failures: DrunkenSlug" })]);
  });

  it("says why in its own part when Prowlarr fails, and the rest of the trace still answers", async () => {
    harness.sims.setFaults("prowlarr", { status: 500 });
    try {
      const series = harness.sims.world.series[0]!;
      const { data } = await call(client, "stack_item_trace", { target: { app: "sonarr", seriesId: series.id } });
      expect(data.prowlarr).toMatchObject({ ok: false, kind: "http" });
      expect(data.arr).toMatchObject({ ok: true });
    } finally {
      harness.sims.setFaults("prowlarr", undefined);
    }
  });
});

describe("the keyless probe", () => {
  it("recognises Prowlarr's anonymous login page and not Sonarr's", async () => {
    const page = await (await fetch(`${harness.sims.urls.prowlarr}/${prowlarr.keylessProbe!.path}`)).text();
    expect(prowlarr.keylessProbe!.recognises(page)).toBe(true);
    expect(prowlarr.keylessProbe!.recognises("<html><head><title>Login - Sonarr</title></head></html>")).toBe(false);
  });
});
