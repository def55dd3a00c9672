// How the simulated Sonarr/Radarr "grab" a release: names, sizes and the download created in SABnzbd.
import { allowedQualityIds, qualityProfiles } from "./arr/arr-static.js";
import { arrIndexers } from "./profiles.js";
import { episodesOf } from "./seed.js";
import {
  episodeId,
  pad,
  QUALITIES,
  type ArrApp,
  type Download,
  type DownloadState,
  type MovieEntry,
  type Offer,
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

/** Release groups per offered quality: a failed grab's blocklisted release leaves the next group's to grab. */
const GROUPS_PER_QUALITY = 4;

/** The best offered quality the item's quality profile allows, as Sonarr/Radarr's decision engine would pick. */
function bestAllowed(app: ArrApp, qualityProfileId: number): QualityRef | undefined {
  const allowed = allowedQualityIds(app, qualityProfileId);
  return OFFERED[app].find((q) => allowed.has(q.id));
}

/** The one source of truth for what the indexers have for an item: a scenario's offers, or every OFFERED quality. */
export function offersFor(world: World, app: ArrApp, key: number): Offer[] {
  const special = world.offers.get(`${app}:${key}`);
  if (special) return special;
  return OFFERED[app].flatMap((quality) => Array.from({ length: GROUPS_PER_QUALITY }, (_, group) => ({ quality, group })));
}

export interface SimIndexer {
  id: number;
  name: string;
  priority: number;
  enableRss: boolean;
  enableAutomaticSearch: boolean;
  enableInteractiveSearch: boolean;
}

/** The Prowlarr indexer an *arr indexer synced from Prowlarr stands for ("NZBgeek (Prowlarr)" → "NZBgeek"). */
export const prowlarrIndexerName = (arrName: string) => arrName.replace(/ \(Prowlarr\)$/, "");

/** The indexer's failure record while it is backed off (IndexerStatusService.GetBlockedProviders: DisabledTill in the future). */
export function blockedStatus(world: World, name: string) {
  const failure = world.indexerFailures.get(name) ?? world.indexerFailures.get(prowlarrIndexerName(name));
  return failure && failure.disabledTill > Date.now() ? failure : undefined;
}

export function indexersOf(world: World, app: ArrApp): SimIndexer[] {
  return arrIndexers(app === "sonarr" ? "Sonarr" : "Radarr", world.profile);
}

/**
 * The indexers a search asks (ReleaseSearchService.Dispatch): InteractiveSearchEnabled() for GET /release,
 * AutomaticSearchEnabled() for a command, each without the blocked ones (IndexerFactory.FilterBlockedIndexers).
 */
export function searchableIndexers(world: World, app: ArrApp, interactive: boolean): SimIndexer[] {
  return indexersOf(world, app).filter((i) => (interactive ? i.enableInteractiveSearch : i.enableAutomaticSearch) && !blockedStatus(world, i.name));
}

export interface ReleaseDecision {
  title: string;
  quality: QualityRef;
  indexer: SimIndexer;
  sizeBytes: number;
  ageHours: number;
  rejections: string[];
}

/**
 * What a search finds for one episode or movie and the decision engine's verdict on each release
 * (DownloadDecisionMaker.GetSearchDecision): QualityAllowedByProfileSpecification ("{quality} is not wanted in profile",
 * QualityModel.ToString adds the revision, "v1") and BlocklistSpecification ("Release is blocklisted"), both permanent.
 * An episode that has not aired has no releases yet. The list is ordered as DownloadDecisionPriorizationService would:
 * approved first, then the profile's better quality, then the indexer's priority.
 */
export function decideReleases(
  world: World,
  item: { app: "sonarr"; series: SeriesEntry; episodeId: number } | { app: "radarr"; movie: MovieEntry },
  indexers: SimIndexer[],
): ReleaseDecision[] {
  const profileId = item.app === "sonarr" ? item.series.qualityProfileId : item.movie.qualityProfileId;
  const allowed = allowedQualityIds(item.app, profileId);
  const key = item.app === "sonarr" ? item.episodeId : item.movie.id;
  if (item.app === "sonarr") {
    const info = episodesOf(item.series).find((e) => e.id === item.episodeId);
    if (!info || info.airDate > Date.now()) return [];
  }
  const file = item.app === "sonarr" ? item.series.files.get(item.episodeId) : item.movie.file;
  const decisions: ReleaseDecision[] = [];
  for (const offer of offersFor(world, item.app, key)) {
    const title =
      item.app === "sonarr"
        ? episodeRelease(item.series, Math.floor((key % 10_000) / 100), key % 100, offer.group, offer.quality)
        : movieRelease(item.movie, offer.group, offer.quality);
    const rejections = [
      ...(allowed.has(offer.quality.id) ? [] : [`${offer.quality.name} v1 is not wanted in profile`]),
      ...upgradeRejections(item.app, profileId, file, offer.quality),
      ...(world.blocklist.some((b) => b.app === item.app && b.sourceTitle === title) ? ["Release is blocklisted"] : []),
    ];
    for (const indexer of indexers) {
      decisions.push({
        title,
        quality: offer.quality,
        indexer,
        sizeBytes: item.app === "sonarr" ? episodeSize(item.series, offer.quality) : movieSize(item.movie, offer.quality),
        ageHours: 20 + offer.group * 6,
        rejections,
      });
    }
  }
  const rank = (q: QualityRef) => OFFERED[item.app].findIndex((o) => o.id === q.id);
  return decisions.sort(
    (a, b) =>
      Number(a.rejections.length > 0) - Number(b.rejections.length > 0) ||
      rank(a.quality) - rank(b.quality) ||
      a.indexer.priority - b.indexer.priority ||
      a.indexer.id - b.indexer.id,
  );
}

/**
 * UpgradeDiskSpecification (CheckUpgradeSpecification): a file that meets the profile's cutoff rejects every release
 * ("Existing file meets cutoff: {cutoff item}", Radarr adding " [{custom formats}]"; QualityProfileQualityItem.ToString: "Name (qualities)" for a group);
 * below the cutoff, a release no better than the file is "Existing file on disk is of equal or higher preference".
 * The simulator's cutoff is met from 1080p up, as its files' qualityCutoffNotMet says.
 */
function upgradeRejections(app: ArrApp, profileId: number, file: QualityRef | undefined, release: QualityRef): string[] {
  if (!file) return [];
  if (file.resolution >= 1080) {
    const profile = qualityProfiles(app).find((p) => p.id === profileId);
    const items = (profile?.items ?? []) as { id?: number; name?: string; quality?: { id: number; name: string }; items: { quality: { name: string } }[] }[];
    const cutoff = items.find((i) => (i.quality ? i.quality.id : i.id) === profile?.cutoff);
    const label = cutoff?.quality ? cutoff.quality.name : `${cutoff?.name} (${cutoff?.items.map((m) => m.quality.name).join(", ")})`;
    // Radarr adds the file's custom formats in brackets (none here).
    return [app === "sonarr" ? `Existing file meets cutoff: ${label}` : `Existing file meets cutoff: ${label} []`];
  }
  return release.resolution <= file.resolution ? [`Existing file on disk is of equal or higher preference: ${file.name} v1`] : [];
}

const episodeSize = (series: SeriesEntry, quality: QualityRef) => Math.round(series.meta.runtime * 33 * 1024 * 1024 * (quality.resolution / 1080));
const movieSize = (movie: MovieEntry, quality: QualityRef) => Math.round(movie.meta.runtime * 70 * 1024 * 1024 * (quality.resolution / 1080));

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
  /** A release the search chose; otherwise the first of the quality's names not blocklisted. */
  title?: string;
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
  const title = options.title ?? freshTitle(world, (g) => episodeRelease(series, season, episode, g, quality));
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
      sizeBytes: episodeSize(series, quality),
    },
    { ...options, quality },
  );
}

