// The shared, stateful demo world behind all four simulators: library, downloads, history, blocklist, commands, Plex items.
import { MOVIES, type MovieMeta } from "./data/movies.js";
import { SERIES, type SeriesMeta } from "./data/series.js";
import type { Profile } from "./profiles.js";
import { seedWorld } from "./seed.js";
import { queueIdOf, queueIdsOf } from "./arr/arr-queue-id.js";
import { emptyProwlarrState, type ProwlarrState } from "./prowlarr/prowlarr-world.js";

export type ArrApp = "sonarr" | "radarr";
export type DownloadState = "queued" | "downloading" | "stalled" | "paused" | "failed" | "completed" | "importBlocked" | "imported";

export interface QualityRef {
  id: number;
  name: string;
  source: string;
  resolution: number;
}

export interface Download {
  nzoId: string;
  app: ArrApp;
  mediaId: number;
  episodeIds: number[];
  seasonNumber?: number;
  title: string;
  category: string;
  sizeBytes: number;
  leftBytes: number;
  bytesPerSecond: number;
  state: DownloadState;
  failMessage?: string;
  /** Articles the news servers did not have, in a job SABnzbd still completed (1 to 5, no PAR2 to repair them). */
  missingArticles?: number;
  importMessage?: string;
  added: number;
  completedAt?: number;
  quality: QualityRef;
  indexer: string;
  /** Set when the *arr app stops tracking it (queue removal without removeFromClient). */
  ignoredByArr?: boolean;
  /** Set when the job was deleted from SABnzbd's history. */
  deletedFromClient?: boolean;
  /** Added to SABnzbd directly (mode=addurl): no Sonarr/Radarr grabbed it, so none tracks it, retried or not. */
  sabnzbdOnly?: boolean;
  /** The app did not tell Plex about the import: the file waits for the section's next scan (World.plexPending). */
  plexNotNotified?: boolean;
}

export interface SeriesEntry {
  id: number;
  meta: SeriesMeta;
  path: string;
  qualityProfileId: number;
  monitored: boolean;
  seasonFolder: boolean;
  seriesType: string;
  added: number;
  /** episodeId -> quality of the file on disk. */
  files: Map<number, QualityRef>;
  /** Seasons whose own monitored flag is off (Sonarr's Season.Monitored). */
  unmonitoredSeasons: Set<number>;
  /** Episodes whose monitored flag is off (Sonarr's Episode.Monitored). */
  unmonitoredEpisodes: Set<number>;
  /** episodeId -> when a search last reached an indexer for it (Episode.LastSearchTime, ms). */
  lastSearchTime: Map<number, number>;
}

export interface MovieEntry {
  id: number;
  meta: MovieMeta;
  path: string;
  qualityProfileId: number;
  monitored: boolean;
  minimumAvailability: string;
  added: number;
  file?: QualityRef;
  /** When a search last reached an indexer for it (Movie.LastSearchTime, ms). */
  lastSearchTime?: number;
}

export interface HistoryEvent {
  id: number;
  app: ArrApp;
  eventType: string;
  date: number;
  sourceTitle: string;
  downloadId?: string;
  mediaId: number;
  episodeId?: number;
  quality: QualityRef;
  data: Record<string, string>;
}

export interface BlocklistEntry {
  id: number;
  app: ArrApp;
  mediaId: number;
  episodeIds: number[];
  sourceTitle: string;
  quality: QualityRef;
  date: number;
  indexer: string;
  message: string;
}

/** An indexer's failure record, as IndexerStatus keeps it (src/NzbDrone.Core/ThingiProvider/Status/ProviderStatusBase.cs). */
export interface IndexerFailure {
  initialFailure: number;
  mostRecentFailure: number;
  escalationLevel: number;
  /** Until when the app skips the indexer (ms since epoch). */
  disabledTill: number;
}

/** One release an indexer offers for an item: its quality and the release group naming it (see releases.ts). */
export interface Offer {
  quality: QualityRef;
  group: number;
}

