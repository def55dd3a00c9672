// stack_item_trace on the simulators' diagnosis scenarios (POST /__sim/diagnosis-scenario): each fresh item is broken
// at one link, and the trace carries the evidence of that link; the fix tools this issue adds (sonarr_set_monitored,
// radarr_set_monitored, <app>_blocklist_remove) move the item on, as the next trace shows.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { call, simFetch, startHarness, type Harness } from "./helpers.js";

type Raw = Record<string, unknown>;
type Part = { ok: boolean; data?: Raw; error?: string };
interface Scenario {
  target: Raw & { app: "sonarr" | "radarr" };
  title: string;
  expectedStep: string;
}

let harness: Harness;
let client: Client;

// Interactive search is on only in the well-configured profile, and GET /release asks only such indexers.
beforeAll(async () => {
  harness = await startHarness({ timeoutMs: 5000, profile: "well-configured" });
  client = await harness.client();
});
afterAll(() => harness.close());
beforeEach(async () => {
  await simFetch(`${harness.sims.urls.sabnzbd}/__sim/reset`, { method: "POST" });
});

async function scenario(name: string, app?: "sonarr" | "radarr"): Promise<Scenario> {
  const response = await fetch(`${harness.sims.urls.sonarr}/__sim/diagnosis-scenario`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ scenario: name, ...(app ? { app } : {}) }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Scenario;
}

async function traced(target: Raw, releaseSearch = false): Promise<Record<string, Part>> {
  const result = await call(client, "stack_item_trace", { target, releaseSearch });
  expect(result.isError).toBe(false);
  return result.data as Record<string, Part>;
}

const arrOf = async (target: Raw, releaseSearch = false) => {
  const parts = await traced(target, releaseSearch);
  expect(parts.arr!.ok).toBe(true);
  return parts.arr!.data as Raw & { indexers: Raw[]; queue: Raw[]; blocklist: Raw[]; history: Raw[] };
};

