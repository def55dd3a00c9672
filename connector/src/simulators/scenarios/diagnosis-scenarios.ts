// "Why didn't it arrive?" scenarios: each call adds a fresh episode or movie broken at exactly one link of the chain
// the diagnosis walks (interfaces: POST /__sim/diagnosis-scenario), healthy at every link before it. The fixes the
// diagnosis offers move it on through the simulators' ordinary behaviour (search, monitor, blocklist removal, SABnzbd
// retry, Plex refresh, Prowlarr indexer enable).
import type { TraceTarget } from "@autoarr/contract";
import { z } from "zod";
import { episodeRelease, grabEpisode, grabMovie, indexersOf, movieRelease, prowlarrIndexerName } from "../releases.js";
import { episodesOf, NOT_COMPLETE } from "../seed.js";
import { QUALITIES, type ArrApp, type Download, type MovieEntry, type World } from "../world.js";
import { addMovie, episodeLabel, freshMovies, freshSeries, movieLabel, scenarioEpisode, type EpisodeTarget } from "./scenario-items.js";

/** Scenario → the first broken step its diagnosis must name (interfaces.md, "Simulator scenarios"). */
export const SCENARIO_STEPS = {
  "never-added": "known",
  unmonitored: "monitored",
  "not-aired": "wanted",
  "never-searched": "searched",
  "all-rejected": "releases",
  blocklisted: "releases",
  "indexers-down": "indexers",
  "download-failed": "download",
  "download-stalled": "download",
  "import-blocked": "import",
  "not-in-plex": "plex-refresh",
} as const;
export type ScenarioName = keyof typeof SCENARIO_STEPS;
export const SCENARIO_NAMES = Object.keys(SCENARIO_STEPS) as [ScenarioName, ...ScenarioName[]];

/** The app each scenario uses unless the request names one (spread so the catalogue's fresh titles last). */
const DEFAULT_APP: Record<ScenarioName, ArrApp> = {
  "never-added": "radarr",
  unmonitored: "sonarr",
  "not-aired": "sonarr",
  "never-searched": "radarr",
  "all-rejected": "sonarr",
  blocklisted: "radarr",
  "indexers-down": "sonarr",
  "download-failed": "sonarr",
  "download-stalled": "radarr",
  "import-blocked": "sonarr",
  "not-in-plex": "radarr",
};

export const scenarioRequestSchema = z.strictObject({
  scenario: z.enum(SCENARIO_NAMES),
  app: z.enum(["sonarr", "radarr"]).optional().describe("Sonarr or Radarr; not-aired is Sonarr only"),
  downloadId: z
    .string()
    .regex(/^SABnzbd_nzo_\w+$/)
    .optional()
    .describe("A job in a real SABnzbd: the scenario's grab names it, so a connector reading that SABnzbd finds the job there"),
});

export interface ScenarioResult {
  scenario: ScenarioName;
  target: TraceTarget;
  title: string;
  expectedStep: (typeof SCENARIO_STEPS)[ScenarioName];
}

export class ScenarioUnavailable extends Error {}

const HOUR = 3_600_000;

type Item = { app: "sonarr"; episode: EpisodeTarget } | { app: "radarr"; movie: MovieEntry };

function freshItem(world: World, app: ArrApp): Item {
  if (app === "sonarr") {
    const episode = scenarioEpisode(world);
    if (!episode) throw new ScenarioUnavailable("no series left in the catalogue for a fresh episode; reset the world");
    return { app, episode };
  }
  const meta = freshMovies(world)[0];
  if (!meta) throw new ScenarioUnavailable("no movie left in the catalogue that is not in Radarr; reset the world");
  return { app, movie: addMovie(world, meta) };
}

const targetOf = (item: Item): ScenarioResult["target"] =>
  item.app === "sonarr"
    ? { app: "sonarr", seriesId: item.episode.series.id, seasonNumber: item.episode.episode.season, episodeNumber: item.episode.episode.episode }
    : { app: "radarr", movieId: item.movie.id };
const titleOf = (item: Item) => (item.app === "sonarr" ? episodeLabel(item.episode) : movieLabel(item.movie));

/** The last search reached the indexers (ReleaseSearchService.Dispatch sets LastSearchTime). */
function searched(item: Item, at: number): void {
  if (item.app === "sonarr") item.episode.series.lastSearchTime.set(item.episode.episode.id, at);
  else item.movie.lastSearchTime = at;
}

