// Sonarr / Radarr simulator: the Servarr API v3 endpoints the connector uses, with X-Api-Key auth.
// Behaviour follows the apps' source: Sonarr main 4ff1b780 (v4.0.19.2979), Radarr develop 1b9662d5 (v6.0.3.10276+6);
// ../SOURCES.md lists which file each behaviour comes from.
import { rootFolders } from "../seed.js";
import type { SimApp, SimRequest, SimResponse } from "../sim-server.js";
import {
  arrDownloadClientConfig,
  arrHealth,
  arrHostConfig,
  arrIndexers,
  arrSabnzbdClient,
  radarrMediaManagement,
  radarrNaming,
  sonarrMediaManagement,
  sonarrNaming,
} from "../profiles.js";
import { QUALITIES, type ArrApp, type Download, type World } from "../world.js";
import {
  bindingFailure,
  emptyObject,
  modelNotFound,
  notFound,
  resourceNotFound,
  okJson,
  paged,
  emptyOk,
  unauthorized,
  validationFailure,
  created,
} from "./arr-errors.js";
import { radarrMedia, sonarrMedia, type MediaHandlers } from "./arr-media.js";
import { sonarrEpisodes } from "./arr-episodes.js";
import { indexerFailureHealth } from "./arr-indexer-health.js";
import { arrQueue } from "./arr-queue.js";
import { arrReleases } from "./arr-releases.js";
import { blocklistResource, commandResource, failedInClient, historyResource, iso, movieResource } from "./arr-resources.js";
import { qualityProfiles, systemStatus } from "./arr-static.js";

type Body = Record<string, unknown>;
const CONFIG_RESOURCES = ["host", "mediamanagement", "naming", "downloadclient"] as const;
type ConfigName = (typeof CONFIG_RESOURCES)[number];
/**
 * The numbers GET /history?eventType= filters on. Sonarr: src/NzbDrone.Core/History/EpisodeHistory.cs (EpisodeHistoryEventType);
 * Radarr: src/NzbDrone.Core/History/History.cs (MovieHistoryEventType; 2 and 5 are retired).
 */
const EVENT_TYPES: Record<ArrApp, Record<string, string>> = {
  sonarr: {
    "1": "grabbed",
    "2": "seriesFolderImported",
    "3": "downloadFolderImported",
    "4": "downloadFailed",
    "5": "episodeFileDeleted",
    "6": "episodeFileRenamed",
    "7": "downloadIgnored",
  },
  radarr: {
    "1": "grabbed",
    "3": "downloadFolderImported",
    "4": "downloadFailed",
    "6": "movieFileDeleted",
    "7": "movieFolderImported",
    "8": "movieFileRenamed",
    "9": "downloadIgnored",
  },
};
const HISTORY_MODEL: Record<ArrApp, string> = { sonarr: "EpisodeHistory", radarr: "MovieHistory" };
const HISTORY_SORT_KEYS: Record<ArrApp, string[]> = {
  sonarr: ["date", "series.sortTitle"],
  radarr: ["date", "languages", "movieMetadata.sortTitle", "quality"],
};
const BLOCKLIST_SORT_KEYS: Record<ArrApp, string[]> = {
  sonarr: ["date", "indexer", "series.sortTitle", "sourceTitle"],
  radarr: ["date", "indexer", "languages", "movieMetadata.sortTitle", "quality", "sourceTitle"],
};

