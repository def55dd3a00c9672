// Builds Servarr API v3 resources (exact field names from the OpenAPI documents) from the world's state.
import { movieImages } from "../data/movies.js";
import { seriesImages, type SeriesMeta } from "../data/series.js";
import type { MovieMeta } from "../data/movies.js";
import { episodesOf } from "../seed.js";
import {
  releaseGroup,
  type ArrApp,
  type BlocklistEntry,
  type CommandEntry,
  type Download,
  type HistoryEvent,
  type MovieEntry,
  type QualityRef,
  type SeriesEntry,
  type World,
} from "../world.js";

/** Servarr dates: UTC, no fraction. */
export const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
const ENGLISH = { id: 1, name: "English" };
const slug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
const cleanTitle = (title: string) => title.toLowerCase().replace(/[^a-z0-9]/g, "");
const sortTitle = (title: string) => title.toLowerCase().replace(/^(the|a|an) /, "");

export function qualityModel(app: ArrApp, quality: QualityRef) {
  const q =
    app === "sonarr"
      ? { id: quality.id, name: quality.name, source: quality.source, resolution: quality.resolution }
      : { id: quality.id, name: quality.name, source: radarrSource(quality.source), resolution: quality.resolution, modifier: "none" };
  return { quality: q, revision: { version: 1, real: 0, isRepack: false } };
}
const radarrSource = (source: string) => (source === "television" ? "tv" : source === "web" ? "webdl" : source === "webRip" ? "webrip" : source);

function seasonStats(world: World, series: SeriesEntry) {
  const episodes = episodesOf(series).filter((e) => e.airDate < Date.now());
  return series.meta.seasons.map((count, index) => {
    const season = index + 1;
    const aired = episodes.filter((e) => e.season === season);
    const files = aired.filter((e) => series.files.has(e.id)).length;
    return {
      seasonNumber: season,
      monitored: !series.unmonitoredSeasons.has(season),
      statistics: {
        episodeFileCount: files,
        episodeCount: aired.length,
        totalEpisodeCount: count,
        sizeOnDisk: files * series.meta.runtime * 33 * 1024 * 1024,
        releaseGroups: files ? ["NTb"] : [],
        percentOfEpisodes: aired.length ? Math.round((files / aired.length) * 1000) / 10 : 0,
      },
    };
  });
}

export function seriesResource(world: World, meta: SeriesMeta, entry?: SeriesEntry) {
  const images = seriesImages(meta.tvdbId).map((image) => ({ ...image, url: entry ? `/MediaCover/${entry.id}/${image.coverType}.jpg` : image.remoteUrl }));
  const base = {
    title: meta.title,
    alternateTitles: [],
    sortTitle: sortTitle(meta.title),
    status: meta.status,
    ended: meta.status === "ended",
    overview: meta.overview,
    network: meta.network,
    airTime: "21:00",
    images,
    originalLanguage: ENGLISH,
    remotePoster: seriesImages(meta.tvdbId)[1].remoteUrl,
    year: meta.year,
    seasonFolder: true,
    monitorNewItems: "all",
    useSceneNumbering: false,
    runtime: meta.runtime,
    tvdbId: meta.tvdbId,
    tvRageId: 0,
    tvMazeId: 0,
    tmdbId: 0,
    firstAired: iso(Date.UTC(meta.year, 0, 10)),
    seriesType: "standard",
    cleanTitle: cleanTitle(meta.title),
    imdbId: meta.imdbId,
    titleSlug: slug(meta.title),
    folder: meta.title.replace(/[:()]/g, "").trim(),
    certification: meta.certification,
    genres: meta.genres,
    tags: [] as number[],
    ratings: { votes: 20_000, value: 8.6 },
  };
  if (!entry) {
    return {
      ...base,
      seasons: meta.seasons.map((_, i) => ({ seasonNumber: i + 1, monitored: false })),
      monitored: false,
      qualityProfileId: 0,
      added: "0001-01-01T00:00:00Z",
      statistics: {
        seasonCount: meta.seasons.length,
        episodeFileCount: 0,
        episodeCount: 0,
        totalEpisodeCount: 0,
        sizeOnDisk: 0,
        releaseGroups: [],
        percentOfEpisodes: 0,
      },
    };
  }
  const seasons = seasonStats(world, entry);
  const sum = (key: "episodeFileCount" | "episodeCount" | "totalEpisodeCount" | "sizeOnDisk") => seasons.reduce((n, s) => n + s.statistics[key], 0);
  return {
    ...base,
    id: entry.id,
    seasons,
    path: entry.path,
    qualityProfileId: entry.qualityProfileId,
    seasonFolder: entry.seasonFolder,
    monitored: entry.monitored,
    seriesType: entry.seriesType,
    rootFolderPath: entry.path.slice(0, entry.path.lastIndexOf("/")),
    added: iso(entry.added),
    statistics: {
      seasonCount: seasons.length,
      episodeFileCount: sum("episodeFileCount"),
      episodeCount: sum("episodeCount"),
      totalEpisodeCount: sum("totalEpisodeCount"),
      sizeOnDisk: sum("sizeOnDisk"),
      releaseGroups: ["NTb"],
      percentOfEpisodes: sum("episodeCount") ? Math.round((sum("episodeFileCount") / sum("episodeCount")) * 1000) / 10 : 0,
    },
  };
}

