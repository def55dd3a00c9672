// GET/DELETE /api/v3/queue as Sonarr's and Radarr's QueueController answer them.
// Sources read: Sonarr main 4ff1b780 (v4.0.19.2979), Radarr develop 1b9662d5 (v6.0.3.10276+6); see ../SOURCES.md.
import { completeDir } from "../seed.js";
import type { SimResponse } from "../sim-server.js";
import type { ArrApp, Download, World } from "../world.js";
import { badRequest, boolParam, emptyObject, emptyOk, notFound, okJson } from "./arr-errors.js";
import { queueIdOf } from "./arr-queue-id.js";
import { episodeResource, movieResource, queueResource, seriesResource, timeleftSeconds } from "./arr-resources.js";

/** Sonarr: src/Sonarr.Api.V3/Queue/QueueController.cs (GetQueue); Radarr: src/Radarr.Api.V3/Queue/QueueController.cs (GetQueue). */
const SORT_KEYS: Record<ArrApp, string[]> = {
  sonarr: [
    "added",
    "downloadClient",
    "episode",
    "episode.airDateUtc",
    "episode.title",
    "episodes.airDateUtc",
    "episodes.title",
    "estimatedCompletionTime",
    "indexer",
    "language",
    "languages",
    "progress",
    "protocol",
    "quality",
    "series.sortTitle",
    "size",
    "status",
    "timeleft",
    "title",
  ],
  radarr: [
    "added",
    "downloadClient",
    "estimatedCompletionTime",
    "indexer",
    "languages",
    "movies.sortTitle",
    "progress",
    "protocol",
    "quality",
    "size",
    "status",
    "timeleft",
    "title",
    "year",
  ],
};

interface Row {
  download: Download;
  episodeId?: number;
  id: number;
  timeleft?: number;
}

export interface QueueOptions {
  /** Downloads the app tracks (not imported, failed-and-processed, ignored or gone from the client). */
  visible: () => Download[];
  incompleteDir: () => string;
  /** What removing a tracked download does: Remove(trackedDownload, removeFromClient, blocklist, skipRedownload, changeCategory). */
  remove: (download: Download, flags: { removeFromClient: boolean; blocklist: boolean; skipRedownload: boolean }) => void;
}

/** TimeleftComparer (src/NzbDrone.Core/Queue/TimeleftComparer.cs): an unknown time left sorts after every known one. */
const byTimeleft = (a: Row, b: Row) =>
  a.timeleft === undefined ? (b.timeleft === undefined ? 0 : 1) : b.timeleft === undefined ? -1 : a.timeleft - b.timeleft;
const progress = (d: Download) => (d.sizeBytes === 0 ? 0 : 100 - (d.leftBytes / d.sizeBytes) * 100);