describe("stack_item_trace on each broken link", () => {
  it("never-added: no item, and the lookup finds the title", async () => {
    const { target } = await scenario("never-added");
    const arr = await arrOf(target);
    expect(arr.item).toBeNull();
    expect(arr.lookup).toEqual(expect.arrayContaining([expect.objectContaining({ title: target.title })]));
  });

  it("unmonitored: the episode, season or series says monitored false", async () => {
    const { target } = await scenario("unmonitored", "sonarr");
    const arr = (await arrOf(target)) as Raw & { item: Raw; season: Raw; episode: Raw };
    expect([arr.item.monitored, arr.season.monitored, arr.episode.monitored]).toContain(false);
    expect(arr.wanted).toEqual({ missing: false, cutoffUnmet: false });
  });

  it("not-aired: the episode airs in the future and is not wanted yet", async () => {
    const { target } = await scenario("not-aired");
    const arr = (await arrOf(target)) as Raw & { episode: Raw };
    expect(Date.parse(String(arr.episode.airDateUtc))).toBeGreaterThan(Date.now());
    expect(arr.wanted).toMatchObject({ missing: false });
  });

  it("never-searched: wanted, with no last search time", async () => {
    const { target } = await scenario("never-searched", "radarr");
    const arr = (await arrOf(target)) as Raw & { item: Raw };
    expect(arr.wanted).toMatchObject({ missing: true });
    expect(arr.item.lastSearchTime).toBeUndefined();
  });

  it("all-rejected: the release search shows every release rejected, with the decision engine's words", async () => {
    const { target } = await scenario("all-rejected", "sonarr");
    const before = await arrOf(target);
    expect(before.releases).toBeUndefined();
    const arr = (await arrOf(target, true)) as Raw & { releases: { total: number; items: Raw[] } };
    expect(arr.releases.items.length).toBeGreaterThan(0);
    expect(arr.releases.total).toBe(arr.releases.items.length);
    for (const release of arr.releases.items) {
      expect(release.approved).toBe(false);
      expect((release.rejections as string[]).length).toBeGreaterThan(0);
    }
  });

  it("blocklisted: the blocklist names the release, the release search rejects it, and removing the entry lets it through", async () => {
    const { target } = await scenario("blocklisted", "radarr");
    const arr = (await arrOf(target, true)) as Raw & { releases: { items: Raw[] } };
    expect(arr.blocklist.length).toBeGreaterThan(0);
    expect(arr.releases.items.every((r) => (r.rejections as string[]).some((text) => /blocklist/i.test(text)))).toBe(true);
    for (const entry of arr.blocklist) {
      const removed = await call(client, "radarr_blocklist_remove", { id: entry.id });
      expect(removed).toMatchObject({ isError: false, data: { removed: entry.id } });
    }
    const after = (await arrOf(target, true)) as Raw & { releases: { items: Raw[] } };
    expect(after.blocklist).toEqual([]);
    expect(after.releases.items.some((r) => r.approved === true)).toBe(true);
  });

  it("indexers-down: every indexer is named unavailable by the app's own health check, and Prowlarr skips each until later", async () => {
    const { target } = await scenario("indexers-down");
    const parts = await traced(target);
    const arr = parts.arr!.data as { indexers: Raw[] };
    expect(arr.indexers.length).toBeGreaterThan(0);
    for (const indexer of arr.indexers) expect(indexer).toMatchObject({ unavailable: true, unavailableReason: expect.stringContaining("unavailable") });
    const prowlarr = parts.prowlarr!.data as { indexers: Raw[] };
    expect(prowlarr.indexers.length).toBeGreaterThan(0);
    for (const indexer of prowlarr.indexers) expect(Date.parse(String(indexer.disabledTill))).toBeGreaterThan(Date.now());
  });

  it("download-failed: SABnzbd's history has the grabbed job Failed with its fail_message", async () => {
    const { target } = await scenario("download-failed");
    const parts = await traced(target);
    const arr = parts.arr!.data as Raw & { history: Raw[] };
    const grabbed = arr.history.find((h) => h.eventType === "grabbed");
    expect(grabbed?.downloadId).toEqual(expect.any(String));
    const jobs = (parts.sabnzbd!.data as { jobs: Raw[] }).jobs;
    expect(jobs).toEqual([expect.objectContaining({ nzoId: grabbed!.downloadId, where: "history", status: "Failed", failMessage: expect.any(String) })]);
  });

  it("download-stalled: the job is in SABnzbd's queue with time left 0", async () => {
    const { target } = await scenario("download-stalled");
    const parts = await traced(target);
    const queue = (parts.arr!.data as { queue: Raw[] }).queue;
    expect(queue).toHaveLength(1);
    const jobs = (parts.sabnzbd!.data as { jobs: Raw[] }).jobs;
    expect(jobs).toEqual([expect.objectContaining({ nzoId: queue[0]!.downloadId, where: "queue" })]);
  });

  it("import-blocked: the queue record is importBlocked with its status messages", async () => {
    const { target } = await scenario("import-blocked");
    const arr = await arrOf(target);
    expect(arr.queue).toEqual([expect.objectContaining({ trackedDownloadState: "importBlocked", statusMessages: [expect.any(String)] })]);
  });

  it("not-in-plex: imported with a file, and Plex has no match by the title", async () => {
    const { target, title } = await scenario("not-in-plex", "radarr");
    const parts = await traced(target);
    const arr = parts.arr!.data as Raw & { history: Raw[] };
    expect(arr.file).toMatchObject({ path: expect.any(String) });
    expect(arr.history.map((h) => h.eventType)).toContain("downloadFolderImported");
    expect(parts.plex).toMatchObject({ ok: true, data: { matches: [], sections: [expect.objectContaining({ type: "movie" })] } });
    expect(title).toEqual(expect.any(String));
  });
});

