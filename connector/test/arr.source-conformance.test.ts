// The Sonarr/Radarr simulators against the apps' own source (issue #15: a simulator is never more forgiving than the
// real program). Each test names the source it follows; SOURCES.md lists the commits read (Sonarr main 4ff1b78 =
// v4.0.19.2979, Radarr develop 1b9662d = v6.0.3.10276+6).
import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createArrApi } from "../src/apps/arr/arr.api.js";
import { createLogger } from "../src/logger.js";
import { startSimulators, type RunningSimulators } from "../src/simulators/index.js";

let sims: RunningSimulators;
beforeAll(async () => {
  sims = await startSimulators();
});
afterAll(() => sims.close());
beforeEach(() => sims.reset("demo"));

type App = "sonarr" | "radarr";
type Json = Record<string, unknown>;
async function api(app: App, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown; text: string }> {
  const response = await fetch(`${sims.urls[app]}/api/v3/${path}`, {
    method,
    headers: { "X-Api-Key": sims.keys[app], "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, body: parsed, text };
}
const records = (body: unknown) => (body as { records: Json[] }).records;

/** NzbDrone.Common/Crypto/HashConverter.cs GetHashInt31: the first four bytes of SHA-1, little-endian, top bit cleared. */
const hashInt31 = (text: string) => createHash("sha1").update(text, "utf8").digest().readInt32LE(0) & 0x7fffffff;

describe("queue (src/*.Api.V3/Queue/QueueController.cs, src/NzbDrone.Core/Queue/QueueService.cs)", () => {
  it("Sonarr: a queue id is the hash of the client id, download id and episode id, one record per episode", async () => {
    const download = sims.world.downloads.find((d) => d.app === "sonarr" && d.state === "downloading")!;
    const first = download.episodeIds[0]!;
    download.episodeIds = [first, first + 1];
    const rows = records((await api("sonarr", "GET", "queue?pageSize=50")).body).filter((r) => r.downloadId === download.nzoId);
    expect(rows.map((r) => r.episodeId)).toEqual([first, first + 1]);
    expect(rows.map((r) => r.id)).toEqual([first, first + 1].map((ep) => hashInt31(`trackedDownload-1-${download.nzoId}-ep${ep}`)));
  });

  it("Radarr: a queue id is the hash of the client id and download id", async () => {
    const download = sims.world.downloads.find((d) => d.app === "radarr" && d.state === "downloading")!;
    const row = records((await api("radarr", "GET", "queue")).body).find((r) => r.downloadId === download.nzoId)!;
    expect(row.id).toBe(hashInt31(`trackedDownload-1-${download.nzoId}`));
  });

  it("defaults to sortKey timeleft, descending when no direction is given, and replaces an unknown sort key", async () => {
    // PagingResource(requestResource) sets SortDirection ?? Descending before MapToPagingSpec sees it (src/Sonarr.Http/PagingResource.cs).
    const plain = (await api("sonarr", "GET", "queue")).body as Json;
    expect(plain).toMatchObject({ page: 1, pageSize: 10, sortKey: "timeleft", sortDirection: "descending" });
    const unknown = (await api("sonarr", "GET", "queue?sortKey=nonsense&sortDirection=ascending")).body as Json;
    expect(unknown).toMatchObject({ sortKey: "timeleft", sortDirection: "ascending" });
  });

  it("sorts by timeleft with unknown time left last when ascending", async () => {
    const rows = records((await api("sonarr", "GET", "queue?sortKey=timeleft&sortDirection=ascending")).body);
    const known = rows.map((r) => r.timeleft !== undefined);
    expect(known.indexOf(false) === -1 || known.slice(known.indexOf(false)).every((k) => !k)).toBe(true);
  });

  it("answers a page past the end with the last page, not an empty one", async () => {
    const body = (await api("sonarr", "GET", "queue?page=9&pageSize=2")).body as Json;
    // GetQueue: Page = Math.Max(Math.Ceiling((decimal)(TotalRecords / PageSize)), 1) — integer division first.
    expect(body.totalRecords).toBe(4);
    expect(body.page).toBe(2);
    expect(records(body)).toHaveLength(2);
  });

  it("reports SABnzbd's time left for a stalled download (00:00:00, Sabnzbd.cs GetQueue) and none while paused", async () => {
    const stalled = sims.world.downloads.find((d) => d.app === "sonarr" && d.state === "stalled")!;
    const row = async () => records((await api("sonarr", "GET", "queue")).body).find((r) => r.downloadId === stalled.nzoId)!;
    const moving = await row();
    expect(moving).toMatchObject({ status: "downloading", timeleft: "00:00:00", estimatedCompletionTime: expect.any(String) });
    sims.world.sabPaused = true;
    const paused = await row();
    expect(paused.status).toBe("paused");
    expect(paused.timeleft).toBeUndefined();
    expect(paused.estimatedCompletionTime).toBeUndefined();
  });

  it("writes a time left over a day as .NET's TimeSpan.ToString does (d.hh:mm:ss)", async () => {
    const download = sims.world.downloads.find((d) => d.app === "radarr" && d.state === "downloading")!;
    download.bytesPerSecond = 1;
    download.leftBytes = 26 * 3600 + 61;
    const row = records((await api("radarr", "GET", "queue")).body).find((r) => r.downloadId === download.nzoId)!;
    expect(row.timeleft).toBe("1.02:01:01");
  });

  it("treats SABnzbd's disk-full failure as a warning the app does not process (Sabnzbd.cs GetHistory)", async () => {
    for (const app of ["sonarr", "radarr"] as const) {
      const download = sims.world.downloads.find((d) => d.app === app && d.state === "failed")!;
      download.failMessage = "Unpacking failed, write error or disk is full?";
      const row = records((await api(app, "GET", "queue")).body).find((r) => r.downloadId === download.nzoId)!;
      expect(row).toMatchObject({ status: "warning", trackedDownloadStatus: "ok", trackedDownloadState: "downloading", errorMessage: download.failMessage });
      const blocklistBefore = ((await api(app, "GET", "blocklist")).body as Json).totalRecords;
      await api(app, "POST", "command", { name: "RefreshMonitoredDownloads" });
      expect(records((await api(app, "GET", "queue")).body).map((r) => r.downloadId)).toContain(download.nzoId);
      expect(((await api(app, "GET", "blocklist")).body as Json).totalRecords).toBe(blocklistBefore);
    }
  });

  it("embeds the series, episode or movie only when asked (QueueResource.ToResource includeSeries/includeEpisode, Radarr includeMovie)", async () => {
    const plain = records((await api("sonarr", "GET", "queue")).body)[0]!;
    expect(plain.series).toBeUndefined();
    expect(plain.episode).toBeUndefined();
    const full = records((await api("sonarr", "GET", "queue?includeSeries=true&includeEpisode=true")).body).find((r) => r.id === plain.id)!;
    expect(full.series).toMatchObject({ id: plain.seriesId });
    expect(full.episode).toMatchObject({ id: plain.episodeId, seriesId: plain.seriesId });
    const movie = records((await api("radarr", "GET", "queue?includeMovie=true")).body)[0]!;
    expect(movie.movie).toMatchObject({ id: movie.movieId });
    expect(records((await api("radarr", "GET", "queue")).body)[0]!.movie).toBeUndefined();
  });

  it("shows 'No files found are eligible for import' as importPending with a warning (CompletedDownloadService.Import), a rejected import as importBlocked", async () => {
    for (const app of ["sonarr", "radarr"] as const) {
      const rows = records((await api(app, "GET", "queue")).body);
      const noFiles = rows.find((r) => (r.statusMessages as { messages: string[] }[])[0]?.messages[0]?.startsWith("No files found are eligible for import"))!;
      expect(noFiles).toMatchObject({ status: "completed", trackedDownloadStatus: "warning", trackedDownloadState: "importPending" });
      const download = sims.world.downloads.find((d) => d.nzoId === noFiles.downloadId)!;
      download.importMessage = "Not an upgrade for existing episode file(s)";
      const rejected = records((await api(app, "GET", "queue")).body).find((r) => r.downloadId === download.nzoId)!;
      expect(rejected).toMatchObject({ status: "completed", trackedDownloadStatus: "warning", trackedDownloadState: "importBlocked" });
    }
  });

  it("marks a download failed in the client as failedPending with status ok (FailedDownloadService.Check changes the state only)", async () => {
    for (const app of ["sonarr", "radarr"] as const) {
      const row = records((await api(app, "GET", "queue")).body).find((r) => r.trackedDownloadState === "failedPending")!;
      expect(row).toMatchObject({ status: "failed", trackedDownloadStatus: "ok" });
    }
  });

  it.each(["sonarr", "radarr"] as const)(
    "%s: removing without removeFromClient or blocklist ignores the download (downloadIgnored, 'Manually ignored')",
    async (app) => {
      const row = records((await api(app, "GET", "queue")).body)[0]!;
      const removed = await api(app, "DELETE", `queue/${row.id}?removeFromClient=false`);
      expect(removed.status).toBe(200);
      const history = records((await api(app, "GET", `history?downloadId=${row.downloadId as string}`)).body);
      expect(history[0]).toMatchObject({ eventType: "downloadIgnored", data: expect.objectContaining({ message: "Manually ignored" }) });
    },
  );

  it.each(["sonarr", "radarr"] as const)("%s: DELETE queue/0 is refused as an invalid id (RestController.ValidateId)", async (app) => {
    const answer = await api(app, "DELETE", "queue/0");
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ message: "BadRequest: 0 is not a valid ID" });
  });

  it.each(["sonarr", "radarr"] as const)("%s: DELETE queue/bulk removes known ids and fails whole with 404 on an unknown one", async (app) => {
    const ids = records((await api(app, "GET", "queue")).body).map((r) => r.id as number);
    const refused = await api(app, "DELETE", "queue/bulk?removeFromClient=false", { ids: [ids[0], 12345] });
    expect(refused.status).toBe(404);
    expect(records((await api(app, "GET", "queue")).body).map((r) => r.id)).toContain(ids[0]);
    const removed = await api(app, "DELETE", "queue/bulk?removeFromClient=false", { ids: [ids[0], ids[1]] });
    expect(removed).toMatchObject({ status: 200, body: {} });
    const left = records((await api(app, "GET", "queue")).body).map((r) => r.id);
    expect(left).not.toContain(ids[0]);
    expect(left).not.toContain(ids[1]);
  });
});

describe("failed downloads (src/NzbDrone.Core/Download/DownloadProcessingService.cs, FailedDownloadService.cs ProcessFailed)", () => {
  it.each([
    ["sonarr", true],
    ["radarr", false],
  ] as const)(
    "%s: RefreshMonitoredDownloads processes a failed download: one downloadFailed with the client's message, a blocklist entry, a new search, out of the queue",
    async (app, removedFromClient) => {
      const failed = records((await api(app, "GET", "queue")).body).find((r) => r.trackedDownloadState === "failedPending")!;
      const downloadId = failed.downloadId as string;
      const blocklistBefore = ((await api(app, "GET", "blocklist")).body as Json).totalRecords as number;
      const refresh = await api(app, "POST", "command", { name: "RefreshMonitoredDownloads" });
      expect(refresh.status).toBe(201);
      expect(records((await api(app, "GET", "queue")).body).map((r) => r.downloadId)).not.toContain(downloadId);
      const history = records((await api(app, "GET", `history?downloadId=${downloadId}&eventType=4`)).body);
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({ data: expect.objectContaining({ message: failed.errorMessage }) });
      const blocklist = (await api(app, "GET", "blocklist")).body as Json;
      expect(blocklist.totalRecords).toBe(blocklistBefore + 1);
      expect(records(blocklist)[0]).toMatchObject({ sourceTitle: failed.title, message: failed.errorMessage });
      // RedownloadFailedDownloadService: one episode → EpisodeSearch; Radarr → MoviesSearch for the movie.
      const search = sims.world.commands.filter((c) => c.app === app && /Search$/.test(c.name));
      expect(search.map((c) => [c.name, c.body])).toEqual([
        app === "sonarr" ? ["EpisodeSearch", { episodeIds: [failed.episodeId] }] : ["MoviesSearch", { movieIds: [failed.movieId] }],
      ]);
      // DownloadEventHub.Handle(DownloadFailedEvent): removed from SABnzbd only when the client has RemoveFailedDownloads (demo Radarr: off).
      expect(sims.world.downloads.find((d) => d.nzoId === downloadId)?.deletedFromClient ?? false).toBe(removedFromClient);
      // A second refresh finds nothing more to process.
      await api(app, "POST", "command", { name: "RefreshMonitoredDownloads" });
      expect(records((await api(app, "GET", `history?downloadId=${downloadId}&eventType=4`)).body)).toHaveLength(1);
      expect(((await api(app, "GET", "blocklist")).body as Json).totalRecords).toBe(blocklistBefore + 1);
    },
  );
});

describe("history (src/*.Api.V3/History/HistoryController.cs)", () => {
  it("Radarr numbers its events as MovieHistoryEventType does: 7 movieFolderImported, 8 movieFileRenamed, 9 downloadIgnored", async () => {
    const row = records((await api("radarr", "GET", "queue")).body)[0]!;
    await api("radarr", "DELETE", `queue/${row.id}?removeFromClient=false`);
    const ignored = records((await api("radarr", "GET", "history?eventType=9")).body);
    expect(ignored.map((r) => r.eventType)).toEqual(["downloadIgnored"]);
    expect(records((await api("radarr", "GET", "history?eventType=10")).body)).toEqual([]);
  });

  it("pages history as PagingResource/MapToPagingSpec do: sortDirection defaults to descending, unknown keys become date, ascending is oldest first", async () => {
    const plain = (await api("sonarr", "GET", "history?pageSize=50")).body as Json;
    expect(plain).toMatchObject({ sortKey: "date", sortDirection: "descending" });
    const dates = records(plain).map((r) => r.date as string);
    const up = (await api("sonarr", "GET", "history?pageSize=50&sortKey=nonsense&sortDirection=ascending")).body as Json;
    expect(up).toMatchObject({ sortKey: "date", sortDirection: "ascending" });
    expect(records(up).map((r) => r.date)).toEqual([...dates].reverse());
    // Radarr's wanted/missing: default key movieMetadata.sortTitle, and again descending when no direction is given.
    expect((await api("radarr", "GET", "wanted/missing")).body).toMatchObject({ sortKey: "movieMetadata.sortTitle", sortDirection: "descending" });
  });

  it("binds eventType as int[]: a name is a 400 model-binding error, not a filter", async () => {
    const answer = await api("sonarr", "GET", "history?eventType=downloadFailed");
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      status: 400,
      title: "One or more validation errors occurred.",
      errors: { eventType: ["The value 'downloadFailed' is not valid."] },
    });
  });

  it.each([
    ["sonarr", "EpisodeHistory"],
    ["radarr", "MovieHistory"],
  ] as const)("%s: mark failed answers {} and 404s an unknown history id", async (app, model) => {
    const grabbed = records((await api(app, "GET", "history?eventType=1")).body)[0]!;
    const marked = await api(app, "POST", `history/failed/${grabbed.id as number}`);
    expect(marked).toMatchObject({ status: 200, body: {} });
    const missing = await api(app, "POST", "history/failed/99999");
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ message: `${model} with ID 99999 does not exist` });
  });
});

