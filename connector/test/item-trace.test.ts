// stack_item_trace against the simulators through a real connector: the target resolved by id, by external id and by
// title (and looked up when never added), every part read with the fewest calls (counted in the simulators' request
// logs), a release search only when asked, SABnzbd's job found by the *arr's download id, and a failing app leaving
// only its own part unanswered.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { call, simFetch, startHarness, type Harness } from "./helpers.js";

type App = "sabnzbd" | "sonarr" | "radarr" | "plex" | "prowlarr";
type Raw = Record<string, unknown>;
type Part = { ok: boolean; data?: Raw; error?: string; kind?: string };

let harness: Harness;
let client: Client;
const sim = (app: App) => harness.sims.urls[app];
const APPS: App[] = ["sabnzbd", "sonarr", "radarr", "plex", "prowlarr"];

/** Reads a simulated *arr directly, as the real app would answer, to pick the items the tests trace. */
async function arrGet(app: "sonarr" | "radarr", path: string): Promise<unknown> {
  const response = await fetch(`${sim(app)}/api/v3/${path}`, { headers: { "X-Api-Key": harness.sims.keys[app] } });
  return response.json();
}

async function trace(args: Raw): Promise<{ isError: boolean; text: string; data: Record<string, Part> }> {
  const result = await call(client, "stack_item_trace", args);
  return { ...result, data: result.data as Record<string, Part> };
}

/** The calls each app received since the last reset of its log, as "METHOD path" (SABnzbd's by mode). */
function callsTo(app: App): string[] {
  return harness.sims.requests(app).map((r) => (app === "sabnzbd" ? `mode=${String(r.query.mode)}` : `${r.method} ${r.path}`));
}

const clearLogs = () => Promise.all(APPS.map((app) => fetch(`${sim(app)}/__sim/requests`, { method: "DELETE" })));

beforeAll(async () => {
  harness = await startHarness({ timeoutMs: 5000 });
  client = await harness.client();
});
afterAll(() => harness.close());
beforeEach(async () => {
  await simFetch(`${sim("sabnzbd")}/__sim/reset`, { method: "POST" });
  for (const app of APPS) await simFetch(`${sim(app)}/__sim/faults`, { method: "DELETE" });
  await clearLogs();
});

/** A missing episode of a series in the library, as Sonarr's wanted list names it. */
/** A missing episode no download ever touched (no queue record, no history), so its trace reads SABnzbd for nothing. */
async function missingEpisode() {
  const wanted = (await arrGet("sonarr", "wanted/missing?pageSize=50&includeSeries=true")) as { records: Raw[] };
  const queue = (await arrGet("sonarr", "queue?pageSize=100")) as { records: Raw[] };
  const history = (await arrGet("sonarr", "history?pageSize=200")) as { records: Raw[] };
  const touched = new Set([...queue.records, ...history.records].map((r) => r.episodeId));
  const episode = wanted.records.find((r) => !touched.has(r.id))!;
  await clearLogs();
  return {
    id: episode.id as number,
    seriesId: episode.seriesId as number,
    seasonNumber: episode.seasonNumber as number,
    episodeNumber: episode.episodeNumber as number,
  };
}

const SONARR_EPISODE_CALLS = (seriesId: number) =>
  [
    `GET /api/v3/series/${seriesId}`,
    "GET /api/v3/indexer",
    "GET /api/v3/health",
    "GET /api/v3/qualityprofile",
    "GET /api/v3/episode",
    "GET /api/v3/history/series",
    "GET /api/v3/queue",
    "GET /api/v3/blocklist",
  ].sort();

