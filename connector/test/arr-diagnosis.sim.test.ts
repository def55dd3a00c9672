// The Sonarr/Radarr simulator endpoints a "why didn't it arrive?" trace reads, answered as the real controllers do
// (sources in src/simulators/SOURCES.md).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { episodesOf } from "../src/simulators/seed.js";
import { startSimulators, type RunningSimulators } from "../src/simulators/index.js";

type Json = Record<string, unknown>;
let sims: RunningSimulators;

beforeAll(async () => {
  sims = await startSimulators();
});
afterAll(() => sims.close());
beforeEach(() => sims.reset("demo"));

async function api(app: "sonarr" | "radarr", method: string, path: string, body?: unknown) {
  const response = await fetch(`${sims.urls[app]}/api/v3/${path}`, {
    method,
    headers: { "X-Api-Key": sims.keys[app], "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as unknown };
}
const series = (title: string) => sims.world.series.find((s) => s.meta.title === title)!;
const movie = (title: string) => sims.world.movies.find((m) => m.meta.title === title)!;
const missingIds = async () => ((await api("sonarr", "GET", "wanted/missing?pageSize=100")).body as { records: { id: number }[] }).records.map((r) => r.id);

describe("Sonarr episodes", () => {
  it("lists a season's episodes with their own monitored flag, file and air date; refuses a list without seriesId or episodeIds", async () => {
    const office = series("The Office (US)");
    const { status, body } = await api("sonarr", "GET", `episode?seriesId=${office.id}&seasonNumber=9&includeEpisodeFile=true`);
    expect(status).toBe(200);
    const episodes = body as Json[];
    expect(episodes).toHaveLength(25);
    const e19 = episodes.find((e) => e.episodeNumber === 19)!;
    expect(e19).toMatchObject({ seasonNumber: 9, hasFile: true, monitored: true, episodeFileId: e19.id });
    expect((e19.episodeFile as Json).qualityCutoffNotMet).toBe(false);
    // The seed's demo "unmonitored" item: The Office S09E25 is unmonitored while its series and season are not.
    expect(episodes.find((e) => e.episodeNumber === 25)).toMatchObject({ hasFile: false, monitored: false });
    expect(e19.airDateUtc).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(episodes.find((e) => e.episodeNumber === 20)?.episodeFile).toBeUndefined();
    // Without includeEpisodeFile the file is not embedded (EpisodeControllerWithSignalR.MapToResource).
    const plain = (await api("sonarr", "GET", `episode?seriesId=${office.id}&seasonNumber=9`)).body as Json[];
    expect(plain.find((e) => e.episodeNumber === 19)?.episodeFile).toBeUndefined();
    expect(await api("sonarr", "GET", "episode")).toEqual({ status: 400, body: { message: "BadRequest: seriesId or episodeIds must be provided" } });
  });

  it("answers one episode with its series and file, and 404 for an unknown id", async () => {
    const gameOfThrones = series("Game of Thrones");
    const id = gameOfThrones.id * 10_000 + 101;
    const { body } = await api("sonarr", "GET", `episode/${id}`);
    expect(body).toMatchObject({ id, seriesId: gameOfThrones.id, hasFile: true, series: { title: "Game of Thrones" } });
    expect((body as { episodeFile: Json }).episodeFile).toMatchObject({ quality: { quality: { name: "HDTV-720p" } }, qualityCutoffNotMet: true });
    expect((await api("sonarr", "GET", "episode/99999999")).status).toBe(404);
  });

  it("PUT /episode/monitor changes only the episodes' flags (202) and the missing list follows Sonarr's rule", async () => {
    const office = series("The Office (US)");
    const e23 = office.id * 10_000 + 923;
    expect(await missingIds()).toContain(e23);
    const off = await api("sonarr", "PUT", "episode/monitor", { episodeIds: [e23], monitored: false });
    expect(off.status).toBe(202);
    expect(off.body).toEqual([expect.objectContaining({ id: e23, monitored: false })]);
    expect(await missingIds()).not.toContain(e23);
    await api("sonarr", "PUT", "episode/monitor", { episodeIds: [e23], monitored: true });
    expect(await missingIds()).toContain(e23);
    expect((await api("sonarr", "PUT", "episode/monitor", { episodeIds: [42], monitored: true })).status).toBe(404);
  });

  it("PUT /series with a season unmonitored sets that season's episodes unmonitored, and monitoring it again brings them back", async () => {
    const office = series("The Office (US)");
    const resource = (await api("sonarr", "GET", `series/${office.id}`)).body as { seasons: { seasonNumber: number; monitored: boolean }[] };
    expect(resource.seasons.every((s) => s.monitored)).toBe(true);
    const seasons = resource.seasons.map((s) => (s.seasonNumber === 9 ? { ...s, monitored: false } : s));
    const saved = await api("sonarr", "PUT", `series/${office.id}`, { ...resource, seasons });
    expect(saved.status).toBe(202);
    expect((saved.body as typeof resource).seasons.find((s) => s.seasonNumber === 9)?.monitored).toBe(false);
    expect((await missingIds()).some((id) => Math.floor(id / 10_000) === office.id)).toBe(false);
    await api("sonarr", "PUT", `series/${office.id}`, { ...resource, seasons: resource.seasons });
    expect((await missingIds()).filter((id) => Math.floor(id / 10_000) === office.id)).toHaveLength(5);
  });

  it("GET /episodefile/{id} answers the file's quality and whether the cutoff is met", async () => {
    const gameOfThrones = series("Game of Thrones");
    const id = gameOfThrones.id * 10_000 + 101;
    expect((await api("sonarr", "GET", `episodefile/${id}`)).body).toMatchObject({
      id,
      quality: { quality: { name: "HDTV-720p" } },
      qualityCutoffNotMet: true,
    });
    expect((await api("sonarr", "GET", `episodefile/${series("The Office (US)").id * 10_000 + 920}`)).status).toBe(404);
  });
});

describe("Radarr movies", () => {
  it("PUT /movie/editor unmonitors movies (202) and they leave the missing list; a search sets lastSearchTime", async () => {
    const pastLives = movie("Past Lives");
    const edited = await api("radarr", "PUT", "movie/editor", { movieIds: [pastLives.id], monitored: false });
    expect(edited.status).toBe(202);
    expect(edited.body).toEqual([expect.objectContaining({ id: pastLives.id, monitored: false, hasFile: false, isAvailable: true })]);
    const missing = (await api("radarr", "GET", "wanted/missing")).body as { records: { id: number }[] };
    expect(missing.records.map((r) => r.id)).not.toContain(pastLives.id);
    expect(((await api("radarr", "GET", `movie/${pastLives.id}`)).body as Json).lastSearchTime).toBeUndefined();
    await api("radarr", "POST", "command", { name: "MoviesSearch", movieIds: [pastLives.id] });
    expect(((await api("radarr", "GET", `movie/${pastLives.id}`)).body as Json).lastSearchTime).toMatch(/Z$/);
  });
});

describe("history, blocklist and indexers", () => {
  it("GET /history/series and /history/movie answer the item's whole history as a plain list", async () => {
    const lastOfUs = series("The Last of Us");
    const rows = (await api("sonarr", "GET", `history/series?seriesId=${lastOfUs.id}&seasonNumber=2`)).body as Json[];
    expect(Array.isArray(rows)).toBe(true);
    expect(rows.map((r) => r.eventType)).toEqual(expect.arrayContaining(["grabbed", "downloadFailed"]));
    expect(rows.every((r) => r.seriesId === lastOfUs.id)).toBe(true);
    const failedOnly = (await api("sonarr", "GET", `history/series?seriesId=${lastOfUs.id}&eventType=downloadFailed`)).body as Json[];
    expect(failedOnly.every((r) => r.eventType === "downloadFailed")).toBe(true);
    expect((await api("sonarr", "GET", "history/series?seriesId=999")).status).toBe(404);
    const madMax = movie("Mad Max: Fury Road");
    const movieRows = (await api("radarr", "GET", `history/movie?movieId=${madMax.id}`)).body as Json[];
    expect(movieRows.map((r) => r.eventType)).toEqual(["downloadFailed", "grabbed"]);
  });

  it("DELETE /blocklist/{id} removes the entry (200, empty); Radarr lists a movie's blocklist at /blocklist/movie", async () => {
    const page = (await api("sonarr", "GET", "blocklist")).body as { totalRecords: number; records: { id: number }[] };
    const first = page.records[0]!;
    expect(await api("sonarr", "DELETE", `blocklist/${first.id}`)).toEqual({ status: 200, body: undefined });
    expect(((await api("sonarr", "GET", "blocklist")).body as { totalRecords: number }).totalRecords).toBe(page.totalRecords - 1);
    expect((await api("radarr", "GET", `blocklist/movie?movieId=${movie("Past Lives").id}`)).body).toEqual([]);
  });

  it("has no /indexerstatus, as the real apps; failing indexers show in /health as IndexerStatusCheck and IndexerSearchCheck", async () => {
    expect((await api("sonarr", "GET", "indexerstatus")).status).toBe(404);
    const now = Date.now();
    sims.world.indexerFailures.set("NZBgeek", { initialFailure: now - 60_000, mostRecentFailure: now, escalationLevel: 1, disabledTill: now + 600_000 });
    const one = (await api("sonarr", "GET", "health")).body as { source: string; type: string; message: string }[];
    expect(one).toContainEqual(
      expect.objectContaining({ source: "IndexerStatusCheck", type: "warning", message: "Indexers unavailable due to failures: NZBgeek (Prowlarr)" }),
    );
    sims.world.indexerFailures.set("DrunkenSlug", { initialFailure: now - 60_000, mostRecentFailure: now, escalationLevel: 1, disabledTill: now + 600_000 });
    const all = (await api("radarr", "GET", "health")).body as { source: string; type: string; message: string }[];
    expect(all).toContainEqual(
      expect.objectContaining({ source: "IndexerStatusCheck", type: "error", message: "All indexers are unavailable due to failures" }),
    );
    // A backed-off indexer is not searched: no grab and no lastSearchTime (ReleaseSearchService.Dispatch).
    const pastLives = movie("Past Lives");
    await api("radarr", "POST", "command", { name: "MoviesSearch", movieIds: [pastLives.id] });
    expect(pastLives.lastSearchTime).toBeUndefined();
    expect(sims.world.downloads.some((d) => d.app === "radarr" && d.mediaId === pastLives.id)).toBe(false);
  });

  it("a search upgrades a file below the cutoff and leaves one at the cutoff alone (UpgradeDiskSpecification)", async () => {
    const thrones = series("Game of Thrones");
    const office = series("The Office (US)");
    await api("sonarr", "POST", "command", { name: "EpisodeSearch", episodeIds: [thrones.id * 10_000 + 101, office.id * 10_000 + 919] });
    const grabbed = sims.world.downloads.filter((d) => d.added > Date.now() - 60_000 && d.app === "sonarr" && d.state === "downloading");
    expect(grabbed.map((d) => [d.episodeIds[0], d.quality.name])).toEqual([[thrones.id * 10_000 + 101, "WEBDL-1080p"]]);
    expect(office.lastSearchTime.has(office.id * 10_000 + 919)).toBe(true);
  });

  it("filters the queue by seriesIds / movieIds", async () => {
    const severance = series("Severance");
    const queue = (await api("sonarr", "GET", `queue?seriesIds=${severance.id}`)).body as { totalRecords: number; records: { seriesId: number }[] };
    expect(queue.totalRecords).toBe(2);
    expect(queue.records.every((r) => r.seriesId === severance.id)).toBe(true);
    expect(((await api("radarr", "GET", `queue?movieIds=${movie("Top Gun: Maverick").id}`)).body as { totalRecords: number }).totalRecords).toBe(1);
  });
});

describe("GET /release (interactive search)", () => {
  it("asks only indexers with interactive search: none in the demo profile, so nothing comes back and lastSearchTime stays unset", async () => {
    const lastOfUs = series("The Last of Us");
    const id = lastOfUs.id * 10_000 + 204;
    expect(await api("sonarr", "GET", `release?episodeId=${id}`)).toEqual({ status: 200, body: [] });
    expect(lastOfUs.lastSearchTime.has(id)).toBe(false);
  });

  it("returns every release with the decision engine's verdict, sets lastSearchTime, and skips a backed-off indexer", async () => {
    sims.reset("well-configured");
    const lastOfUs = series("The Last of Us");
    const id = lastOfUs.id * 10_000 + 204;
    const releases = (await api("sonarr", "GET", `release?episodeId=${id}`)).body as {
      title: string;
      indexer: string;
      approved: boolean;
      rejected: boolean;
      rejections: string[];
      quality: { quality: { name: string } };
    }[];
    expect(releases.length).toBeGreaterThan(0);
    expect(releases[0]).toMatchObject({ approved: true, rejections: [] });
    const uhd = releases.find((r) => r.quality.quality.name === "WEBDL-2160p")!;
    expect(uhd).toMatchObject({ approved: false, rejected: true, rejections: ["WEBDL-2160p v1 is not wanted in profile"] });
    expect(new Set(releases.map((r) => r.indexer))).toEqual(new Set(["NZBgeek (Prowlarr)", "DrunkenSlug (Prowlarr)"]));
    expect(lastOfUs.lastSearchTime.has(id)).toBe(true);
    const now = Date.now();
    sims.world.indexerFailures.set("DrunkenSlug", { initialFailure: now, mostRecentFailure: now, escalationLevel: 1, disabledTill: now + 600_000 });
    const fewer = (await api("sonarr", "GET", `release?episodeId=${id}`)).body as { indexer: string }[];
    expect(fewer.every((r) => r.indexer === "NZBgeek (Prowlarr)")).toBe(true);
    // A future episode has no releases yet; an unknown one fails the search as ReleaseController does.
    const future = episodesOf(lastOfUs).find((e) => e.airDate > Date.now());
    if (future) expect((await api("sonarr", "GET", `release?episodeId=${future.id}`)).body).toEqual([]);
    expect((await api("sonarr", "GET", "release?episodeId=99999999")).status).toBe(500);
    // UpgradeDiskSpecification: a file at the cutoff rejects everything; one below it, whatever is no better.
    const bear = series("The Bear");
    const withFile = (await api("sonarr", "GET", `release?episodeId=${bear.id * 10_000 + 301}`)).body as { rejections: string[] }[];
    expect(withFile.every((r) => r.rejections.includes("Existing file meets cutoff: WEB 1080p (WEBDL-1080p, WEBRip-1080p)"))).toBe(true);
    const thrones = series("Game of Thrones");
    const upgrade = (await api("sonarr", "GET", `release?episodeId=${thrones.id * 10_000 + 101}`)).body as {
      approved: boolean;
      rejections: string[];
      quality: { quality: { name: string } };
    }[];
    expect(upgrade.find((r) => r.quality.quality.name === "HDTV-720p")?.rejections).toContain(
      "Existing file on disk is of equal or higher preference: HDTV-720p v1",
    );
    expect(upgrade.find((r) => r.approved)?.quality.quality.name).toBe("WEBDL-1080p");
    const pastLives = movie("Past Lives");
    const movieReleases = (await api("radarr", "GET", `release?movieId=${pastLives.id}`)).body as { approved: boolean; movieId?: number }[];
    expect(movieReleases.some((r) => r.approved)).toBe(true);
    expect(pastLives.lastSearchTime).toBeDefined();
  });
});