export function arrQueue(app: ArrApp, world: World, options: QueueOptions) {
  const rows = (): Row[] =>
    options.visible().flatMap((download) => {
      const timeleft = timeleftSeconds(world, download);
      // Sonarr's QueueService.MapQueue: one record per episode; Radarr's MapMovie: one per download.
      const episodes = app === "sonarr" && download.episodeIds.length > 0 ? download.episodeIds : [undefined];
      return episodes.map((episodeId) => ({ download, id: queueIdOf(download, episodeId ?? 0), timeleft, ...(episodeId === undefined ? {} : { episodeId }) }));
    });
  const find = (id: number) => rows().find((r) => r.id === id);

  const list = (query: URLSearchParams): SimResponse => {
    // Sonarr/Radarr src/*.Http/PagingResource.cs: page 1 and pageSize 10 by default; a missing sortDirection becomes
    // Descending before MapToPagingSpec could apply the controller's default; a sort key not in the allowed set becomes "timeleft".
    const page = Number(query.get("page") ?? 1) || 1;
    const pageSize = Number(query.get("pageSize") ?? 10) || 10;
    const requestedKey = query.get("sortKey");
    const sortKey = requestedKey !== null && SORT_KEYS[app].some((k) => k.toLowerCase() === requestedKey.toLowerCase()) ? requestedKey : "timeleft";
    const direction = (query.get("sortDirection") ?? "descending").toLowerCase();
    const sortDirection = direction === "default" ? "ascending" : direction === "ascending" ? "ascending" : "descending";
    const compare = comparer(sortKey);
    const sign = sortDirection === "ascending" ? 1 : -1;
    // GetQueue's [FromQuery] int[] seriesIds (Sonarr) / movieIds (Radarr) keep only those items' records.
    const mediaIds = query
      .getAll(app === "sonarr" ? "seriesIds" : "movieIds")
      .flatMap((v) => v.split(","))
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 0);
    // ordered.ThenByDescending(q => progress)
    const ordered = rows()
      .filter((r) => mediaIds.length === 0 || mediaIds.includes(r.download.mediaId))
      .sort((a, b) => sign * compare(a, b) || progress(b.download) - progress(a.download));
    const slice = (p: number) => ordered.slice((p - 1) * pageSize, p * pageSize);
    let effectivePage = page;
    let records = slice(page);
    if (records.length === 0 && page > 1) {
      // GetQueue: Page = (int)Math.Max(Math.Ceiling((decimal)(TotalRecords / PageSize)), 1) — the division is integer division.
      effectivePage = Math.max(Math.floor(ordered.length / pageSize), 1);
      records = slice(effectivePage);
    }
    const embed = {
      series: boolParam(query, "includeSeries", false),
      episode: boolParam(query, "includeEpisode", false),
      movie: boolParam(query, "includeMovie", false),
    };
    return okJson({
      page: effectivePage,
      pageSize,
      sortKey,
      sortDirection,
      totalRecords: ordered.length,
      records: records.map((r) => ({
        ...queueResource(world, r.download, completeDir(world), options.incompleteDir(), r.id, r.episodeId),
        ...embedded(r, embed),
      })),
    });
  };

  /** QueueResource.ToResource: Series/Episode (Sonarr) or Movie (Radarr) only when includeSeries/includeEpisode/includeMovie is true. */
  const embedded = (row: Row, embed: { series: boolean; episode: boolean; movie: boolean }) => {
    if (app === "radarr") {
      const movie = world.movies.find((m) => m.id === row.download.mediaId);
      return embed.movie && movie ? { movie: movieResource(world, movie.meta, movie) } : {};
    }
    const series = world.series.find((s) => s.id === row.download.mediaId);
    if (!series) return {};
    return {
      ...(embed.series ? { series: seriesResource(world, series.meta, series) } : {}),
      ...(embed.episode && row.episodeId !== undefined ? { episode: episodeResource(world, series, row.episodeId, false) } : {}),
    };
  };

  const flags = (query: URLSearchParams) => ({
    removeFromClient: boolParam(query, "removeFromClient", true),
    blocklist: boolParam(query, "blocklist", false),
    skipRedownload: boolParam(query, "skipRedownload", false),
  });

  /** RemoveAction: RestController.ValidateId refuses id <= 0; an id with no tracked download is NotFoundException (404). */
  const removeOne = (id: number, query: URLSearchParams): SimResponse => {
    if (id <= 0) return badRequest(`${id} is not a valid ID`);
    const row = find(id);
    if (!row) return notFound();
    options.remove(row.download, flags(query));
    return emptyOk();
  };

  /**
   * RemoveMany (DELETE /queue/bulk, body {ids}): GetTrackedDownload throws NotFoundException for any unknown id while the
   * ids are still being collected, so nothing is removed then; otherwise each download is removed once and `{}` answers.
   */
  const removeMany = (body: Record<string, unknown>, query: URLSearchParams): SimResponse => {
    const ids = Array.isArray(body.ids) ? body.ids.filter((v): v is number => typeof v === "number") : [];
    const found: Download[] = [];
    for (const id of ids) {
      const row = find(id);
      if (!row) return notFound();
      if (!found.includes(row.download)) found.push(row.download);
    }
    for (const download of found) options.remove(download, flags(query));
    return emptyObject();
  };

  /**
   * GET /queue/status: Sonarr src/Sonarr.Api.V3/Queue/QueueStatusController.cs (GetQueueStatus; Radarr's is the same
   * with Movie): totalCount = queue + pending releases, count = items with a series/movie + pending, unknownCount = items
   * without, errors/warnings = any known item whose TrackedDownloadStatus is Error/Warning, unknownErrors/unknownWarnings
   * the same for unknown items. The queue it counts is QueueService.GetQueue: one item per episode for Sonarr, like the
   * list. Every simulated download has its series or movie and there are no pending releases, so the unknown parts are
   * zero and false. RestResource (src/Sonarr.Http/REST/RestResource.cs) does not write a default Id (WhenWritingDefault).
   */
  const status = (): SimResponse => {
    const statuses = rows().map((r) => queueResource(world, r.download, completeDir(world), options.incompleteDir(), r.id, r.episodeId).trackedDownloadStatus);
    return okJson({
      totalCount: statuses.length,
      count: statuses.length,
      unknownCount: 0,
      errors: statuses.includes("error"),
      warnings: statuses.includes("warning"),
      unknownErrors: false,
      unknownWarnings: false,
    });
  };

  return { list, status, removeOne, removeMany };
}

function comparer(sortKey: string): (a: Row, b: Row) => number {
  switch (sortKey) {
    case "added":
      return (a, b) => a.download.added - b.download.added;
    case "title":
      return (a, b) => (a.download.title < b.download.title ? -1 : a.download.title > b.download.title ? 1 : 0);
    case "size":
      return (a, b) => a.download.sizeBytes - b.download.sizeBytes;
    case "progress":
      return (a, b) => progress(a.download) - progress(b.download);
    // QueueController.GetOrderByFunc falls back to TimeLeft for every other key this simulator has no data for.
    default:
      return byTimeleft;
  }
}