describe("stack_item_trace: Sonarr", () => {
  it("traces an episode by its series id with one call per fact, and no release search unless asked", async () => {
    const episode = await missingEpisode();
    const result = await trace({
      target: { app: "sonarr", seriesId: episode.seriesId, seasonNumber: episode.seasonNumber, episodeNumber: episode.episodeNumber },
    });
    expect(result.isError).toBe(false);
    const arr = result.data.arr!;
    expect(arr.ok).toBe(true);
    expect(arr.data).toMatchObject({
      app: "sonarr",
      item: { id: episode.seriesId, monitored: true, qualityProfileName: expect.any(String) },
      season: { seasonNumber: episode.seasonNumber, monitored: true },
      episode: { id: episode.id, seasonNumber: episode.seasonNumber, episodeNumber: episode.episodeNumber, hasFile: false, monitored: true },
      wanted: { missing: true, cutoffUnmet: false },
    });
    expect((arr.data!.indexers as Raw[]).length).toBeGreaterThan(0);
    expect(arr.data!.releases).toBeUndefined();
    expect(callsTo("sonarr").sort()).toEqual(SONARR_EPISODE_CALLS(episode.seriesId));
    expect(callsTo("radarr")).toEqual([]);
    expect(result.data.sabnzbd).toMatchObject({ ok: true, data: { paused: expect.any(Boolean), warnings: expect.any(Array) } });
    expect(result.data.plex).toMatchObject({ ok: true, data: { sections: [expect.objectContaining({ type: "show" })] } });
    expect(result.data.prowlarr).toMatchObject({ ok: true, data: { indexers: expect.any(Array), applications: expect.any(Array) } });
    expect(callsTo("prowlarr").sort()).toEqual(["GET /api/v1/applications", "GET /api/v1/health", "GET /api/v1/indexer", "GET /api/v1/indexerstatus"]);
    const show = (result.data.plex!.data!.matches as Raw[]).length > 0;
    expect(
      callsTo("plex")
        .map((c) => c.replace(/\/\d+\//, "/{ratingKey}/"))
        .sort(),
    ).toEqual(["GET /hubs/search", "GET /library/sections", ...(show ? ["GET /library/metadata/{ratingKey}/allLeaves"] : [])].sort());
    expect(callsTo("sabnzbd").sort()).toEqual(["mode=queue", "mode=warnings"]);
  });

  it("finds the series by its title in the library, with the library read once instead of the series by id", async () => {
    const episode = await missingEpisode();
    const series = (await arrGet("sonarr", `series/${episode.seriesId}`)) as Raw;
    const title = String(series.title).toUpperCase();
    await clearLogs();
    const result = await trace({ target: { app: "sonarr", title, seasonNumber: episode.seasonNumber, episodeNumber: episode.episodeNumber } });
    expect(result.data.arr).toMatchObject({ ok: true, data: { item: { id: episode.seriesId, title: series.title }, episode: { id: episode.id } } });
    const calls = callsTo("sonarr");
    expect(calls.filter((c) => c === "GET /api/v3/series")).toHaveLength(1);
    expect(calls).not.toContain(`GET /api/v3/series/${episode.seriesId}`);
    expect(calls).not.toContain("GET /api/v3/series/lookup");
  });

  it("takes the lookup's best match when it is in the library under a longer title, unless the year says otherwise", async () => {
    const us = harness.sims.world.series.find((s) => s.meta.title === "The Office (US)")!;
    const short = await trace({ target: { app: "sonarr", title: "The Office" } });
    expect(short.data.arr).toMatchObject({ ok: true, data: { item: { id: us.id, title: "The Office (US)" } } });
    expect(short.data.arr!.data!.lookup).toBeUndefined();
    const uk = await trace({ target: { app: "sonarr", title: "The Office", year: 2001 } });
    expect(uk.data.arr).toMatchObject({
      ok: true,
      data: { item: null, lookup: expect.arrayContaining([expect.objectContaining({ title: "The Office (UK)", year: 2001 })]) },
    });
  });

  it("finds a series by its TVDB id through GET /series?tvdbId=", async () => {
    const series = harness.sims.world.series[1]!;
    const result = await trace({ target: { app: "sonarr", tvdbId: series.meta.tvdbId } });
    expect(result.data.arr).toMatchObject({ ok: true, data: { item: { id: series.id }, wanted: expect.any(Object) } });
    expect(result.data.arr!.data!.episode).toBeUndefined();
    const byTvdb = harness.sims.requests("sonarr").filter((r) => r.path === "/api/v3/series");
    expect(byTvdb.map((r) => r.query.tvdbId)).toEqual([String(series.meta.tvdbId)]);
  });

  it("answers a series that was never added with what Sonarr's lookup finds for the title", async () => {
    const inLibrary = new Set(harness.sims.world.series.map((s) => s.meta.tvdbId));
    const lookup = (await arrGet("sonarr", "series/lookup?term=the")) as Raw[];
    const outside = lookup.find((s) => !inLibrary.has(s.tvdbId as number));
    expect(outside, "the simulator's lookup offers a series outside the library").toBeDefined();
    await clearLogs();
    const result = await trace({ target: { app: "sonarr", title: outside!.title, seasonNumber: 1, episodeNumber: 1 }, releaseSearch: true });
    expect(result.data.arr).toMatchObject({
      ok: true,
      data: {
        item: null,
        lookup: expect.arrayContaining([expect.objectContaining({ title: outside!.title, tvdbId: outside!.tvdbId })]),
        history: [],
        queue: [],
      },
    });
    expect(result.data.arr!.data!.releaseSearchSkipped).toEqual(expect.stringContaining("not in Sonarr"));
    const calls = callsTo("sonarr");
    expect(calls).toContain("GET /api/v3/series/lookup");
    expect(calls.some((c) => /episode|history|queue|blocklist|release/.test(c))).toBe(false);
  });

  it("runs the release search only when asked: GET /release once, for the episode, with each release's verdict", async () => {
    const episode = await missingEpisode();
    const result = await trace({
      target: { app: "sonarr", seriesId: episode.seriesId, seasonNumber: episode.seasonNumber, episodeNumber: episode.episodeNumber },
      releaseSearch: true,
    });
    const releases = result.data.arr!.data!.releases as { items: Raw[]; searchedAt: string };
    expect(releases.searchedAt).toEqual(expect.any(String));
    for (const release of releases.items)
      expect(release).toMatchObject({ guid: expect.any(String), approved: expect.any(Boolean), rejections: expect.any(Array) });
    const releaseCalls = harness.sims.requests("sonarr").filter((r) => r.path === "/api/v3/release");
    expect(releaseCalls).toHaveLength(1);
    expect(releaseCalls[0]!.query.episodeId).toBe(String(episode.id));
  });

  it("finds the SABnzbd job by the download id Sonarr's queue names, with three SABnzbd calls", async () => {
    const queue = (await arrGet("sonarr", "queue?pageSize=100")) as { records: Raw[] };
    const record = queue.records.find((r) => typeof r.downloadId === "string" && typeof r.episodeId === "number");
    expect(record, "the demo queue has a tracked download").toBeDefined();
    const episode = (await arrGet("sonarr", `episode/${record!.episodeId}`)) as Raw;
    await clearLogs();
    const result = await trace({
      target: { app: "sonarr", seriesId: record!.seriesId, seasonNumber: episode.seasonNumber, episodeNumber: episode.episodeNumber },
    });
    const arr = result.data.arr!.data!;
    expect(arr.queue).toEqual(expect.arrayContaining([expect.objectContaining({ id: record!.id, downloadId: record!.downloadId })]));
    expect(result.data.sabnzbd).toMatchObject({ ok: true, data: { jobs: expect.arrayContaining([expect.objectContaining({ nzoId: record!.downloadId })]) } });
    expect(callsTo("sabnzbd").sort()).toEqual(["mode=history", "mode=queue", "mode=warnings"]);
    const asked = harness.sims.requests("sabnzbd").find((r) => r.query.mode === "queue");
    expect(String(asked!.query.nzo_ids).split(",")).toContain(record!.downloadId);
  });
});

describe("stack_item_trace: Radarr", () => {
  const RADARR_MOVIE_CALLS = [
    "GET /api/v3/indexer",
    "GET /api/v3/health",
    "GET /api/v3/qualityprofile",
    "GET /api/v3/history/movie",
    "GET /api/v3/queue",
    "GET /api/v3/blocklist/movie",
  ];

  it("traces a movie by its id: the file, wanted state and history come with seven calls", async () => {
    const movie = harness.sims.world.movies[0]!;
    const result = await trace({ target: { app: "radarr", movieId: movie.id } });
    expect(result.data.arr).toMatchObject({
      ok: true,
      data: { app: "radarr", item: { id: movie.id, title: movie.meta.title, monitored: movie.monitored, hasFile: movie.file !== undefined } },
    });
    if (movie.file) expect(result.data.arr!.data!.file).toMatchObject({ quality: expect.any(String), qualityCutoffNotMet: expect.any(Boolean) });
    expect(callsTo("radarr").sort()).toEqual([`GET /api/v3/movie/${movie.id}`, ...RADARR_MOVIE_CALLS].sort());
    expect(callsTo("sonarr")).toEqual([]);
    expect(result.data.plex).toMatchObject({ ok: true, data: { sections: [expect.objectContaining({ type: "movie" })] } });
  });

  it("traces a movie by its TMDB id through GET /movie?tmdbId=, and a release search asks GET /release?movieId= once", async () => {
    const movie = harness.sims.world.movies[1]!;
    const result = await trace({ target: { app: "radarr", tmdbId: movie.meta.tmdbId }, releaseSearch: true });
    expect(result.data.arr).toMatchObject({ ok: true, data: { item: { id: movie.id }, releases: { items: expect.any(Array) } } });
    const byTmdb = harness.sims.requests("radarr").filter((r) => r.path === "/api/v3/movie");
    expect(byTmdb).toHaveLength(1);
    expect(byTmdb[0]!.query.tmdbId).toBe(String(movie.meta.tmdbId));
    const releases = harness.sims.requests("radarr").filter((r) => r.path === "/api/v3/release");
    expect(releases.map((r) => r.query.movieId)).toEqual([String(movie.id)]);
  });
});

describe("stack_item_trace: failures", () => {
  it("leaves a failing Plex's part {ok:false} while Sonarr and SABnzbd answer", async () => {
    await simFetch(`${sim("plex")}/__sim/faults`, { method: "POST", body: JSON.stringify({ down: true }) });
    const episode = await missingEpisode();
    const result = await trace({
      target: { app: "sonarr", seriesId: episode.seriesId, seasonNumber: episode.seasonNumber, episodeNumber: episode.episodeNumber },
    });
    expect(result.isError).toBe(false);
    expect(result.data.plex).toMatchObject({ ok: false, error: expect.stringContaining("Plex"), kind: expect.any(String) });
    expect(result.data.arr).toMatchObject({ ok: true });
    expect(result.data.sabnzbd).toMatchObject({ ok: true });
    expect(result.text).toContain("could not read plex");
  });

  it("still answers when the item's own app fails: arr {ok:false}, SABnzbd and Plex (by the title asked) answer", async () => {
    await simFetch(`${sim("radarr")}/__sim/faults`, { method: "POST", body: JSON.stringify({ status: 500 }) });
    const movie = harness.sims.world.movies[0]!;
    const result = await trace({ target: { app: "radarr", title: movie.meta.title } });
    expect(result.isError).toBe(false);
    expect(result.data.arr).toMatchObject({ ok: false, error: expect.stringContaining("Radarr"), kind: "http" });
    expect(result.data.sabnzbd).toMatchObject({ ok: true, data: { jobs: [] } });
    expect(result.data.plex).toMatchObject({ ok: true });
  });

  it("lets no app key out, whatever the parts say", async () => {
    const episode = await missingEpisode();
    const result = await call(client, "stack_item_trace", {
      target: { app: "sonarr", seriesId: episode.seriesId, seasonNumber: episode.seasonNumber, episodeNumber: episode.episodeNumber },
      releaseSearch: true,
    });
    const answer = JSON.stringify(result);
    for (const key of Object.values(harness.sims.keys)) expect(answer).not.toContain(key);
    expect(answer).not.toMatch(/apikey=(?!\*)/i);
  });

  it("refuses a target without an id or a title with the schema's reason", async () => {
    const result = await call(client, "stack_item_trace", { target: { app: "sonarr", seasonNumber: 1 } });
    expect(result.isError).toBe(true);
    expect(result.text).toContain("give seriesId, tvdbId or title");
  });
});