describe("commands (src/*.Api.V3/Commands/CommandController.cs)", () => {
  it.each(["sonarr", "radarr"] as const)("%s: a command without a name is a validation failure", async (app) => {
    const answer = await api(app, "POST", "command", { name: "" });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual([expect.objectContaining({ propertyName: "Name", errorMessage: "'Name' must not be empty." })]);
  });
});

describe("a resource by id that does not exist (src/*.Http/REST/RestController.cs GetResourceByIdWithErrorHandler)", () => {
  it.each([
    ["sonarr", "series/9999"],
    ["sonarr", "command/9999"],
    ["radarr", "movie/9999"],
    ["radarr", "command/9999"],
  ] as const)("%s %s: NotFound() is ASP.NET's 404 problem document", async (app, path) => {
    const answer = await api(app, "GET", path);
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ type: "https://tools.ietf.org/html/rfc9110#section-15.5.5", title: "Not Found", status: 404 });
  });
});

describe("editing (SeriesController/MovieController UpdateSeries/UpdateMovie, RestController.ValidateResource)", () => {
  it.each([
    ["sonarr", "series", "Series"],
    ["radarr", "movie", "Movie"],
  ] as const)("%s: PUT needs a path, and an unknown id is the error pipeline's 404", async (app, path, model) => {
    const existing = ((await api(app, "GET", path)).body as Json[])[0]!;
    const { path: _path, ...withoutPath } = existing;
    const noPath = await api(app, "PUT", `${path}/${existing.id as number}`, withoutPath);
    expect(noPath.status).toBe(400);
    expect(noPath.body).toEqual([expect.objectContaining({ propertyName: "Path", errorMessage: "'Path' must not be empty." })]);
    const unknown = await api(app, "PUT", `${path}/9999`, { ...existing, id: 9999 });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ message: `${model} with ID 9999 does not exist` });
  });
});