/** A diagnosis scenario the demo seed built (GET /__sim/diagnosis-scenarios). */
export interface SeededScenario {
  scenario: string;
  target: Record<string, unknown>;
  title: string;
  expectedStep: string;
}

export interface CommandEntry {
  id: number;
  app: ArrApp;
  name: string;
  body: Record<string, unknown>;
  queued: number;
  completedAt?: number;
}

export interface PlexItem {
  ratingKey: number;
  sectionKey: number;
  type: "movie" | "show" | "episode";
  title: string;
  year: number;
  guid: string;
  guids: string[];
  addedAt: number;
  showTitle?: string;
  /** An episode's season and number (Plex's parentIndex and index). */
  seasonNumber?: number;
  episodeNumber?: number;
  file?: string;
}

export const QUALITIES = {
  sdtv: { id: 1, name: "SDTV", source: "television", resolution: 480 },
  hdtv720: { id: 4, name: "HDTV-720p", source: "television", resolution: 720 },
  web720: { id: 5, name: "WEBDL-720p", source: "web", resolution: 720 },
  web1080: { id: 3, name: "WEBDL-1080p", source: "web", resolution: 1080 },
  bluray1080: { id: 7, name: "Bluray-1080p", source: "bluray", resolution: 1080 },
  web2160: { id: 18, name: "WEBDL-2160p", source: "web", resolution: 2160 },
} satisfies Record<string, QualityRef>;

export const episodeId = (seriesId: number, season: number, episode: number) => seriesId * 10_000 + season * 100 + episode;
export const splitEpisodeId = (id: number) => ({ seriesId: Math.floor(id / 10_000), season: Math.floor((id % 10_000) / 100), episode: id % 100 });

export class World {
  profile: Profile;
  series: SeriesEntry[] = [];
  movies: MovieEntry[] = [];
  downloads: Download[] = [];
  history: HistoryEvent[] = [];
  blocklist: BlocklistEntry[] = [];
  commands: CommandEntry[] = [];
  plexItems: PlexItem[] = [];
  /** Imported files Plex has not scanned yet: they join plexItems when their section is refreshed. */
  plexPending: PlexItem[] = [];
  /** What the indexers offer for one item when it is not the default (key "sonarr:<episodeId>" or "radarr:<movieId>"). */
  offers = new Map<string, Offer[]>();
  /** The diagnosis scenarios the seed built, for GET /__sim/diagnosis-scenarios. */
  seededScenarios: SeededScenario[] = [];
  /** Series the scenarios added and the episodes already a scenario's target (scenarios/scenario-items.ts). */
  scenarioLedger = { series: new Set<number>(), taken: new Set<number>() };
  /**
   * Failing indexers by name. Sonarr's, Radarr's and Prowlarr's indexerstatus read the same records: an *arr indexer
   * synced from Prowlarr queries Prowlarr's proxy for it, so it fails when Prowlarr's does.
   */
  indexerFailures = new Map<string, IndexerFailure>();
  /** Prowlarr's indexers, applications and history: its simulator reseeds them on every reset (prowlarr/prowlarr-world.ts). */
  prowlarr: ProwlarrState = emptyProwlarrState();
  /** Old SABnzbd history jobs not tied to a current download. */
  sabArchive: Record<string, unknown>[] = [];
  sabPaused = false;
  sabHistoryVersion = 0;
  private resetListeners: (() => void)[] = [];
  private counters = { series: 0, movie: 0, history: 1000, blocklist: 0, command: 100, nzo: 0, plex: 5000 };

  constructor(
    readonly keys: SimKeys,
    readonly ports: SimPorts,
    profile: Profile,
  ) {
    this.profile = profile;
    this.reset(profile);
  }

  reset(profile: Profile = this.profile): void {
    this.profile = profile;
    this.series = [];
    this.movies = [];
    this.downloads = [];
    this.history = [];
    this.blocklist = [];
    this.commands = [];
    this.plexItems = [];
    this.plexPending = [];
    this.offers = new Map();
    this.seededScenarios = [];
    this.scenarioLedger = { series: new Set(), taken: new Set() };
    this.indexerFailures = new Map();
    this.sabArchive = [];
    this.sabPaused = false;
    this.counters = { series: 0, movie: 0, history: 1000, blocklist: 0, command: 100, nzo: 0, plex: 5000 };
    seedWorld(this);
    this.touchHistory();
    for (const listener of this.resetListeners) listener();
  }