export function movieResource(world: World, meta: MovieMeta, entry?: MovieEntry) {
  const released = Date.UTC(meta.year, 5, 1);
  const size = entry?.file ? meta.runtime * 70 * 1024 * 1024 : 0;
  const base = {
    title: meta.title,
    originalTitle: meta.title,
    originalLanguage: ENGLISH,
    alternateTitles: [],
    secondaryYearSourceId: 0,
    sortTitle: sortTitle(meta.title),
    status: "released",
    overview: meta.overview,
    inCinemas: iso(released),
    physicalRelease: iso(released + 120 * 86_400_000),
    digitalRelease: iso(released + 90 * 86_400_000),
    releaseDate: iso(released + 90 * 86_400_000),
    images: movieImages(meta).map((i) => ({ ...i, url: entry ? `/MediaCover/${entry.id}/${i.coverType}.jpg` : i.remoteUrl })),
    website: "",
    remotePoster: movieImages(meta)[0].remoteUrl,
    year: meta.year,
    studio: meta.studio,
    isAvailable: true,
    folderName: `${meta.title.replace(/:/g, "")} (${meta.year})`,
    runtime: meta.runtime,
    cleanTitle: cleanTitle(meta.title),
    imdbId: meta.imdbId,
    tmdbId: meta.tmdbId,
    titleSlug: `${slug(meta.title)}-${meta.tmdbId}`,
    certification: meta.certification,
    genres: meta.genres,
    keywords: [] as string[],
    tags: [] as number[],
    ratings: { imdb: { votes: 800_000, value: 8.1, type: "user" }, tmdb: { votes: 12_000, value: 7.9, type: "user" } },
    popularity: 42.5,
  };
  if (!entry) {
    return {
      ...base,
      sizeOnDisk: 0,
      hasFile: false,
      movieFileId: 0,
      monitored: false,
      minimumAvailability: "released",
      qualityProfileId: 0,
      added: "0001-01-01T00:00:00Z",
      folder: base.folderName,
      statistics: { movieFileCount: 0, sizeOnDisk: 0, releaseGroups: [] },
    };
  }
  const rootFolderPath = entry.path.slice(0, entry.path.lastIndexOf("/"));
  return {
    ...base,
    id: entry.id,
    sizeOnDisk: size,
    path: entry.path,
    qualityProfileId: entry.qualityProfileId,
    hasFile: !!entry.file,
    movieFileId: entry.file ? entry.id * 10 : 0,
    monitored: entry.monitored,
    minimumAvailability: entry.minimumAvailability,
    rootFolderPath,
    folderName: entry.path,
    added: iso(entry.added),
    ...(entry.lastSearchTime !== undefined ? { lastSearchTime: iso(entry.lastSearchTime) } : {}),
    ...(entry.file ? { movieFile: movieFileResource(entry, entry.file, size) } : {}),
    statistics: { movieFileCount: entry.file ? 1 : 0, sizeOnDisk: size, releaseGroups: entry.file ? ["FraMeSToR"] : [] },
  };
}

