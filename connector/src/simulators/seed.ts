// The demo world's starting state: what is in each library, what is downloading, stalled, failed or blocked.
import { grabEpisode, grabMovie } from "./releases.js";
import { seedDiagnosisScenarios } from "./scenarios/diagnosis-scenarios.js";
import { episodeId, QUALITIES, type MovieEntry, type QualityRef, type SeriesEntry, type World } from "./world.js";

const DAY = 86_400_000;
export const NOT_COMPLETE = "Aborted, cannot be completed - https://sabnzbd.org/not-complete";

export interface EpisodeInfo {
  id: number;
  season: number;
  episode: number;
  airDate: number;
}

/** Weekly episodes from the series' first year; a continuing series' latest season is still airing. */
export function episodesOf(series: SeriesEntry): EpisodeInfo[] {
  const list: EpisodeInfo[] = [];
  const seasons = series.meta.seasons;
  seasons.forEach((count, index) => {
    const season = index + 1;
    const airing = series.meta.status === "continuing" && season === seasons.length;
    // An airing season's second-to-last episode aired half a day ago and its last airs in six and a half days: never
    // "now", where every reading of the clock would tip it between aired and not yet.
    const start = airing ? Date.now() - (count - 2) * 7 * DAY - DAY / 2 : Date.UTC(series.meta.year + index, 0, 10, 2, 0, 0);
    for (let episode = 1; episode <= count; episode++)
      list.push({ id: episodeId(series.id, season, episode), season, episode, airDate: start + (episode - 1) * 7 * DAY });
  });
  return list;
}

interface SeriesSeed {
  tvdbId: number;
  missing?: [number, number][];
  quality?: QualityRef;
  inPlex?: boolean;
  profile?: number;
}
interface MovieSeed {
  tmdbId: number;
  file?: QualityRef | null;
  inPlex?: boolean;
  profile?: number;
}

const SERIES_LIBRARY: SeriesSeed[] = [
  { tvdbId: 81189 },
  { tvdbId: 273181 },
  {
    tvdbId: 73244,
    missing: [
      [9, 20],
      [9, 21],
      [9, 22],
      [9, 23],
      [9, 24],
      [9, 25],
    ],
  },
  { tvdbId: 121361, quality: QUALITIES.hdtv720 },
  {
    tvdbId: 305288,
    missing: [
      [4, 8],
      [4, 9],
    ],
  },
  {
    tvdbId: 371980,
    missing: [
      [2, 9],
      [2, 10],
    ],
  },
  {
    tvdbId: 392256,
    missing: [
      [2, 3],
      [2, 4],
      [2, 5],
    ],
  },
  { tvdbId: 333072 },
  { tvdbId: 360893, inPlex: false },
  { tvdbId: 403245, missing: [[3, 9]] },
  { tvdbId: 393189 },
  { tvdbId: 383203 },
  { tvdbId: 334824, inPlex: false },
  { tvdbId: 371028 },
];

const MOVIE_LIBRARY: MovieSeed[] = [
  { tmdbId: 438631 },
  { tmdbId: 603 },
  { tmdbId: 27205 },
  { tmdbId: 157336, file: QUALITIES.web720 },
  { tmdbId: 155 },
  { tmdbId: 335984 },
  { tmdbId: 329865, inPlex: false },
  { tmdbId: 496243 },
  { tmdbId: 872585, file: null },
  { tmdbId: 545611 },
  { tmdbId: 76341, file: null },
  { tmdbId: 129 },
  { tmdbId: 348 },
  { tmdbId: 361743, file: null },
  { tmdbId: 792307, file: null },
  { tmdbId: 666277, file: null },
];

export function rootFolders(world: World) {
  const good = world.profile === "well-configured";
  return { tv: good ? "/data/media/tv" : "/tv", movies: good ? "/data/media/movies" : "/movies" };
}