  /** Simulators keep their own configuration state; they re-initialise it when the world resets. */
  onReset(listener: () => void): void {
    this.resetListeners.push(listener);
    listener();
  }

  next(counter: keyof World["counters"]): number {
    this.counters[counter] += 1;
    return this.counters[counter];
  }

  newNzoId(): string {
    const n = this.next("nzo");
    return `SABnzbd_nzo_${(n * 7_919 + 1_234_567).toString(36).slice(-6)}`;
  }

  touchHistory(): void {
    this.sabHistoryVersion = Math.floor(Date.now() / 1000) + this.next("history") - 1000;
  }

  seriesMeta(tvdbId: number) {
    return SERIES.find((s) => s.tvdbId === tvdbId);
  }

  movieMeta(tmdbId: number) {
    return MOVIES.find((m) => m.tmdbId === tmdbId);
  }

  findDownload(ref: { downloadId?: string; id?: number }): Download | undefined {
    return this.downloads.find((d) => d.nzoId === ref.downloadId || (ref.id !== undefined && queueIdsOf(d).includes(ref.id)));
  }

  addHistory(event: Omit<HistoryEvent, "id">): HistoryEvent {
    const full = { ...event, id: this.next("history") };
    this.history.unshift(full);
    return full;
  }

  /** Advances every active download; finished ones are imported and appear in Plex. */
  tick(seconds = 60): { completed: string[] } {
    const completed: string[] = [];
    for (const download of this.downloads) {
      if (download.state !== "downloading" || download.deletedFromClient || this.sabPaused) continue;
      download.leftBytes = Math.max(0, download.leftBytes - download.bytesPerSecond * seconds);
      if (download.leftBytes === 0) {
        this.importDownload(download);
        completed.push(download.nzoId);
      }
    }
    for (const command of this.commands) command.completedAt ??= Date.now();
    if (completed.length) this.touchHistory();
    return { completed };
  }

  failDownload(download: Download, message: string): void {
    download.state = "failed";
    download.failMessage = message;
    download.completedAt = Date.now();
    this.touchHistory();
    // A download Sonarr/Radarr ignore (or never grabbed) is not processed as failed: only a tracked download in a
    // Downloading state reaches FailedDownloadService (Sonarr src/NzbDrone.Core/Download/TrackedDownloads/TrackedDownloadService.cs,
    // TrackedDownloadState.Ignored), so no downloadFailed event is recorded for it.
    if (download.ignoredByArr) return;
    this.addHistory({
      app: download.app,
      eventType: "downloadFailed",
      date: Date.now(),
      sourceTitle: download.title,
      downloadId: download.nzoId,
      mediaId: download.mediaId,
      ...(download.episodeIds[0] ? { episodeId: download.episodeIds[0] } : {}),
      quality: download.quality,
      data: {
        downloadClient: "SABnzbd",
        downloadClientName: "SABnzbd",
        message,
        releaseGroup: releaseGroup(download.title),
        size: String(download.sizeBytes),
        ...(download.app === "radarr" ? { indexer: download.indexer } : {}),
      },
    });
    this.touchHistory();
  }

  importDownload(download: Download): void {
    download.state = "imported";
    download.leftBytes = 0;
    download.completedAt = Date.now();
    if (download.app === "sonarr") {
      const series = this.series.find((s) => s.id === download.mediaId);
      for (const id of download.episodeIds) {
        series?.files.set(id, download.quality);
        if (series) this.addPlexEpisode(series, id, download.plexNotNotified);
      }
    } else {
      const movie = this.movies.find((m) => m.id === download.mediaId);
      if (movie) {
        movie.file = download.quality;
        this.addPlexMovie(movie.meta, Date.now(), download.plexNotNotified);
      }
    }
    this.addHistory({
      app: download.app,
      eventType: "downloadFolderImported",
      date: Date.now(),
      sourceTitle: download.title,
      downloadId: download.nzoId,
      mediaId: download.mediaId,
      ...(download.episodeIds[0] ? { episodeId: download.episodeIds[0] } : {}),
      quality: download.quality,
      data: { downloadClient: "SABnzbd", downloadClientName: "SABnzbd", releaseGroup: releaseGroup(download.title), size: String(download.sizeBytes) },
    });
    this.touchHistory();
  }