function movieFileResource(entry: MovieEntry, quality: QualityRef, size: number) {
  const name = `${entry.meta.title.replace(/:/g, "")} (${entry.meta.year}) ${quality.name}.mkv`;
  return {
    id: entry.id * 10,
    movieId: entry.id,
    relativePath: name,
    path: `${entry.path}/${name}`,
    size,
    dateAdded: iso(entry.added),
    releaseGroup: "FraMeSToR",
    languages: [ENGLISH],
    quality: qualityModel("radarr", quality),
    customFormats: [],
    customFormatScore: 0,
    indexerFlags: 0,
    qualityCutoffNotMet: quality.resolution < 1080,
  };
}

export function episodeResource(world: World, series: SeriesEntry, episodeId: number, includeSeries: boolean, includeEpisodeFile = true) {
  const info = episodesOf(series).find((e) => e.id === episodeId);
  const quality = series.files.get(episodeId);
  const season = info?.season ?? 0;
  const episode = info?.episode ?? 0;
  const airDate = info?.airDate ?? Date.now();
  return {
    id: episodeId,
    seriesId: series.id,
    tvdbId: series.meta.tvdbId * 100 + episode,
    episodeFileId: quality ? episodeId : 0,
    seasonNumber: season,
    episodeNumber: episode,
    title: `Episode ${episode}`,
    airDate: iso(airDate).slice(0, 10),
    airDateUtc: iso(airDate),
    runtime: series.meta.runtime,
    hasFile: !!quality,
    // EpisodeResource.Monitored is the episode's own flag (Episode.Monitored), not the series'.
    monitored: !series.unmonitoredEpisodes.has(episodeId),
    ...(series.lastSearchTime.has(episodeId) ? { lastSearchTime: iso(series.lastSearchTime.get(episodeId)!) } : {}),
    unverifiedSceneNumbering: false,
    ...(quality && includeEpisodeFile ? { episodeFile: episodeFileResource(series, episodeId, quality) } : {}),
    ...(includeSeries ? { series: seriesResource(world, series.meta, series) } : {}),
    images: [],
  };
}

/** Sonarr src/Sonarr.Api.V3/EpisodeFiles/EpisodeFileResource.cs (the simulator's file id is the episode id). */
export function episodeFileResource(series: SeriesEntry, episodeId: number, quality: QualityRef) {
  const season = Math.floor((episodeId % 10_000) / 100);
  const episode = episodeId % 100;
  return {
    id: episodeId,
    seriesId: series.id,
    seasonNumber: season,
    relativePath: `Season ${season}/${series.meta.title} - S${season}E${episode}.mkv`,
    path: `${series.path}/Season ${season}/${series.meta.title} - S${season}E${episode}.mkv`,
    size: series.meta.runtime * 33 * 1024 * 1024,
    dateAdded: iso(series.added),
    releaseGroup: "NTb",
    languages: [ENGLISH],
    quality: qualityModel("sonarr", quality),
    customFormats: [],
    customFormatScore: 0,
    indexerFlags: 0,
    releaseType: "singleEpisode",
    qualityCutoffNotMet: quality.resolution < 1080,
  };
}