describe("search commands (src/NzbDrone.Core/IndexerSearch/EpisodeSearchService.cs)", () => {
  it("MissingEpisodeSearch with a seriesId searches only that series' missing episodes", async () => {
    const office = sims.world.series.find((s) => s.meta.title === "The Office (US)")!;
    const before = sims.world.downloads.length;
    const other = sims.world.series.find((s) => s.id !== office.id)!;
    const answer = await api("sonarr", "POST", "command", { name: "MissingEpisodeSearch", seriesId: other.id });
    expect(answer.status).toBe(201);
    expect(sims.world.downloads.slice(before).filter((d) => d.mediaId === office.id)).toEqual([]);
  });
});

describe("adding (src/Sonarr.Api.V3/Series/SeriesController.cs, src/Radarr.Api.V3/Movies/MovieController.cs)", () => {
  const errorsOf = (body: unknown) => (body as { propertyName: string; errorMessage: string }[]).map((e) => `${e.propertyName}: ${e.errorMessage}`);

  it("Sonarr reports every failing rule at once (RestController.ValidateResource collects Shared and Post errors)", async () => {
    const answer = await api("sonarr", "POST", "series", { tvdbId: 0, qualityProfileId: 0 });
    expect(answer.status).toBe(400);
    expect(errorsOf(answer.body)).toEqual([
      "QualityProfileId: 'Quality Profile Id' must be greater than '0'.",
      "Path: 'Path' must not be empty.",
      "RootFolderPath: 'Root Folder Path' must not be empty.",
      "Title: 'Title' must not be empty.",
      "TvdbId: 'Tvdb Id' must be greater than '0'.",
    ]);
  });

  it("Sonarr refuses a quality profile or root folder that does not exist", async () => {
    const answer = await api("sonarr", "POST", "series", { title: "The Office (UK)", tvdbId: 78107, qualityProfileId: 99, rootFolderPath: "/nowhere" });
    expect(errorsOf(answer.body)).toEqual(["QualityProfileId: Quality Profile does not exist", "RootFolderPath: Root folder '/nowhere' does not exist"]);
  });

  it("Sonarr: an unknown TVDB id fails in AddSeriesService.AddSkyhookData", async () => {
    const answer = await api("sonarr", "POST", "series", { title: "Nothing", tvdbId: 1, qualityProfileId: 4, rootFolderPath: "/tv" });
    expect(answer.status).toBe(400);
    expect(errorsOf(answer.body)).toEqual(["TvdbId: A series with this ID was not found. Path: "]);
  });

  it("Sonarr: searchForMissingEpisodes alone queues MissingEpisodeSearch for the series (SeriesScannedHandler)", async () => {
    const answer = await api("sonarr", "POST", "series", {
      title: "The Office (UK)",
      tvdbId: 78107,
      qualityProfileId: 4,
      rootFolderPath: "/tv",
      addOptions: { searchForMissingEpisodes: true },
    });
    expect(answer.status).toBe(201);
    const id = (answer.body as Json).id;
    expect(sims.world.commands.filter((c) => c.app === "sonarr").map((c) => [c.name, c.body])).toEqual([["MissingEpisodeSearch", { seriesId: id }]]);
  });

  it("Radarr: tmdbId must not be empty, title is needed only without one; an unknown TMDb id is a 400", async () => {
    const empty = await api("radarr", "POST", "movie", { qualityProfileId: 4, rootFolderPath: "/movies" });
    expect(errorsOf(empty.body)).toEqual(["Title: 'Title' must not be empty.", "TmdbId: 'Tmdb Id' must not be empty."]);
    const unknown = await api("radarr", "POST", "movie", { tmdbId: 1, qualityProfileId: 4, rootFolderPath: "/movies" });
    expect(unknown.status).toBe(400);
    expect(errorsOf(unknown.body)).toEqual(["TmdbId: A movie with this ID was not found. Path: "]);
  });
});