export function grabMovie(world: World, movie: MovieEntry, options: GrabOptions = {}): Download | undefined {
  const quality = options.quality ?? bestAllowed("radarr", movie.qualityProfileId);
  if (!quality) return undefined;
  const title = options.title ?? freshTitle(world, (g) => movieRelease(movie, g, quality));
  if (!title) return undefined;
  return createDownload(
    world,
    {
      app: "radarr",
      mediaId: movie.id,
      episodeIds: [],
      title,
      category: "movies",
      sizeBytes: movieSize(movie, quality),
    },
    { ...options, quality },
  );
}

const inQueue = (world: World, predicate: (d: Download) => boolean) =>
  world.downloads.some((d) => predicate(d) && !["imported", "failed"].includes(d.state) && !d.ignoredByArr && !d.deletedFromClient);

/** The first approved release that is not already a download (ProcessDownloadDecisions grabs the best approved one). */
const bestApproved = (world: World, decisions: ReleaseDecision[]) =>
  decisions.find((d) => d.rejections.length === 0 && !world.downloads.some((x) => x.title === d.title && x.state !== "imported"));

/**
 * What a search command does in the simulator: the automatic-search indexers are asked (LastSearchTime is set when at
 * least one was, ReleaseSearchService.Dispatch), and the best approved release is grabbed for an episode that is not
 * already downloading (one with a file only as an upgrade).
 */
export function searchEpisodes(world: World, ids: number[]): number {
  let grabbed = 0;
  const indexers = searchableIndexers(world, "sonarr", false);
  for (const id of ids.slice(0, 10)) {
    const seriesId = Math.floor(id / 10_000);
    const series = world.series.find((s) => s.id === seriesId);
    if (!series || !episodesOf(series).some((e) => e.id === id)) continue;
    if (indexers.length > 0) series.lastSearchTime.set(id, Date.now());
    // An episode with a file is searched too: UpgradeDiskSpecification lets only an upgrade below the cutoff through.
    if (inQueue(world, (d) => d.episodeIds.includes(id))) continue;
    const best = bestApproved(world, decideReleases(world, { app: "sonarr", series, episodeId: id }, indexers));
    if (!best) continue;
    const season = Math.floor((id % 10_000) / 100);
    if (grabEpisode(world, series, season, id % 100, { ageMs: 0, quality: best.quality, title: best.title, indexer: best.indexer.name })) grabbed++;
  }
  return grabbed;
}

export function searchMovies(world: World, ids: number[]): number {
  let grabbed = 0;
  const indexers = searchableIndexers(world, "radarr", false);
  for (const id of ids.slice(0, 10)) {
    const movie = world.movies.find((m) => m.id === id);
    if (!movie) continue;
    // Radarr ReleaseSearchService.Dispatch: movie.LastSearchTime when at least one indexer was searched.
    if (indexers.length > 0) movie.lastSearchTime = Date.now();
    if (inQueue(world, (d) => d.app === "radarr" && d.mediaId === id)) continue;
    const best = bestApproved(world, decideReleases(world, { app: "radarr", movie }, indexers));
    if (!best) continue;
    if (grabMovie(world, movie, { ageMs: 0, quality: best.quality, title: best.title, indexer: best.indexer.name })) grabbed++;
  }
  return grabbed;
}
