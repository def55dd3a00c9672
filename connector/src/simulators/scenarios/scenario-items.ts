// Fresh library items for the diagnosis scenarios: a series or movie from the catalogue that is not in the library yet,
// added the way a person would have added it, healthy (monitored, every aired episode on disk, the show in Plex) except for the
// one link a scenario then breaks. When the catalogue runs out, Sonarr scenarios take another episode of a series an
// earlier scenario added, so they never touch the seeded library.
import { MOVIES, type MovieMeta } from "../data/movies.js";
import { SERIES, type SeriesMeta } from "../data/series.js";
import { episodesOf, rootFolders, type EpisodeInfo } from "../seed.js";
import { episodeId, pad, QUALITIES, type MovieEntry, type SeriesEntry, type World } from "../world.js";

/** HD-1080p, the default profile (arr-static.ts): allows WEBDL/Bluray/HDTV-1080p, not 2160p. */
export const DEFAULT_PROFILE_ID = 4;

export const freshMovies = (world: World): MovieMeta[] => MOVIES.filter((m) => !world.movies.some((x) => x.meta.tmdbId === m.tmdbId));
export const freshSeries = (world: World): SeriesMeta[] => SERIES.filter((s) => !world.series.some((x) => x.meta.tvdbId === s.tvdbId));

export function addMovie(world: World, meta: MovieMeta): MovieEntry {
  const entry: MovieEntry = {
    id: world.next("movie"),
    meta,
    path: `${rootFolders(world).movies}/${meta.title.replace(/:/g, "")} (${meta.year})`,
    qualityProfileId: DEFAULT_PROFILE_ID,
    monitored: true,
    minimumAvailability: "released",
    added: Date.now() - 3 * 86_400_000,
  };
  world.movies.push(entry);
  return entry;
}

export interface EpisodeTarget {
  series: SeriesEntry;
  episode: EpisodeInfo;
}

/** Adds a series with a file for every episode aired so far; Plex has the show (as the seed's library, no episode items). */
function addSeries(world: World, meta: SeriesMeta): SeriesEntry {
  const entry: SeriesEntry = {
    id: world.next("series"),
    meta,
    path: `${rootFolders(world).tv}/${meta.title}`,
    qualityProfileId: DEFAULT_PROFILE_ID,
    monitored: true,
    seasonFolder: true,
    seriesType: "standard",
    added: Date.now() - 30 * 86_400_000,
    files: new Map(),
    unmonitoredSeasons: new Set(),
    unmonitoredEpisodes: new Set(),
    lastSearchTime: new Map(),
  };
  world.series.push(entry);
  world.addPlexShow(meta, entry.added);
  for (const episode of episodesOf(entry)) {
    if (episode.airDate > Date.now()) continue;
    entry.files.set(episode.id, QUALITIES.web1080);
  }
  world.scenarioLedger.series.add(entry.id);
  return entry;
}

/** Takes the episode's file (and Plex item) away: it becomes an episode that never arrived. */
function withoutFile(world: World, series: SeriesEntry, episode: EpisodeInfo): void {
  series.files.delete(episode.id);
  const guid = `plex://episode/tvdb-${series.meta.tvdbId}-S${pad(episode.season)}E${pad(episode.episode)}`;
  world.plexItems = world.plexItems.filter((i) => i.guid !== guid);
}

/**
 * An episode for a scenario: an aired one without its file, or (future) one that has not aired. A fresh series when
 * the catalogue has one (continuing ones kept for `future`), else another episode of a scenario-added series whose
 * series, seasons and profile no earlier scenario changed.
 */
export function scenarioEpisode(world: World, options: { future?: boolean } = {}): EpisodeTarget | undefined {
  const ledger = world.scenarioLedger;
  const pickEpisode = (series: SeriesEntry): EpisodeInfo | undefined => {
    const candidates = episodesOf(series).filter(
      (e) => !ledger.taken.has(e.id) && (options.future ? e.airDate > Date.now() + 86_400_000 : series.files.has(e.id) && e.airDate < Date.now() - 86_400_000),
    );
    return candidates[candidates.length - 1];
  };
  const fresh = freshSeries(world);
  const continuing = fresh.filter((s) => s.status === "continuing");
  const meta = options.future ? continuing[0] : (fresh.find((s) => s.status === "ended") ?? fresh[0]);
  let target: EpisodeTarget | undefined;
  if (meta) {
    const series = addSeries(world, meta);
    const episode = pickEpisode(series);
    if (episode) target = { series, episode };
  }
  if (!target) {
    for (const series of world.series.filter((s) => ledger.series.has(s.id))) {
      const untouched = series.monitored && series.unmonitoredSeasons.size === 0 && series.qualityProfileId === DEFAULT_PROFILE_ID;
      const episode = untouched ? pickEpisode(series) : undefined;
      if (episode) {
        target = { series, episode };
        break;
      }
    }
  }
  if (!target) return undefined;
  ledger.taken.add(target.episode.id);
  if (!options.future) withoutFile(world, target.series, target.episode);
  return target;
}

export const episodeLabel = (t: EpisodeTarget) => `${t.series.meta.title} S${pad(t.episode.season)}E${pad(t.episode.episode)}`;
export const movieLabel = (m: MovieEntry | MovieMeta) => {
  const meta = "meta" in m ? m.meta : m;
  return `${meta.title} (${meta.year})`;
};
export { episodeId };