/** What the indexers offer for this item from now on (releases.ts offersFor). */
function offer(world: World, item: Item, offers: { quality: (typeof QUALITIES)[keyof typeof QUALITIES]; group: number }[]): void {
  world.offers.set(item.app === "sonarr" ? `sonarr:${item.episode.episode.id}` : `radarr:${item.movie.id}`, offers);
}

function grab(world: World, item: Item, options: Parameters<typeof grabMovie>[2]): Download {
  const download =
    item.app === "sonarr"
      ? grabEpisode(world, item.episode.series, item.episode.episode.season, item.episode.episode.episode, options)
      : grabMovie(world, item.movie, options);
  if (!download) throw new ScenarioUnavailable("no release left to grab for the scenario's item");
  searched(item, download.added);
  return download;
}

/** Sonarr/Radarr CompletedDownloadService.Import: the grab-history match by id that blocks an automatic import. */
const MATCHED_BY_ID: Record<ArrApp, string> = {
  sonarr: "Found matching series via grab history, but release was matched to series by ID. Automatic import is not possible. See the FAQ for details.",
  radarr: "Found matching movie via grab history, but release was matched to movie by ID. Manual Import required.",
};

const BUILD: Record<Exclude<ScenarioName, "never-added">, (world: World, item: Item) => void> = {
  // Sonarr: the episode's own flag (series and season stay monitored); Radarr: the movie.
  unmonitored: (_world, item) => {
    if (item.app === "sonarr") item.episode.series.unmonitoredEpisodes.add(item.episode.episode.id);
    else item.movie.monitored = false;
  },
  // scenarioEpisode({future: true}) already picked an episode that airs next week.
  "not-aired": () => {},
  "never-searched": () => {},
  // HD-1080p allows no 2160p; the indexers have the item only in 2160p.
  "all-rejected": (world, item) => {
    searched(item, Date.now() - 2 * HOUR);
    offer(world, item, [
      { quality: QUALITIES.web2160, group: 0 },
      { quality: QUALITIES.web2160, group: 1 },
    ]);
  },
  // One release exists and it is on the blocklist. Only the entry is made: the earlier grab and failure that put it
  // there would be history at a later link, and a scenario is broken at one link only.
  blocklisted: (world, item) => {
    const quality = item.app === "sonarr" ? QUALITIES.web1080 : QUALITIES.bluray1080;
    offer(world, item, [{ quality, group: 0 }]);
    searched(item, Date.now() - 2 * HOUR);
    const sourceTitle =
      item.app === "sonarr"
        ? episodeRelease(item.episode.series, item.episode.episode.season, item.episode.episode.episode, 0, quality)
        : movieRelease(item.movie, 0, quality);
    world.blocklist.push({
      id: world.next("blocklist"),
      app: item.app,
      mediaId: item.app === "sonarr" ? item.episode.series.id : item.movie.id,
      episodeIds: item.app === "sonarr" ? [item.episode.episode.id] : [],
      sourceTitle,
      quality,
      date: Date.now() - 25 * HOUR,
      indexer: indexersOf(world, item.app)[0]!.name,
      message: NOT_COMPLETE,
    });
  },
  // Every indexer backed off after failures (escalation level 6: an hour, ProviderStatusServiceBase / EscalationBackOff).
  "indexers-down": (world, item) => {
    searched(item, Date.now() - 2 * 86_400_000);
    const now = Date.now();
    // The *arr indexers are Prowlarr's, synced: every enabled one of Prowlarr's fails with them.
    const names = new Set([
      ...indexersOf(world, item.app).map((i) => prowlarrIndexerName(i.name)),
      ...world.prowlarr.indexers.filter((i) => i.enable).map((i) => i.name),
    ]);
    for (const name of names) {
      world.indexerFailures.set(name, {
        initialFailure: now - 2 * HOUR,
        mostRecentFailure: now - 10 * 60_000,
        escalationLevel: 6,
        disabledTill: now + 50 * 60_000,
      });
    }
  },
  "download-failed": (world, item) => {
    const download = grab(world, item, { state: "failed", percentDone: 61, ageMs: 3 * HOUR, failMessage: NOT_COMPLETE });
    world.failDownload(download, NOT_COMPLETE);
  },
  // In SABnzbd's queue, not moving (stays at 12% however often it is ticked).
  "download-stalled": (world, item) => {
    grab(world, item, { state: "stalled", percentDone: 12, ageMs: 5 * HOUR });
  },
  "import-blocked": (world, item) => {
    const download = grab(world, item, { state: "importBlocked", percentDone: 100, ageMs: 7 * HOUR });
    download.importMessage = MATCHED_BY_ID[item.app];
  },
  // Imported (file on disk, downloadFolderImported) without Plex being told: it waits for the section's next scan.
  "not-in-plex": (world, item) => {
    const download = grab(world, item, { percentDone: 100, ageMs: HOUR });
    download.plexNotNotified = true;
    world.importDownload(download);
  },
};

