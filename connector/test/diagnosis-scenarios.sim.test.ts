// POST /__sim/diagnosis-scenario: each scenario's fresh item is broken at its one link, and the fix the diagnosis
// offers moves it on in the simulators. GET /__sim/diagnosis-scenarios lists the demo's seeded ones.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SCENARIO_NAMES, SCENARIO_STEPS } from "../src/simulators/scenarios/diagnosis-scenarios.js";
import { startSimulators, type RunningSimulators } from "../src/simulators/index.js";

type Json = Record<string, unknown>;
type Target = { app: "sonarr"; seriesId: number; seasonNumber: number; episodeNumber: number } | { app: "radarr"; movieId: number };
let sims: RunningSimulators;

beforeAll(async () => {
  sims = await startSimulators();
});
afterAll(() => sims.close());
beforeEach(() => sims.reset("demo"));

async function post(url: string, body: unknown) {
  const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Json };
}
async function api(app: "sonarr" | "radarr", method: string, path: string, body?: unknown) {
  const response = await fetch(`${sims.urls[app]}/api/v3/${path}`, {
    method,
    headers: { "X-Api-Key": sims.keys[app], "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as unknown };
}
async function scenario(name: string, app?: "sonarr" | "radarr") {
  const { status, body } = await post(`${sims.urls.sonarr}/__sim/diagnosis-scenario`, { scenario: name, ...(app ? { app } : {}) });
  expect(status).toBe(200);
  expect(body.expectedStep).toBe(SCENARIO_STEPS[name as keyof typeof SCENARIO_STEPS]);
  return body as { scenario: string; target: Target; title: string; expectedStep: string };
}
const episodeIdOf = (t: Extract<Target, { app: "sonarr" }>) => t.seriesId * 10_000 + t.seasonNumber * 100 + t.episodeNumber;
const episode = async (t: Extract<Target, { app: "sonarr" }>) => (await api("sonarr", "GET", `episode/${episodeIdOf(t)}`)).body as Json;
const movie = async (t: Extract<Target, { app: "radarr" }>) => (await api("radarr", "GET", `movie/${t.movieId}`)).body as Json;
const downloadsOf = (t: Target) =>
  sims.world.downloads.filter((d) => (t.app === "sonarr" ? d.episodeIds.includes(episodeIdOf(t)) : d.app === "radarr" && d.mediaId === t.movieId));
const search = (t: Target) =>
  t.app === "sonarr"
    ? api("sonarr", "POST", "command", { name: "EpisodeSearch", episodeIds: [episodeIdOf(t)] })
    : api("radarr", "POST", "command", { name: "MoviesSearch", movieIds: [t.movieId] });
const missing = async (app: "sonarr" | "radarr") =>
  ((await api(app, "GET", "wanted/missing?pageSize=500")).body as { records: { id: number }[] }).records.map((r) => r.id);

describe("diagnosis scenarios", () => {
  it("refuses an unknown scenario with zod's issues (400)", async () => {
    const { status, body } = await post(`${sims.urls.radarr}/__sim/diagnosis-scenario`, { scenario: "haunted" });
    expect(status).toBe(400);
    expect((body.issues as { path: string[] }[])[0]?.path).toEqual(["scenario"]);
    expect((await post(`${sims.urls.radarr}/__sim/diagnosis-scenario`, { scenario: "not-aired", app: "radarr" })).status).toBe(409);
  });

  it("never-added: a real title the lookup finds that is not in the library", async () => {
    const { target, title } = await scenario("never-added");
    expect(target).toMatchObject({ app: "radarr" });
    const { title: name, year } = target as unknown as { title: string; year: number };
    expect(title).toBe(`${name} (${year})`);
    expect(sims.world.movies.some((m) => m.meta.title === name && m.meta.year === year)).toBe(false);
    const found = (await api("radarr", "GET", `movie/lookup?term=${encodeURIComponent(`${name} ${year}`)}`)).body as Json[];
    expect(found.some((m) => m.title === name && m.year === year)).toBe(true);
  });

  it("unmonitored: the episode alone is unmonitored and not wanted; monitoring it makes it wanted, a search grabs it", async () => {
    const { target } = await scenario("unmonitored");
    if (target.app !== "sonarr") throw new Error("expected an episode");
    const series = (await api("sonarr", "GET", `series/${target.seriesId}`)).body as { monitored: boolean; seasons: { monitored: boolean }[] };
    expect(series.monitored).toBe(true);
    expect(series.seasons.every((s) => s.monitored)).toBe(true);
    expect(await episode(target)).toMatchObject({ monitored: false, hasFile: false });
    expect(await missing("sonarr")).not.toContain(episodeIdOf(target));
    await api("sonarr", "PUT", "episode/monitor", { episodeIds: [episodeIdOf(target)], monitored: true });
    expect(await missing("sonarr")).toContain(episodeIdOf(target));
    await search(target);
    expect(downloadsOf(target).map((d) => d.state)).toEqual(["downloading"]);
  });

  it("unmonitored (Radarr): the movie is unmonitored; monitoring it through the editor makes it wanted", async () => {
    const { target } = await scenario("unmonitored", "radarr");
    if (target.app !== "radarr") throw new Error("expected a movie");
    expect(await movie(target)).toMatchObject({ monitored: false, hasFile: false });
    await api("radarr", "PUT", "movie/editor", { movieIds: [target.movieId], monitored: true });
    expect(await missing("radarr")).toContain(target.movieId);
  });

  it("not-aired: a monitored episode that airs next week, with no release yet", async () => {
    const { target } = await scenario("not-aired");
    if (target.app !== "sonarr") throw new Error("expected an episode");
    const found = await episode(target);
    expect(found).toMatchObject({ monitored: true, hasFile: false });
    expect(Date.parse(String(found.airDateUtc))).toBeGreaterThan(Date.now());
    expect(await missing("sonarr")).not.toContain(episodeIdOf(target));
    await search(target);
    expect(downloadsOf(target)).toHaveLength(0);
  });

  it("never-searched: monitored and missing with no lastSearchTime; a search grabs it and sets lastSearchTime", async () => {
    const { target } = await scenario("never-searched");
    if (target.app !== "radarr") throw new Error("expected a movie");
    const before = await movie(target);
    expect(before).toMatchObject({ monitored: true, hasFile: false });
    expect(before.lastSearchTime).toBeUndefined();
    expect(await missing("radarr")).toContain(target.movieId);
    await search(target);
    expect((await movie(target)).lastSearchTime).toMatch(/Z$/);
    expect(downloadsOf(target)).toHaveLength(1);
  });

  it("all-rejected: searched, but every release is 2160p against HD-1080p; a profile that allows 2160p lets a search grab", async () => {
    const { target } = await scenario("all-rejected");
    if (target.app !== "sonarr") throw new Error("expected an episode");
    expect((await episode(target)).lastSearchTime).toMatch(/Z$/);
    await search(target);
    expect(downloadsOf(target)).toHaveLength(0);
    sims.reset("well-configured");
    const again = await scenario("all-rejected");
    if (again.target.app !== "sonarr") throw new Error("expected an episode");
    const releases = (await api("sonarr", "GET", `release?episodeId=${episodeIdOf(again.target)}`)).body as { approved: boolean; rejections: string[] }[];
    expect(releases.length).toBeGreaterThan(0);
    expect(releases.every((r) => !r.approved && r.rejections.includes("WEBDL-2160p v1 is not wanted in profile"))).toBe(true);
    const resource = (await api("sonarr", "GET", `series/${again.target.seriesId}`)).body as Json;
    await api("sonarr", "PUT", `series/${again.target.seriesId}`, { ...resource, qualityProfileId: 5 });
    await search(again.target);
    expect(downloadsOf(again.target).map((d) => d.quality.name)).toEqual(["WEBDL-2160p"]);
  });

  it("blocklisted: the only release is on the blocklist; removing the entry lets a search grab it", async () => {
    const { target } = await scenario("blocklisted");
    if (target.app !== "radarr") throw new Error("expected a movie");
    const entries = (await api("radarr", "GET", `blocklist/movie?movieId=${target.movieId}`)).body as { id: number; sourceTitle: string }[];
    expect(entries).toHaveLength(1);
    await search(target);
    expect(downloadsOf(target)).toHaveLength(0);
    expect((await movie(target)).lastSearchTime).toMatch(/Z$/);
    await api("radarr", "DELETE", `blocklist/${entries[0]!.id}`);
    await search(target);
    expect(downloadsOf(target).map((d) => d.title)).toEqual([entries[0]!.sourceTitle]);
  });

  it("indexers-down: every indexer backed off in world.indexerFailures; health says so, searches find nothing until they are cleared", async () => {
    const { target } = await scenario("indexers-down");
    if (target.app !== "sonarr") throw new Error("expected an episode");
    expect([...sims.world.indexerFailures.keys()].sort()).toEqual(["DrunkenSlug", "NZBgeek"]);
    const health = (await api("sonarr", "GET", "health")).body as { source: string; message: string }[];
    expect(health).toContainEqual(expect.objectContaining({ source: "IndexerStatusCheck", message: "All indexers are unavailable due to failures" }));
    const before = (await episode(target)).lastSearchTime;
    await search(target);
    expect((await episode(target)).lastSearchTime).toBe(before);
    expect(downloadsOf(target)).toHaveLength(0);
    // Prowlarr lists them too; a passing indexer test there (what enabling it again runs) clears the back-off for the *arr apps.
    const prowlarr = (path: string, init: RequestInit = {}) =>
      fetch(`${sims.urls.prowlarr}/api/v1/${path}`, { ...init, headers: { "X-Api-Key": sims.keys.prowlarr, "Content-Type": "application/json" } });
    const statuses = (await (await prowlarr("indexerstatus")).json()) as { indexerId: number }[];
    const indexers = (await (await prowlarr("indexer")).json()) as Json[];
    expect(statuses).toHaveLength(indexers.filter((i) => i.enable).length);
    for (const indexer of indexers) await prowlarr("indexer/test", { method: "POST", body: JSON.stringify(indexer) });
    expect(await (await prowlarr("indexerstatus")).json()).toEqual([]);
    await search(target);
    expect(downloadsOf(target)).toHaveLength(1);
  });

  it("download-failed: grabbed, failed in SABnzbd with its fail_message; a SABnzbd retry re-queues it under a new nzo_id", async () => {
    const { target } = await scenario("download-failed");
    const [download] = downloadsOf(target);
    expect(download).toMatchObject({ state: "failed", failMessage: "Aborted, cannot be completed - https://sabnzbd.org/not-complete" });
    const oldId = download!.nzoId;
    const history = await (await fetch(`${sims.urls.sabnzbd}/api?mode=history&output=json&apikey=${sims.keys.sabnzbd}`)).json();
    const slot = (history as { history: { slots: { nzo_id: string; status: string; fail_message: string }[] } }).history.slots.find((s) => s.nzo_id === oldId);
    expect(slot).toMatchObject({ status: "Failed", fail_message: "Aborted, cannot be completed - https://sabnzbd.org/not-complete" });
    const retried = (await (await fetch(`${sims.urls.sabnzbd}/api?mode=retry&value=${oldId}&output=json&apikey=${sims.keys.sabnzbd}`)).json()) as {
      nzo_id: [string, string[]];
    };
    expect(retried.nzo_id[1][0]).not.toBe(oldId);
    expect(download).toMatchObject({ state: "downloading", nzoId: retried.nzo_id[1][0] });
  });

  it("download-stalled: grabbed and in SABnzbd's queue, not moving however long it is ticked", async () => {
    const { target } = await scenario("download-stalled");
    const [download] = downloadsOf(target);
    const left = download!.leftBytes;
    sims.world.tick(600);
    expect(download).toMatchObject({ state: "stalled", leftBytes: left });
  });

  it("import-blocked: downloaded, the *arr queue says importBlocked with the reason in statusMessages", async () => {
    const { target } = await scenario("import-blocked");
    if (target.app !== "sonarr") throw new Error("expected an episode");
    const queue = (await api("sonarr", "GET", `queue?seriesIds=${target.seriesId}`)).body as { records: Json[] };
    expect(queue.records).toEqual([
      expect.objectContaining({
        status: "completed",
        trackedDownloadStatus: "warning",
        trackedDownloadState: "importBlocked",
        statusMessages: [expect.objectContaining({ messages: [expect.stringMatching(/^Found matching series via grab history/)] })],
      }),
    ]);
  });

  it("not-in-plex: imported, file on disk, missing from Plex until its section is refreshed", async () => {
    const { target, title } = await scenario("not-in-plex");
    if (target.app !== "radarr") throw new Error("expected a movie");
    expect(await movie(target)).toMatchObject({ hasFile: true });
    const [, name, year] = /^(.*) \((\d{4})\)$/.exec(title)!;
    const inPlex = async () => {
      const response = await fetch(`${sims.urls.plex}/hubs/search?query=${encodeURIComponent(name!)}`, {
        headers: { "X-Plex-Token": sims.keys.plex, Accept: "application/json" },
      });
      const hubs = ((await response.json()) as { MediaContainer: { Hub: { type: string; Metadata?: { year: number }[] }[] } }).MediaContainer.Hub;
      return (hubs.find((h) => h.type === "movie")?.Metadata ?? []).filter((m) => m.year === Number(year)).length;
    };
    expect(await inPlex()).toBe(0);
    await fetch(`${sims.urls.plex}/library/sections/1/refresh`, { headers: { "X-Plex-Token": sims.keys.plex } });
    expect(await inPlex()).toBe(1);
  });

  it("makes a fresh item each call and leaves the seeded library alone", async () => {
    const seriesBefore = sims.world.series.map((s) => ({ id: s.id, files: s.files.size }));
    const results = [];
    for (const name of SCENARIO_NAMES) results.push(await scenario(name));
    for (let i = 0; i < 12; i++) results.push(await scenario("never-searched", "sonarr"));
    const targets = results.map((r) => JSON.stringify(r.target));
    expect(new Set(targets).size).toBe(targets.length);
    for (const before of seriesBefore) expect(sims.world.series.find((s) => s.id === before.id)?.files.size).toBe(before.files);
  });
});

describe("the demo's seeded items", () => {
  it("lists at least five items that never arrived for different reasons, each in the state its step names", async () => {
    const seeded = (await (await fetch(`${sims.urls.radarr}/__sim/diagnosis-scenarios`)).json()) as {
      scenario: string;
      target: Target;
      expectedStep: string;
    }[];
    expect(new Set(seeded.map((s) => s.expectedStep)).size).toBeGreaterThanOrEqual(5);
    const byName = Object.fromEntries(seeded.map((s) => [s.scenario, s.target]));
    const unmonitored = byName.unmonitored as Extract<Target, { app: "sonarr" }>;
    expect(await episode(unmonitored)).toMatchObject({ monitored: false, hasFile: false });
    const notInPlex = byName["not-in-plex"] as Extract<Target, { app: "sonarr" }>;
    expect(await episode(notInPlex)).toMatchObject({ hasFile: true });
    expect(sims.world.plexPending.some((i) => i.type === "episode")).toBe(true);
    expect(downloadsOf(byName["download-failed"]!).some((d) => d.state === "failed")).toBe(true);
    expect(downloadsOf(byName["download-stalled"]!).some((d) => d.state === "stalled")).toBe(true);
    expect(downloadsOf(byName["import-blocked"]!).some((d) => d.state === "importBlocked")).toBe(true);
    sims.reset("well-configured");
    expect(await (await fetch(`${sims.urls.radarr}/__sim/diagnosis-scenarios`)).json()).toEqual([]);
  });
});