/** A TimeSpan as Servarr writes it (STJTimeSpanConverter: TimeSpan.ToString(), "[d.]hh:mm:ss"). */
const timeleft = (seconds: number) => {
  const d = Math.floor(seconds / 86_400),
    h = Math.floor((seconds % 86_400) / 3600),
    m = Math.floor((seconds % 3600) / 60),
    s = Math.floor(seconds % 60);
  return `${d > 0 ? `${d}.` : ""}${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
};

/** SABnzbd's history keeps finished and failed jobs; everything else is in its queue. */
const inSabHistory = (download: Download) => download.state === "importBlocked" || download.state === "completed" || download.state === "failed";
const pausedInSab = (world: World, download: Download) => !inSabHistory(download) && (download.state === "paused" || world.sabPaused);

/**
 * DownloadClientItem.RemainingTime in seconds, as Sonarr/Radarr read it from SABnzbd (src/NzbDrone.Core/Download/Clients/
 * Sabnzbd/Sabnzbd.cs): a queue job's `timeleft` ("0:00:00" when it does not move: stalled or queued), none while paused,
 * zero for a history job.
 */
export function timeleftSeconds(world: World, download: Download): number | undefined {
  if (inSabHistory(download)) return 0;
  if (pausedInSab(world, download)) return undefined;
  return download.state === "downloading" ? download.leftBytes / download.bytesPerSecond : 0;
}

const NO_FILES = /^No files found are eligible for import in /;

/** Sabnzbd.cs GetHistory: this fail message makes the job a Warning, not Failed, so FailedDownloadService leaves it alone. */
export const DISK_FULL = "Unpacking failed, write error or disk is full?";
export const failedInClient = (download: Download) => download.state === "failed" && (download.failMessage ?? "").toLowerCase() !== DISK_FULL.toLowerCase();

/** One queue record: Sonarr makes one per episode of the download (see arr-queue-id.ts), Radarr one per download. */
export function queueResource(world: World, download: Download, completeDir: string, incompleteDir: string, queueId: number, episodeId?: number) {
  const seconds = timeleftSeconds(world, download);
  const [status, trackedDownloadStatus, trackedDownloadState] =
    // Sonarr/Radarr: src/NzbDrone.Core/Download/FailedDownloadService.cs (Check) moves a grabbed download the client
    // reports failed to FailedPending and leaves TrackedDownloadStatus alone (Ok); only Warn()/Fail() change it.
    failedInClient(download)
      ? ["failed", "ok", "failedPending"]
      : download.state === "failed"
        ? ["warning", "ok", "downloading"]
        : // CompletedDownloadService.Import: an import that finds no files leaves the state ImportPending and only warns;
          // rejected import results (RejectedImportService / SetStateToImportBlocked) are ImportBlocked.
          download.state === "importBlocked"
          ? ["completed", "warning", NO_FILES.test(download.importMessage ?? "") ? "importPending" : "importBlocked"]
          : download.state === "completed"
            ? ["completed", "ok", "importPending"]
            : // Sabnzbd.cs GetQueue: a paused queue (or job) is Paused before Queued is considered.
              pausedInSab(world, download)
              ? ["paused", "ok", "downloading"]
              : download.state === "queued"
                ? ["queued", "ok", "downloading"]
                : ["downloading", "ok", "downloading"];
  const finished = download.state === "importBlocked" || download.state === "completed";
  const media =
    download.app === "sonarr"
      ? { seriesId: download.mediaId, episodeId: episodeId ?? download.episodeIds[0] ?? 0, seasonNumber: download.seasonNumber ?? 0 }
      : { movieId: download.mediaId };
  return {
    ...media,
    languages: [ENGLISH],
    quality: qualityModel(download.app, download.quality),
    customFormats: [],
    customFormatScore: 0,
    size: download.sizeBytes,
    title: download.title,
    // QueueService.MapQueueItem: EstimatedCompletionTime = now + TimeLeft whenever TimeLeft has a value.
    ...(seconds !== undefined ? { estimatedCompletionTime: iso(Date.now() + seconds * 1000) } : {}),
    added: iso(download.added),
    status,
    trackedDownloadStatus,
    trackedDownloadState,
    statusMessages: download.state === "importBlocked" && download.importMessage ? [{ title: download.title, messages: [download.importMessage] }] : [],
    ...(download.state === "failed" && download.failMessage ? { errorMessage: download.failMessage } : {}),
    downloadId: download.nzoId,
    protocol: "usenet",
    downloadClient: "SABnzbd",
    downloadClientHasPostImportCategory: false,
    indexer: download.indexer,
    outputPath: finished ? `${completeDir}/${download.category}/${download.title}` : `${incompleteDir}/${download.title}`,
    ...(download.app === "sonarr" ? { episodeHasFile: false } : {}),
    sizeleft: download.leftBytes,
    ...(seconds !== undefined ? { timeleft: timeleft(seconds) } : {}),
    id: queueId,
  };
}

export function historyResource(event: HistoryEvent) {
  const media = event.app === "sonarr" ? { episodeId: event.episodeId ?? 0, seriesId: event.mediaId } : { movieId: event.mediaId };
  return {
    ...media,
    sourceTitle: event.sourceTitle,
    languages: [ENGLISH],
    quality: qualityModel(event.app, event.quality),
    customFormats: [],
    customFormatScore: 0,
    qualityCutoffNotMet: event.quality.resolution < 1080,
    date: iso(event.date),
    ...(event.downloadId ? { downloadId: event.downloadId } : {}),
    eventType: event.eventType,
    data: event.data,
    id: event.id,
  };
}

export function blocklistResource(entry: BlocklistEntry) {
  const media = entry.app === "sonarr" ? { seriesId: entry.mediaId, episodeIds: entry.episodeIds } : { movieId: entry.mediaId };
  return {
    id: entry.id,
    ...media,
    sourceTitle: entry.sourceTitle,
    languages: [ENGLISH],
    quality: qualityModel(entry.app, entry.quality),
    customFormats: [],
    date: iso(entry.date),
    protocol: "usenet",
    indexer: entry.indexer,
    message: entry.message,
  };
}

const COMMAND_NAMES: Record<string, string> = {
  EpisodeSearch: "Episode Search",
  SeriesSearch: "Series Search",
  RefreshSeries: "Refresh Series",
  MissingEpisodeSearch: "Missing Episode Search",
  MoviesSearch: "Movies Search",
  RefreshMovie: "Refresh Movie",
  MissingMoviesSearch: "Missing Movies Search",
  RefreshMonitoredDownloads: "Refresh Monitored Downloads",
};

export function commandResource(command: CommandEntry) {
  const done = command.completedAt !== undefined;
  const started = command.queued + 50;
  const ended = command.completedAt ?? 0;
  return {
    name: command.name,
    commandName: COMMAND_NAMES[command.name] ?? command.name,
    ...(done ? { message: "Completed" } : {}),
    body: {
      ...command.body,
      sendUpdatesToClient: true,
      updateScheduledTask: true,
      requiresDiskAccess: false,
      isExclusive: false,
      isLongRunning: false,
      name: command.name,
      trigger: "manual",
      suppressMessages: false,
    },
    priority: "normal",
    status: done ? "completed" : "queued",
    result: done ? "successful" : "unknown",
    queued: iso(command.queued),
    ...(done ? { started: iso(started), ended: iso(ended), duration: durationSpan(ended - started) } : {}),
    trigger: "manual",
    stateChangeTime: iso(done ? ended : command.queued),
    sendUpdatesToClient: true,
    updateScheduledTask: true,
    id: command.id,
  };
}

function durationSpan(ms: number): string {
  const safe = Math.max(0, ms);
  const seconds = Math.floor(safe / 1000);
  const fraction = String((safe % 1000) * 10_000).padStart(7, "0");
  return `${timeleft(seconds)}.${fraction}`;
}

export { releaseGroup };