/** Builds one scenario in the world; ScenarioUnavailable when the catalogue has no fresh item left for it. */
export function createScenario(world: World, scenario: ScenarioName, requestedApp?: ArrApp): ScenarioResult {
  const app = requestedApp ?? DEFAULT_APP[scenario];
  const expectedStep = SCENARIO_STEPS[scenario];
  if (scenario === "never-added") {
    // A real title the lookup finds that is not in the library, asked for by title.
    const meta = app === "radarr" ? freshMovies(world)[0] : freshSeries(world)[0];
    if (!meta) throw new ScenarioUnavailable(`no ${app === "radarr" ? "movie" : "series"} left in the catalogue that is not in the library`);
    return { scenario, target: { app, title: meta.title, year: meta.year }, title: `${meta.title} (${meta.year})`, expectedStep };
  }
  if (scenario === "not-aired") {
    if (app !== "sonarr") throw new ScenarioUnavailable("not-aired is an episode scenario (Sonarr)");
    const episode = scenarioEpisode(world, { future: true });
    if (!episode) throw new ScenarioUnavailable("no continuing series left with an episode still to air; reset the world");
    const item: Item = { app, episode };
    return { scenario, target: targetOf(item), title: titleOf(item), expectedStep };
  }
  const item = freshItem(world, app);
  BUILD[scenario](world, item);
  world.touchHistory();
  return { scenario, target: targetOf(item), title: titleOf(item), expectedStep };
}

/**
 * The demo's items that never arrived, one per reason. The seed's library already holds most of them (a failed, a
 * stalled and an import-blocked download, missing items never searched); the rest are made from seeded missing items
 * with the same BUILD functions, so the demo's counts (queue, wanted, Plex) stay what the other tests expect. No
 * indexers-down: it would stop every search in the demo.
 */
export function seedDiagnosisScenarios(world: World): void {
  const episode = (tvdbId: number, season: number, number: number): Item | undefined => {
    const series = world.series.find((s) => s.meta.tvdbId === tvdbId);
    const info = series ? episodesOf(series).find((e) => e.season === season && e.episode === number) : undefined;
    return series && info ? { app: "sonarr", episode: { series, episode: info } } : undefined;
  };
  const movie = (tmdbId: number): Item | undefined => {
    const entry = world.movies.find((m) => m.meta.tmdbId === tmdbId);
    return entry ? { app: "radarr", movie: entry } : undefined;
  };
  const seeds: [Exclude<ScenarioName, "never-added">, Item | undefined][] = [
    ["unmonitored", episode(73244, 9, 25)],
    ["all-rejected", episode(403245, 3, 9)],
    ["blocklisted", episode(392256, 2, 5)],
    ["never-searched", episode(392256, 2, 4)],
    ["download-failed", episode(392256, 2, 3)],
    ["download-stalled", episode(371980, 2, 10)],
    ["import-blocked", movie(361743)],
    ["not-in-plex", episode(73244, 9, 24)],
  ];
  for (const [scenario, item] of seeds) {
    if (!item) continue;
    // The seed made the download scenarios' downloads already (seed.ts seedDownloads).
    if (scenario !== "download-failed" && scenario !== "download-stalled" && scenario !== "import-blocked") BUILD[scenario](world, item);
    if (item.app === "sonarr") world.scenarioLedger.taken.add(item.episode.episode.id);
    world.seededScenarios.push({ scenario, target: targetOf(item), title: titleOf(item), expectedStep: SCENARIO_STEPS[scenario] });
  }
}