export function createArrSim(app: ArrApp, world: World): SimApp {
  const appName = app === "sonarr" ? "Sonarr" : "Radarr";
  const apiKey = world.keys[app];
  const media: MediaHandlers = app === "sonarr" ? sonarrMedia(world) : radarrMedia(world);
  const mediaPath = app === "sonarr" ? "series" : "movie";
  const episodes = sonarrEpisodes(world);
  const releases = arrReleases(app, world);
  let config: Record<ConfigName, Body> = {} as Record<ConfigName, Body>;
  world.onReset(() => {
    config = {
      host: arrHostConfig(appName, world.profile, apiKey, world.ports[app]),
      mediamanagement: app === "sonarr" ? sonarrMediaManagement(world.profile) : radarrMediaManagement(world.profile),
      naming: app === "sonarr" ? sonarrNaming(world.profile) : radarrNaming(world.profile),
      downloadclient: arrDownloadClientConfig(appName),
    };
  });

  const visibleDownloads = () => world.downloads.filter((d) => d.app === app && d.state !== "imported" && !d.ignoredByArr && !d.deletedFromClient);
  const incomplete = () => (world.profile === "well-configured" ? "/data/usenet/incomplete" : "/downloads/incomplete");

  const startCommand = (name: string, body: Body) => {
    const command = { id: world.next("command"), app, name, body, queued: Date.now() };
    world.commands.push(command);
    if (name.toLowerCase() === "refreshmonitoreddownloads") processFailedDownloads();
    media.search(name, body);
    return command;
  };

  const grabbed = (download: Download) => world.history.some((h) => h.app === app && h.downloadId === download.nzoId && h.eventType === "grabbed");
  /** One history event per episode (HistoryService.Handle(DownloadFailedEvent / DownloadIgnoredEvent) loops over EpisodeIds). */
  const perEpisode = (download: Download, eventType: string, message: string) => {
    for (const episodeId of app === "sonarr" && download.episodeIds.length > 0 ? download.episodeIds : [undefined]) {
      world.addHistory({
        app,
        eventType,
        date: Date.now(),
        sourceTitle: download.title,
        downloadId: download.nzoId,
        mediaId: download.mediaId,
        ...(episodeId ? { episodeId } : {}),
        quality: download.quality,
        data: {
          downloadClient: "SABnzbd",
          downloadClientName: "SABnzbd",
          message,
          releaseGroup: download.title.split("-").pop() ?? "",
          size: String(download.sizeBytes),
        },
      });
    }
  };

  /**
   * FailedDownloadService.MarkAsFailed(trackedDownload): only a download with grabbed history publishes DownloadFailedEvent,
   * whose handlers record downloadFailed, blocklist the release and (RedownloadFailedDownloadService) search again.
   */
  const markFailed = (download: Download, skipRedownload: boolean) => {
    if (!grabbed(download)) return;
    perEpisode(download, "downloadFailed", "Manually marked as failed");
    blocklistAndRedownload(download, "Manually marked as failed", skipRedownload);
  };

  /** The other DownloadFailedEvent handlers: BlocklistService (message = the event's message) and RedownloadFailedDownloadService. */
  const blocklistAndRedownload = (download: Download, message: string, skipRedownload: boolean) => {
    world.blocklist.push({
      id: world.next("blocklist"),
      app,
      mediaId: download.mediaId,
      episodeIds: download.episodeIds,
      sourceTitle: download.title,
      quality: download.quality,
      date: Date.now(),
      indexer: download.indexer,
      message,
    });
    if (!skipRedownload && config.downloadclient.autoRedownloadFailed === true) {
      const search = media.redownload(download.mediaId, download.episodeIds);
      startCommand(search.name, search.body);
    }
  };

  const queue = arrQueue(app, world, {
    visible: visibleDownloads,
    incompleteDir: incomplete,
    // Sonarr/Radarr QueueController.Remove(trackedDownload, ...), then StopTracking: the download leaves the queue.
    remove: (download, { removeFromClient, blocklist, skipRedownload }) => {
      if (removeFromClient) download.deletedFromClient = true;
      if (blocklist) markFailed(download, skipRedownload);
      // IgnoredDownloadService.IgnoreDownload: removing neither from the client nor by blocklisting records downloadIgnored.
      if (!removeFromClient && !blocklist) perEpisode(download, "downloadIgnored", "Manually ignored");
      download.ignoredByArr = true;
      world.touchHistory();
    },
  });

  /**
   * RefreshMonitoredDownloads (src/NzbDrone.Core/Download/TrackedDownloads/DownloadMonitoringService.cs, Refresh) pushes
   * ProcessMonitoredDownloads (DownloadProcessingService.cs, Execute): FailedDownloadService.ProcessFailed turns each grabbed
   * failedPending download into Failed and publishes DownloadFailedEvent with the client's message ("Failed download
   * detected" without one) — history, blocklist (BlocklistService), a new search (RedownloadFailedDownloadService) and, if
   * the client has RemoveFailedDownloads, removal from SABnzbd (DownloadEventHub). A Failed download is no longer
   * trackable (DownloadIsTrackable), so it leaves the queue. The real apps run this every minute.
   */
  const processFailedDownloads = () => {
    const removeFailed = arrSabnzbdClient(appName, world.profile, world.ports.sabnzbd).removeFailedDownloads;
    for (const download of visibleDownloads().filter((d) => failedInClient(d) && grabbed(d))) {
      const message = download.failMessage || "Failed download detected";
      // world.failDownload already wrote this download's downloadFailed event when SABnzbd failed it.
      const recorded = world.history.some((h) => h.app === app && h.downloadId === download.nzoId && h.eventType === "downloadFailed");
      if (!recorded) perEpisode(download, "downloadFailed", message);
      blocklistAndRedownload(download, message, false);
      if (removeFailed) download.deletedFromClient = true;
      download.ignoredByArr = true;
      world.touchHistory();
    }
  };

  const route = (request: SimRequest, path: string): SimResponse => {
    const { method, query } = request;
    const body = (request.body ?? {}) as Body;
    const segments = path.split("/").filter(Boolean);
    const [head, second, third] = segments;
    const id = Number(second);

    if (method === "GET" && path === "system/status") return okJson(systemStatus(app, world));
    if (method === "GET" && path === "health") {
      return okJson(
        [...arrHealth(appName, world.profile), ...indexerFailureHealth(app, world)].map((h, index) => ({
          id: index + 1,
          source: h.source,
          type: h.type,
          message: h.message,
          wikiUrl: app === "sonarr" ? httpUri(h.wiki) : h.wiki,
        })),
      );
    }
    if (app === "radarr" && head === "movie" && second === "editor" && !third && method === "PUT") return movieEditor(body);
    if (app === "sonarr" && head === "episode") {
      if (method === "GET" && segments.length === 1) return episodes.list(query);
      if (method === "PUT" && second === "monitor" && !third) return episodes.monitor(body);
      if (method === "GET" && Number.isInteger(id) && !third) return episodes.get(id);
      if (method === "PUT" && Number.isInteger(id) && !third) return episodes.put(id, body);
    }
    if (app === "sonarr" && head === "episodefile" && method === "GET" && Number.isInteger(id) && !third) return episodes.file(id);
    if (head === "release" && method === "GET" && segments.length === 1) return releases.list(query);
    if (head === mediaPath) {
      if (method === "GET" && segments.length === 1) return media.list(query);
      if (method === "POST" && segments.length === 1) return media.add(body);
      if (method === "GET" && second === "lookup" && !third) return media.lookup(query.get("term") ?? "");
      if (method === "GET" && second === "lookup" && (third === "tmdb" || third === "imdb") && media.lookupById) {
        return media.lookupById(third, query.get(third === "tmdb" ? "tmdbId" : "imdbId") ?? "");
      }
      if (method === "GET" && Number.isInteger(id)) return media.get(id);
      if (method === "PUT" && Number.isInteger(id) && !third) return media.update(id, body);
    }
    if (head === "queue") {
      if (method === "GET" && segments.length === 1) return queue.list(query);
      if (method === "GET" && second === "status" && !third) return queue.status();
      if (method === "DELETE" && second === "bulk" && !third) return queue.removeMany(body, query);
      if (method === "DELETE" && Number.isInteger(id) && !third) return queue.removeOne(id, query);
    }
    if (head === "history") {
      if (method === "GET" && second === (app === "sonarr" ? "series" : "movie") && !third) return mediaHistory(query);
      if (method === "GET" && segments.length === 1) {
        // HistoryController.GetHistory binds [FromQuery(Name = "eventType")] int[]: a name does not bind.
        const unbound = query.getAll("eventType").find((t) => !/^-?\d+$/.test(t.trim()));
        if (unbound !== undefined) return bindingFailure("eventType", unbound);
        const types = query.getAll("eventType").map((t) => EVENT_TYPES[app][String(Number(t))] ?? "unknown");
        const downloadId = query.get("downloadId");
        const rows = world.history
          .filter((h) => h.app === app && (types.length === 0 || types.includes(h.eventType)) && (!downloadId || h.downloadId === downloadId))
          .sort((a, b) => b.date - a.date)
          .map(historyResource);
        // HistoryController.GetHistory: sort keys and default (date, descending).
        return okJson(paged(query, rows, { sortKey: "date", order: "descending", allowedKeys: HISTORY_SORT_KEYS[app], defaultDirection: "descending" }));
      }
      if (method === "POST" && second === "failed" && Number.isInteger(Number(third))) {
        // HistoryController.MarkAsFailed → FailedDownloadService.MarkAsFailed(historyId): _historyService.Get throws
        // ModelNotFoundException for an unknown id; the controller answers `new { }`. It does not pass skipRedownload on.
        const event = world.history.find((h) => h.app === app && h.id === Number(third));
        if (!event) return modelNotFound(HISTORY_MODEL[app], Number(third));
        const download = world.downloads.find((d) => d.nzoId === event.downloadId);
        if (download) {
          download.ignoredByArr = true;
          markFailed(download, false);
        }
        return emptyObject();
      }
    }
    if (head === "wanted" && method === "GET" && (second === "missing" || second === "cutoff")) return media.wanted(second, query);
    if (head === "blocklist" && method === "DELETE" && Number.isInteger(id) && !third) {
      // BlocklistController.DeleteBlocklist → BlocklistService.Delete(id): a void action (200, empty), unknown ids included.
      world.blocklist = world.blocklist.filter((b) => !(b.app === app && b.id === id));
      return emptyOk();
    }
    if (app === "radarr" && head === "blocklist" && second === "movie" && !third && method === "GET") {
      // Radarr BlocklistController.GetMovieBlocklist(movieId): every entry of the movie, not paged.
      const movieId = Number(query.get("movieId") ?? 0);
      return okJson(world.blocklist.filter((b) => b.app === "radarr" && b.mediaId === movieId).map(blocklistResource));
    }
    if (head === "blocklist" && method === "GET" && segments.length === 1) {
      // Sonarr GetBlocklist(..., [FromQuery] int[] seriesIds, ...); Radarr GetBlocklist(..., [FromQuery] int[] movieIds, ...).
      const mediaIds = idList(query, app === "sonarr" ? "seriesIds" : "movieIds");
      const rows = world.blocklist
        .filter((b) => b.app === app && (mediaIds.length === 0 || mediaIds.includes(b.mediaId)))
        .sort((a, b) => b.date - a.date)
        .map(blocklistResource);
      // BlocklistController.GetBlocklist: sort keys and default (date, descending).
      return okJson(paged(query, rows, { sortKey: "date", order: "descending", allowedKeys: BLOCKLIST_SORT_KEYS[app], defaultDirection: "descending" }));
    }
    if (head === "command") {
      if (method === "POST" && segments.length === 1) {
        const name = typeof body.name === "string" ? body.name : "";
        // CommandController: PostValidator.RuleFor(c => c.Name).NotBlank(); then KnownTypes...Single(...) throws for an unknown name.
        if (name.trim() === "") return validationFailure("Name", "'Name' must not be empty.", body.name ?? null, "NotEmptyValidator");
        if (!KNOWN_COMMANDS[app].some((known) => known.toLowerCase() === name.toLowerCase()))
          return { status: 500, json: { message: "Sequence contains no matching element" } };
        const { name: _name, ...rest } = body;
        const command = startCommand(name, rest);
        return created(commandResource(command), `/api/v3/command/${command.id}`);
      }
      if (method === "GET" && segments.length === 1) return okJson(world.commands.filter((c) => c.app === app).map(commandResource));
      if (method === "GET" && Number.isInteger(id)) {
        const command = world.commands.find((c) => c.app === app && c.id === id);
        if (!command) return resourceNotFound();
        const response = commandResource(command);
        // Commands complete quickly in the simulator: the first poll sees "queued", the next "completed".
        command.completedAt ??= Date.now();
        return okJson(response);
      }
    }
    if (method === "GET" && path === "qualityprofile") return okJson(qualityProfiles(app));
    if (method === "GET" && path === "rootfolder") {
      const folder = app === "sonarr" ? rootFolders(world).tv : rootFolders(world).movies;
      return okJson([{ id: 1, path: folder, accessible: true, freeSpace: 1_288_490_188_800, unmappedFolders: [] }]);
    }
    if (method === "GET" && path === "downloadclient") return okJson([arrSabnzbdClient(appName, world.profile, world.ports.sabnzbd)]);
    if (method === "GET" && path === "indexer") return okJson(arrIndexers(appName, world.profile));
    if (head === "config" && (CONFIG_RESOURCES as readonly string[]).includes(second ?? "")) {
      const name = second as ConfigName;
      if (method === "GET") return okJson(config[name]);
      if (method === "PUT" && third !== undefined) return updateConfig(name, body);
    }
    return notFound();
  };

  /**
   * Sonarr HistoryController.GetSeriesHistory(seriesId, seasonNumber, eventType) and Radarr GetMovieHistory(movieId,
   * eventType): every record of the item, newest first, as a plain list (no paging; Sonarr takes no episodeId here).
   * The series/movie must exist (SeriesService.GetSeries throws ModelNotFoundException); Radarr does not look it up.
   */
  const mediaHistory = (query: URLSearchParams): SimResponse => {
    const mediaId = Number(query.get(app === "sonarr" ? "seriesId" : "movieId") ?? 0);
    if (app === "sonarr" && !world.series.some((s) => s.id === mediaId)) return modelNotFound("Series", mediaId);
    const season = app === "sonarr" ? query.get("seasonNumber") : null;
    const eventParam = query.get("eventType");
    // EpisodeHistoryEventType? / MovieHistoryEventType? bind from the enum's number or its name.
    const eventType = eventParam === null ? undefined : (EVENT_TYPES[app][String(Number(eventParam))] ?? eventParam);
    if (eventType !== undefined && !Object.values(EVENT_TYPES[app]).some((t) => t.toLowerCase() === eventType.toLowerCase()))
      return bindingFailure("eventType", eventParam ?? "");
    const rows = world.history
      .filter(
        (h) =>
          h.app === app &&
          h.mediaId === mediaId &&
          (season === null || (h.episodeId !== undefined && Math.floor((h.episodeId % 10_000) / 100) === Number(season))) &&
          (eventType === undefined || h.eventType.toLowerCase() === eventType.toLowerCase()),
      )
      .sort((a, b) => b.date - a.date)
      .map(historyResource);
    return okJson(rows);
  };

  /** Radarr MovieEditorController.SaveAll (PUT /movie/editor): monitored / qualityProfileId / minimumAvailability; 202 with the movies. */
  const movieEditor = (body: Body): SimResponse => {
    const ids = Array.isArray(body.movieIds) ? body.movieIds.filter((v): v is number => Number.isInteger(v)) : [];
    const movies = world.movies.filter((m) => ids.includes(m.id));
    for (const movie of movies) {
      if (typeof body.monitored === "boolean") movie.monitored = body.monitored;
      if (typeof body.qualityProfileId === "number") movie.qualityProfileId = body.qualityProfileId;
      if (typeof body.minimumAvailability === "string") movie.minimumAvailability = body.minimumAvailability;
    }
    return { status: 202, json: movies.map((m) => movieResource(world, m.meta, m)) };
  };

  const updateConfig = (name: ConfigName, body: Body): SimResponse => {
    const current = config[name];
    const next: Body = { ...current };
    for (const [key, value] of Object.entries(body)) {
      if (!Object.hasOwn(current, key) || key === "id") continue;
      if (value === "********") continue;
      if (typeof current[key] !== typeof value && current[key] !== undefined && value !== null) {
        return validationFailure(key.charAt(0).toUpperCase() + key.slice(1), `'${key}' has an invalid value.`, value, "PredicateValidator");
      }
      next[key] = value;
    }
    if (name === "host" && (next.authenticationMethod === "forms" || next.authenticationMethod === "basic") && !next.username) {
      return validationFailure("Username", "'Username' must not be empty.", next.username ?? "", "NotEmptyValidator");
    }
    if (name === "host" && next.apiKey !== current.apiKey)
      return validationFailure("ApiKey", "'Api Key' must be at least 20 characters long.", next.apiKey, "MinimumLengthValidator");
    config[name] = next;
    return { status: 202, json: next };
  };

  return {
    name: app,
    faultResponse: (status) => (status === 401 ? unauthorized() : { status, json: { message: `Simulated HTTP ${status}` } }),
    handle: (request) => {
      if (!request.path.startsWith("/api/v3/")) return notFound();
      const key = request.headers["x-api-key"] ?? request.query.get("apikey");
      if (key !== apiKey) return unauthorized();
      return route(request, request.path.slice("/api/v3/".length).replace(/\/$/, ""));
    },
  };
}

/** An int[] query parameter, repeated or comma-separated. */
const idList = (query: URLSearchParams, name: string) =>
  query
    .getAll(name)
    .flatMap((v) => v.split(","))
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);

const KNOWN_COMMANDS: Record<ArrApp, string[]> = {
  sonarr: [
    "EpisodeSearch",
    "SeasonSearch",
    "SeriesSearch",
    "RefreshSeries",
    "MissingEpisodeSearch",
    "CutoffUnmetEpisodeSearch",
    "RefreshMonitoredDownloads",
    "DownloadedEpisodesScan",
    "RssSync",
  ],
  radarr: ["MoviesSearch", "RefreshMovie", "MissingMoviesSearch", "RefreshMonitoredDownloads", "DownloadedMoviesScan", "RssSync"],
};

/** Sonarr's OpenAPI document types wikiUrl as an HttpUri object. */
function httpUri(url: string) {
  const parsed = new URL(url);
  return {
    fullUri: url,
    scheme: parsed.protocol.replace(":", ""),
    host: parsed.hostname,
    port: 443,
    path: parsed.pathname,
    fragment: parsed.hash.replace("#", ""),
  };
}

export { iso, QUALITIES };
