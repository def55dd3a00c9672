// How the simulated Sonarr/Radarr "grab" a release: names, sizes and the download created in SABnzbd.
import { allowedQualityIds } from "./arr/arr-static.js";
import {
  episodeId,
  pad,
  QUALITIES,
  type ArrApp,
  type Download,
  type DownloadState,
  type MovieEntry,
  type QualityRef,
  type SeriesEntry,
  type World,
} from "./world.js";

const GROUPS = ["NTb", "FLUX", "playWEB", "CMRG", "EDITH", "SiGMA"];
const MOVIE_GROUPS = ["FraMeSToR", "SPARKS", "GECKOS", "DON", "HiFi", "CtrlHD"];

const dots = (title: string) =>
  title
    .replace(/[():'!,]/g, "")
    .replace(/&/g, "and")
    .replace(/\s+/g, ".");

/** What the simulated indexers offer for every episode or movie, best first. */
const OFFERED: Record<ArrApp, QualityRef[]> = {
  sonarr: [QUALITIES.web2160, QUALITIES.web1080, QUALITIES.web720, QUALITIES.hdtv720, QUALITIES.sdtv],
  radarr: [QUALITIES.web2160, QUALITIES.bluray1080, QUALITIES.web1080, QUALITIES.web720, QUALITIES.hdtv720, QUALITIES.sdtv],
};

/** The best offered quality the item's quality profile allows, as Sonarr/Radarr's decision engine would pick. */
function bestAllowed(app: ArrApp, qualityProfileId: number): QualityRef | undefined {
  const allowed = allowedQualityIds(app, qualityProfileId);
  return OFFERED[app].find((q) => allowed.has(q.id));
}

const SOURCE_TAG: Record<string, string> = { web: "WEB-DL", bluray: "BluRay", television: "HDTV" };
const resolutionTag = (quality: QualityRef) => (quality.resolution >= 720 ? `${quality.resolution}p` : "SDTV");

export function episodeRelease(series: SeriesEntry, season: number, episode: number, groupIndex = 0, quality: QualityRef = QUALITIES.web1080): string {
  const group = GROUPS[groupIndex % GROUPS.length];
  const tags =
    quality.source === "web" ? `${resolutionTag(quality)}.WEB-DL.DDP5.1.H.264` : `${resolutionTag(quality)}.${SOURCE_TAG[quality.source] ?? "HDTV"}.x264`;
  return `${dots(series.meta.title)}.S${pad(season)}E${pad(episode)}.${tags}-${group}`;
}

export function movieRelease(movie: MovieEntry, groupIndex = 0, quality: QualityRef = QUALITIES.bluray1080): string {
  const group = MOVIE_GROUPS[groupIndex % MOVIE_GROUPS.length];
  const tags =
    quality.source === "web" ? `${resolutionTag(quality)}.WEB-DL.DDP5.1.H.264` : `${resolutionTag(quality)}.${SOURCE_TAG[quality.source] ?? "HDTV"}.x264`;
  return `${dots(movie.meta.title)}.${movie.meta.year}.${tags}-${group}`;
}

interface GrabOptions {
  state?: DownloadState;
  percentDone?: number;
  quality?: QualityRef;
  ageMs?: number;
  indexer?: string;
  failMessage?: string;
  importMessage?: string;
}

function createDownload(
  world: World,
  base: Omit<Download, "nzoId" | "leftBytes" | "bytesPerSecond" | "state" | "added" | "quality" | "indexer">,
  options: GrabOptions,
): Download {
  const state = options.state ?? "downloading";
  const done = options.percentDone ?? 0;
  const download: Download = {
    ...base,
    nzoId: world.newNzoId(),
    leftBytes: Math.round(base.sizeBytes * (1 - done / 100)),
    bytesPerSecond: 25 * 1024 * 1024,
    state,
    added: Date.now() - (options.ageMs ?? 10 * 60_000),
    quality: options.quality ?? (base.app === "sonarr" ? QUALITIES.web1080 : QUALITIES.bluray1080),
    indexer: options.indexer ?? "NZBgeek (Prowlarr)",
    ...(options.failMessage ? { failMessage: options.failMessage } : {}),
    ...(options.importMessage ? { importMessage: options.importMessage } : {}),
  };
  if (["failed", "completed", "importBlocked", "imported"].includes(state)) {
    download.leftBytes = state === "failed" ? download.leftBytes : 0;
    download.completedAt = Date.now() - 60_000;
  }
  world.downloads.push(download);
  world.addHistory({
    app: download.app,
    eventType: "grabbed",
    date: download.added,
    sourceTitle: download.title,
    downloadId: download.nzoId,
    mediaId: download.mediaId,
    ...(download.episodeIds[0] ? { episodeId: download.episodeIds[0] } : {}),
    quality: download.quality,
    data: {
      indexer: download.indexer,
      releaseGroup: download.title.split("-").pop() ?? "",
      downloadClient: "SABnzbd",
      downloadClientName: "SABnzbd",
      size: String(download.sizeBytes),
      protocol: "1",
      customFormatScore: "0",
      indexerFlags: "0",
    },
  });
  return download;
}

/** Picks a release name that is not on the blocklist, as a real search would skip blocklisted releases. */
function freshTitle(world: World, make: (group: number) => string): string | undefined {
  for (let group = 0; group < 6; group++) {
    const title = make(group);
    if (!world.blocklist.some((b) => b.sourceTitle === title) && !world.downloads.some((d) => d.title === title && d.state !== "imported")) return title;
  }
  return undefined;
}

export function grabEpisode(world: World, series: SeriesEntry, season: number, episode: number, options: GrabOptions = {}): Download | undefined {
  const quality = options.quality ?? bestAllowed("sonarr", series.qualityProfileId);
  if (!quality) return undefined;
  const title = freshTitle(world, (g) => episodeRelease(series, season, episode, g, quality));
  if (!title) return undefined;
  return createDownload(
    world,
    {
      app: "sonarr",
      mediaId: series.id,
      episodeIds: [episodeId(series.id, season, episode)],
      seasonNumber: season,
      title,
      category: "tv",
      sizeBytes: Math.round(series.meta.runtime * 33 * 1024 * 1024 * (quality.resolution / 1080)),
    },
    { ...options, quality },
  );
}

export function grabMovie(world: World, movie: MovieEntry, options: GrabOptions = {}): Download | undefined {
  const quality = options.quality ?? bestAllowed("radarr", movie.qualityProfileId);
  if (!quality) return undefined;
  const title = freshTitle(world, (g) => movieRelease(movie, g, quality));
  if (!title) return undefined;
  return createDownload(
    world,
    {
      app: "radarr",
      mediaId: movie.id,
      episodeIds: [],
      title,
      category: "movies",
      sizeBytes: Math.round(movie.meta.runtime * 70 * 1024 * 1024 * (quality.resolution / 1080)),
    },
    { ...options, quality },
  );
}

const inQueue = (world: World, predicate: (d: Download) => boolean) =>
  world.downloads.some((d) => predicate(d) && !["imported", "failed"].includes(d.state) && !d.ignoredByArr && !d.deletedFromClient);

/** What a search command does in the simulator: grab one release per wanted item that is not already downloading. */
export function searchEpisodes(world: World, ids: number[]): number {
  let grabbed = 0;
  for (const id of ids.slice(0, 10)) {
    const seriesId = Math.floor(id / 10_000);
    const series = world.series.find((s) => s.id === seriesId);
    if (!series || series.files.has(id) || inQueue(world, (d) => d.episodeIds.includes(id))) continue;
    const season = Math.floor((id % 10_000) / 100);
    if (grabEpisode(world, series, season, id % 100, { ageMs: 0 })) grabbed++;
  }
  return grabbed;
}

export function searchMovies(world: World, ids: number[]): number {
  let grabbed = 0;
  for (const id of ids.slice(0, 10)) {
    const movie = world.movies.find((m) => m.id === id);
    if (!movie || movie.file || inQueue(world, (d) => d.app === "radarr" && d.mediaId === id)) continue;
    if (grabMovie(world, movie, { ageMs: 0 })) grabbed++;
  }
  return grabbed;
}