describe("lookups (src/Radarr.Api.V3/Movies/MovieLookupController.cs)", () => {
  it("an unknown TMDb or IMDb id is SkyHook's MovieNotFoundException: a 500 with its message", async () => {
    const tmdb = await api("radarr", "GET", "movie/lookup/tmdb?tmdbId=1");
    expect(tmdb.status).toBe(500);
    expect(tmdb.body).toMatchObject({ message: "Movie with tmdbId 1 was not found, it may have been removed from TMDb." });
    const imdb = await api("radarr", "GET", "movie/lookup/imdb?imdbId=tt0000001");
    expect(imdb.status).toBe(500);
    expect(imdb.body).toMatchObject({ message: "Movie with IMDBId tt0000001 was not found, it may have been removed from TMDb." });
  });
});

describe("the connector's client reads the real error shapes (connector/src/apps/arr/arr.api.ts)", () => {
  it("gives the field errors of ASP.NET's 400 problem document, not just 'invalid request'", async () => {
    const api = createArrApi("sonarr", { url: sims.urls.sonarr, apiKey: sims.keys.sonarr, timeoutMs: 2000 }, createLogger("test", { write: () => {} }));
    const answer = await api.call({ path: "history", query: { eventType: "downloadFailed" } });
    expect(answer.ok).toBe(false);
    expect(answer.ok ? "" : answer.failure.message).toBe("Sonarr rejected the request: eventType: The value 'downloadFailed' is not valid.");
  });

  it("gives the message of a BadRequest answer", async () => {
    const api = createArrApi("sonarr", { url: sims.urls.sonarr, apiKey: sims.keys.sonarr, timeoutMs: 2000 }, createLogger("test", { write: () => {} }));
    const answer = await api.call({ method: "DELETE", path: "queue/0" });
    expect(answer.ok ? "" : answer.failure.message).toBe("Sonarr rejected the request: BadRequest: 0 is not a valid ID");
  });
});