describe("the monitoring fix tools", () => {
  it("sonarr_set_monitored on an unmonitored episode makes it, its season and its series monitored, and the episode wanted", async () => {
    const { target } = await scenario("unmonitored", "sonarr");
    const before = (await arrOf(target)) as Raw & { episode: Raw };
    const episodeId = before.episode.id as number;
    const result = await call(client, "sonarr_set_monitored", { seriesId: target.seriesId, episodeIds: [episodeId], monitored: true });
    expect(result).toMatchObject({ isError: false, data: { seriesId: target.seriesId, monitored: true, episodeIds: [episodeId] } });
    const after = (await arrOf(target)) as Raw & { item: Raw; season: Raw; episode: Raw };
    expect([after.item.monitored, after.season.monitored, after.episode.monitored]).toEqual([true, true, true]);
    expect(after.wanted).toMatchObject({ missing: true });
  });

  it("sonarr_set_monitored leaves the other episodes of a season it had to monitor as they were", async () => {
    const seriesId = harness.sims.world.series[0]!.id;
    const episodes = (await (
      await fetch(`${harness.sims.urls.sonarr}/api/v3/episode?seriesId=${seriesId}&seasonNumber=1`, { headers: { "X-Api-Key": harness.sims.keys.sonarr } })
    ).json()) as Raw[];
    expect(episodes.length).toBeGreaterThan(1);
    await call(client, "sonarr_set_monitored", { seriesId, seasonNumber: 1, monitored: false });
    const [first, ...others] = episodes.map((e) => e.id as number);
    await call(client, "sonarr_set_monitored", { seriesId, episodeIds: [first], monitored: true });
    const after = (await (
      await fetch(`${harness.sims.urls.sonarr}/api/v3/episode?seriesId=${seriesId}&seasonNumber=1`, { headers: { "X-Api-Key": harness.sims.keys.sonarr } })
    ).json()) as Raw[];
    const monitored = new Map(after.map((e) => [e.id as number, e.monitored]));
    expect(monitored.get(first!)).toBe(true);
    for (const id of others) expect(monitored.get(id)).toBe(false);
  });

  it("sonarr_set_monitored on the series alone changes only the series' flag, by sending the whole series back", async () => {
    const series = harness.sims.world.series[2]!;
    const target = { app: "sonarr", seriesId: series.id, seasonNumber: 1 };
    const before = (await arrOf(target)) as Raw & { season: Raw };
    const off = await call(client, "sonarr_set_monitored", { seriesId: series.id, monitored: false });
    expect(off).toMatchObject({ isError: false, data: { seriesId: series.id, monitored: false, episodeIds: [] } });
    const after = (await arrOf(target)) as Raw & { item: Raw; season: Raw };
    expect(after.item.monitored).toBe(false);
    expect(after.season).toEqual(before.season);
    const put = harness.sims.requests("sonarr").filter((r) => r.method === "PUT" && r.path === `/api/v3/series/${series.id}`);
    expect(put).toHaveLength(1);
    await call(client, "sonarr_set_monitored", { seriesId: series.id, monitored: true });
    expect(((await arrOf(target)) as Raw & { item: Raw }).item.monitored).toBe(true);
  });

  it("sonarr_set_monitored refuses an episode of another series", async () => {
    const [one, two] = harness.sims.world.series;
    const episodes = (await (
      await fetch(`${harness.sims.urls.sonarr}/api/v3/episode?seriesId=${two!.id}`, { headers: { "X-Api-Key": harness.sims.keys.sonarr } })
    ).json()) as Raw[];
    const result = await call(client, "sonarr_set_monitored", { seriesId: one!.id, episodeIds: [episodes[0]!.id], monitored: true });
    expect(result.isError).toBe(true);
    expect(result.text).toContain(`not in series ${one!.id}`);
  });

  it("radarr_set_monitored sets a movie's monitoring through the movie editor and answers the ids it changed", async () => {
    const movie = harness.sims.world.movies[0]!;
    const off = await call(client, "radarr_set_monitored", { movieIds: [movie.id, 999_999], monitored: false });
    expect(off).toMatchObject({ isError: false, data: { movieIds: [movie.id], monitored: false } });
    expect((await arrOf({ app: "radarr", movieId: movie.id })).item).toMatchObject({ monitored: false });
    await call(client, "radarr_set_monitored", { movieIds: [movie.id], monitored: true });
    expect((await arrOf({ app: "radarr", movieId: movie.id })).item).toMatchObject({ monitored: true });
    const editorCalls = harness.sims.requests("radarr").filter((r) => r.path === "/api/v3/movie/editor");
    expect(editorCalls.map((r) => r.method)).toEqual(["PUT", "PUT"]);
  });
});