  /** Plex scanned a section (GET /library/sections/{key}/refresh): the files waiting for it join the library. */
  scanPlexSection(sectionKey: number): void {
    const found = this.plexPending.filter((i) => i.sectionKey === sectionKey);
    this.plexPending = this.plexPending.filter((i) => i.sectionKey !== sectionKey);
    const now = Math.floor(Date.now() / 1000);
    for (const item of found) if (!this.plexItems.some((i) => i.guid === item.guid)) this.plexItems.push({ ...item, addedAt: now });
  }

  addPlexMovie(meta: MovieMeta, addedAt = Date.now(), pending = false): void {
    if ([...this.plexItems, ...this.plexPending].some((i) => i.guid === `plex://movie/tmdb-${meta.tmdbId}`)) return;
    (pending ? this.plexPending : this.plexItems).push({
      ratingKey: this.next("plex"),
      sectionKey: 1,
      type: "movie",
      title: meta.title,
      year: meta.year,
      guid: `plex://movie/tmdb-${meta.tmdbId}`,
      guids: [`imdb://${meta.imdbId}`, `tmdb://${meta.tmdbId}`],
      addedAt: Math.floor(addedAt / 1000),
      file: `/data/media/movies/${meta.title} (${meta.year})/${meta.title} (${meta.year}).mkv`,
    });
  }

  addPlexShow(meta: SeriesMeta, addedAt = Date.now(), pending = false): void {
    if ([...this.plexItems, ...this.plexPending].some((i) => i.type === "show" && i.guid === `plex://show/tvdb-${meta.tvdbId}`)) return;
    (pending ? this.plexPending : this.plexItems).push({
      ratingKey: this.next("plex"),
      sectionKey: 2,
      type: "show",
      title: meta.title,
      year: meta.year,
      guid: `plex://show/tvdb-${meta.tvdbId}`,
      guids: [`imdb://${meta.imdbId}`, `tvdb://${meta.tvdbId}`],
      addedAt: Math.floor(addedAt / 1000),
    });
  }

  addPlexEpisode(series: SeriesEntry, id: number, pending = false): void {
    this.addPlexShow(series.meta, Date.now(), pending);
    const { season, episode } = splitEpisodeId(id);
    const code = `S${pad(season)}E${pad(episode)}`;
    (pending ? this.plexPending : this.plexItems).push({
      ratingKey: this.next("plex"),
      sectionKey: 2,
      type: "episode",
      title: `Episode ${episode}`,
      year: series.meta.year + season - 1,
      guid: `plex://episode/tvdb-${series.meta.tvdbId}-${code}`,
      guids: [`tvdb://${series.meta.tvdbId}/${season}/${episode}`],
      addedAt: Math.floor(Date.now() / 1000),
      showTitle: series.meta.title,
      seasonNumber: season,
      episodeNumber: episode,
      file: `${series.path}/Season ${pad(season)}/${series.meta.title} - ${code}.mkv`,
    });
  }
}

export interface SimKeys {
  sabnzbd: string;
  sabnzbdNzb: string;
  sonarr: string;
  radarr: string;
  plex: string;
  prowlarr: string;
}
export interface SimPorts {
  sabnzbd: number;
  sonarr: number;
  radarr: number;
  plex: number;
  prowlarr: number;
}

export const pad = (n: number) => String(n).padStart(2, "0");
export const releaseGroup = (title: string) => title.split("-").pop() ?? "";

/** Servarr's queue ids (a hash of client, download and episode ids): see arr/arr-queue-id.ts. */
export { queueIdOf, queueIdsOf };