export function seedWorld(world: World): void {
  const roots = rootFolders(world);
  const longAgo = Date.now() - 400 * DAY;
  for (const seed of SERIES_LIBRARY) {
    const meta = world.seriesMeta(seed.tvdbId);
    if (!meta) continue;
    const entry: SeriesEntry = {
      id: world.next("series"),
      meta,
      path: `${roots.tv}/${meta.title}`,
      qualityProfileId: seed.profile ?? 4,
      monitored: true,
      seasonFolder: true,
      seriesType: "standard",
      added: longAgo,
      files: new Map(),
      unmonitoredSeasons: new Set(),
      unmonitoredEpisodes: new Set(),
      lastSearchTime: new Map(),
    };
    const missing = new Set((seed.missing ?? []).map(([s, e]) => episodeId(entry.id, s, e)));
    for (const episode of episodesOf(entry)) {
      if (episode.airDate < Date.now() && !missing.has(episode.id)) entry.files.set(episode.id, seed.quality ?? QUALITIES.web1080);
    }
    world.series.push(entry);
    if (seed.inPlex !== false) world.addPlexShow(meta, longAgo);
  }
  for (const seed of MOVIE_LIBRARY) {
    const meta = world.movieMeta(seed.tmdbId);
    if (!meta) continue;
    const entry: MovieEntry = {
      id: world.next("movie"),
      meta,
      path: `${roots.movies}/${meta.title.replace(/:/g, "")} (${meta.year})`,
      qualityProfileId: seed.profile ?? 4,
      monitored: true,
      minimumAvailability: "released",
      added: longAgo,
      ...(seed.file === null ? {} : { file: seed.file ?? QUALITIES.bluray1080 }),
    };
    world.movies.push(entry);
    if (entry.file && seed.inPlex !== false) world.addPlexMovie(meta, longAgo);
  }
  seedDownloads(world);
  seedSabArchive(world);
  // The demo's items that never arrived, one per reason, for "Why isn't it here?" (GET /__sim/diagnosis-scenarios).
  if (world.profile === "demo") seedDiagnosisScenarios(world);
}

function seedDownloads(world: World): void {
  const series = (tvdbId: number) => world.series.find((s) => s.meta.tvdbId === tvdbId)!;
  const movie = (tmdbId: number) => world.movies.find((m) => m.meta.tmdbId === tmdbId)!;

  grabEpisode(world, series(305288), 4, 8, { percentDone: 45, ageMs: 20 * 60_000 });
  // Stalled: stays at 12% no matter how often it is polled or ticked.
  grabEpisode(world, series(371980), 2, 10, { state: "stalled", percentDone: 12, ageMs: 5 * 3_600_000 });
  const blocked = grabEpisode(world, series(371980), 2, 9, { state: "importBlocked", percentDone: 100, ageMs: 7 * 3_600_000 });
  if (blocked) blocked.importMessage = `No files found are eligible for import in ${completeDir(world)}/tv/${blocked.title}`;
  const failed = grabEpisode(world, series(392256), 2, 3, { state: "failed", percentDone: 61, ageMs: 3 * 3_600_000, failMessage: NOT_COMPLETE });
  if (failed) world.failDownload(failed, NOT_COMPLETE);

  grabMovie(world, movie(872585), { percentDone: 70, ageMs: 30 * 60_000 });
  grabMovie(world, movie(792307), { state: "queued", percentDone: 0, ageMs: 2 * 60_000 });
  const failedMovie = grabMovie(world, movie(76341), { state: "failed", percentDone: 83, ageMs: 2 * 3_600_000, failMessage: NOT_COMPLETE });
  if (failedMovie) world.failDownload(failedMovie, NOT_COMPLETE);
  const blockedMovie = grabMovie(world, movie(361743), { state: "importBlocked", percentDone: 100, ageMs: 9 * 3_600_000 });
  if (blockedMovie) blockedMovie.importMessage = `No files found are eligible for import in ${completeDir(world)}/movies/${blockedMovie.title}`;

  world.blocklist.push({
    id: world.next("blocklist"),
    app: "sonarr",
    mediaId: series(403245).id,
    episodeIds: [episodeId(series(403245).id, 3, 8)],
    sourceTitle: "The.Bear.S03E08.1080p.WEB.H264-SUCCESSORS",
    quality: QUALITIES.web1080,
    date: Date.now() - 3 * DAY,
    indexer: "DrunkenSlug (Prowlarr)",
    message: "Unpacking failed, archive requires a password",
  });
}

export function completeDir(world: World): string {
  return world.profile === "well-configured" ? "/data/usenet/complete" : "/downloads/complete";
}

function seedSabArchive(world: World): void {
  const done = (name: string, category: string, bytes: number, ageDays: number) => ({
    name,
    category,
    bytes,
    completed: Math.floor((Date.now() - ageDays * DAY) / 1000),
    nzoId: world.newNzoId(),
  });
  world.sabArchive = [
    done("Breaking.Bad.S05E16.1080p.BluRay.x264-ROVERS", "tv", 2_436_906_376, 2),
    done("Dune.2021.1080p.BluRay.x264-SPARKS", "movies", 11_811_160_064, 5),
    done("Andor.S02E12.1080p.WEB-DL.DDP5.1.H.264-FLUX", "tv", 1_503_238_553, 6),
  ];
}
