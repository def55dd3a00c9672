// The media half of the Servarr simulators: Sonarr's series/episodes and Radarr's movies (list, lookup, add, wanted).
import { MOVIES } from "../data/movies.js";
import { SERIES } from "../data/series.js";
import { grabEpisode, searchEpisodes, searchMovies } from "../releases.js";
import { episodesOf, rootFolders } from "../seed.js";
import type { SimResponse } from "../sim-server.js";
import type { SeriesEntry, World } from "../world.js";
import { created, modelNotFound, okJson, paged, resourceNotFound, validationFailures, type ValidationError } from "./arr-errors.js";
import { qualityProfiles } from "./arr-static.js";
import { episodeResource, movieResource, seriesResource } from "./arr-resources.js";

type Body = Record<string, unknown>;

export interface MediaHandlers {
  list(query: URLSearchParams): SimResponse;
  get(id: number): SimResponse;
  lookup(term: string): SimResponse;
  lookupById?(kind: "tmdb" | "imdb", id: string): SimResponse;
  add(body: Body): SimResponse;
  /** PUT /series/{id} or /movie/{id}: saves the editable fields of a library item. */
  update(id: number, body: Body): SimResponse;
  wanted(list: "missing" | "cutoff", query: URLSearchParams): SimResponse;
  /** Runs a search command's effect; returns how many releases were grabbed. */
  search(name: string, body: Body): number;
  /** The search a blocklist-and-redownload triggers. */
  redownload(mediaId: number, episodeIds: number[]): { name: string; body: Body };
}

const matches = (title: string, term: string) => {
  const words = term
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  const haystack = title.toLowerCase().replace(/[^a-z0-9 ]/g, " ");
  return words.length > 0 && words.every((w) => haystack.includes(w));
};
/**
 * PUT /series/{id} or /movie/{id}: checks what both apps' validators check, saves the editable fields (`more` adds the
 * app's own) and answers as Servarr does, 202 Accepted with the saved resource.
 */
function saveEdit<E extends { qualityProfileId: number; monitored: boolean }>(
  app: "sonarr" | "radarr",
  id: number,
  entry: E | undefined,
  body: Body,
  more: (entry: E) => void,
  present: (entry: E) => unknown,
): SimResponse {
  // RestController.ValidateResource runs before the action: SharedValidator (QualityProfileId valid and existing), then
  // PutValidator (Path NotEmpty). Only then does UpdateSeries/UpdateMovie load the item, whose absence is a
  // ModelNotFoundException through the error pipeline.
  const errors: ValidationError[] = [];
  const profileId = Number(body.qualityProfileId ?? 0);
  if (!(profileId > 0)) errors.push(GREATER_THAN_0("QualityProfileId", "Quality Profile Id", body.qualityProfileId));
  else if (!qualityProfiles(app).some((p) => p.id === profileId))
    errors.push({
      propertyName: "QualityProfileId",
      errorMessage: "Quality Profile does not exist",
      attemptedValue: profileId,
      errorCode: "QualityProfileExistsValidator",
    });
  if (!text(body.path)) errors.push(NOT_EMPTY("Path", "Path", body.path));
  if (errors.length > 0) return validationFailures(errors);
  if (!entry) return modelNotFound(app === "sonarr" ? "Series" : "Movie", id);
  entry.qualityProfileId = profileId;
  if (typeof body.monitored === "boolean") entry.monitored = body.monitored;
  more(entry);
  return { status: 202, json: present(entry) };
}

const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");
const GREATER_THAN_0 = (property: string, label: string, value: unknown): ValidationError => ({
  propertyName: property,
  errorMessage: `'${label}' must be greater than '0'.`,
  attemptedValue: value ?? 0,
  errorCode: "GreaterThanValidator",
});
const NOT_EMPTY = (property: string, label: string, value: unknown): ValidationError => ({
  propertyName: property,
  errorMessage: `'${label}' must not be empty.`,
  attemptedValue: value ?? null,
  errorCode: "NotEmptyValidator",
});

/**
 * The rules SeriesController and MovieController share for POST (constructor: SharedValidator, then PostValidator), in
 * the order RestController.ValidateResource collects them; `identity` adds each app's own title/id rules.
 */
function addRules(app: "sonarr" | "radarr", world: World, body: Body, identity: () => ValidationError[]): ValidationError[] {
  const errors: ValidationError[] = [];
  const profileId = Number(body.qualityProfileId ?? 0);
  // SharedValidator.RuleFor(QualityProfileId).Cascade(Stop).ValidId().SetValidator(qualityProfileExistsValidator)
  if (!(profileId > 0)) errors.push(GREATER_THAN_0("QualityProfileId", "Quality Profile Id", body.qualityProfileId));
  else if (!qualityProfiles(app).some((p) => p.id === profileId))
    errors.push({
      propertyName: "QualityProfileId",
      errorMessage: "Quality Profile does not exist",
      attemptedValue: profileId,
      errorCode: "QualityProfileExistsValidator",
    });
  const path = text(body.path);
  const root = text(body.rootFolderPath);
  // PostValidator: Path NotEmpty when RootFolderPath is empty; RootFolderPath NotEmpty + RootFolderExistsValidator when Path is empty.
  if (!root && !path) errors.push(NOT_EMPTY("Path", "Path", body.path), NOT_EMPTY("RootFolderPath", "Root Folder Path", body.rootFolderPath));
  const known = app === "sonarr" ? rootFolders(world).tv : rootFolders(world).movies;
  if (root && !path && root.replace(/\/$/, "") !== known) {
    errors.push({
      propertyName: "RootFolderPath",
      errorMessage: `Root folder '${root}' does not exist`,
      attemptedValue: root,
      errorCode: "RootFolderExistsValidator",
    });
  }
  return [...errors, ...identity()];
}

/** The season numbers a resource's seasons[] marks unmonitored. */
const seasonsOff = (seasons: unknown): number[] =>
  Array.isArray(seasons)
    ? seasons.filter((x): x is Body => typeof x === "object" && x !== null && x.monitored === false).map((x) => Number(x.seasonNumber))
    : [];

type NewSeries = Pick<SeriesEntry, "meta" | "files" | "unmonitoredSeasons" | "unmonitoredEpisodes">;

/**
 * addOptions.monitor on POST /series, as EpisodeMonitoredService.SetEpisodeMonitoredStatus (src/NzbDrone.Core/Tv)
 * applies it: which episodes are monitored (never specials), then each season is monitored when it has a monitored
 * episode — and the last season always for "all", or for "future" on a continuing series. Returns false for no or an
 * unknown option ("unknown", "skip"): the seasons' flags as sent decide then.
 */
function applyMonitorOption(series: NewSeries, monitor: unknown): boolean {
  const episodes = episodesOf(series as SeriesEntry);
  const seasons = [...new Set(episodes.map((e) => e.season))];
  const firstSeason = Math.min(...seasons.filter((n) => n > 0));
  const lastSeason = Math.max(...seasons);
  const now = Date.now();
  const rules: Record<string, (e: (typeof episodes)[number]) => boolean> = {
    all: () => true,
    future: (e) => e.airDate >= now,
    missing: (e) => !series.files.has(e.id),
    existing: (e) => series.files.has(e.id),
    pilot: (e) => e.season === firstSeason && e.episode === 1,
    firstSeason: (e) => e.season === firstSeason,
    lastSeason: (e) => e.season === lastSeason,
    latestSeason: (e) => e.season === lastSeason,
    none: () => false,
  };
  const rule = typeof monitor === "string" ? rules[monitor] : undefined;
  if (!rule) return false;
  const monitored = new Set(episodes.filter((e) => e.season > 0 && rule(e)).map((e) => e.id));
  series.unmonitoredEpisodes = new Set(episodes.filter((e) => !monitored.has(e.id)).map((e) => e.id));
  const continuing = series.meta.status === "continuing";
  const seasonMonitored = (n: number) =>
    (n > 0 && n === lastSeason && (monitor === "all" || (monitor === "future" && continuing))) ||
    (monitor !== "pilot" || n !== firstSeason ? episodes.some((e) => e.season === n && monitored.has(e.id)) : false);
  series.unmonitoredSeasons = new Set(seasons.filter((n) => !seasonMonitored(n)));
  return true;
}

/**
 * PUT /series/{id} with seasons[]: SeriesService.UpdateSeries (src/NzbDrone.Core/Tv/SeriesService.cs) sets every episode
 * of a season whose monitored flag changed to that flag (EpisodeService.SetEpisodeMonitoredBySeason).
 */
function applySeasons(series: SeriesEntry, seasons: unknown): void {
  if (!Array.isArray(seasons)) return;
  for (const season of seasons as Body[]) {
    if (typeof season !== "object" || season === null || typeof season.monitored !== "boolean") continue;
    const number = Number(season.seasonNumber);
    const wasMonitored = !series.unmonitoredSeasons.has(number);
    if (wasMonitored === season.monitored) continue;
    if (season.monitored) series.unmonitoredSeasons.delete(number);
    else series.unmonitoredSeasons.add(number);
    for (const episode of episodesOf(series).filter((e) => e.season === number)) {
      if (season.monitored) series.unmonitoredEpisodes.delete(episode.id);
      else series.unmonitoredEpisodes.add(episode.id);
    }
  }
}

const numberList = (value: unknown): number[] => (Array.isArray(value) ? value.filter((v): v is number => typeof v === "number") : []);

export function sonarrMedia(world: World): MediaHandlers {
  const entryOf = (tvdbId: number) => world.series.find((s) => s.meta.tvdbId === tvdbId);
  const resource = (tvdbId: number) => {
    const meta = world.seriesMeta(tvdbId)!;
    return seriesResource(world, meta, entryOf(tvdbId));
  };
  const missingIds = (seriesId?: number) =>
    world.series
      .filter((s) => s.monitored && (seriesId === undefined || s.id === seriesId))
      .flatMap((s) =>
        episodesOf(s)
          // MissingController (monitored=true): Monitored == true && Series.Monitored == true, aired, no episode file.
          .filter((e) => e.airDate < Date.now() && !s.files.has(e.id) && !s.unmonitoredEpisodes.has(e.id))
          .map((e) => ({ series: s, ...e })),
      );
  return {
    list: (query) => {
      const tvdbId = Number(query.get("tvdbId") ?? 0);
      return okJson(world.series.filter((s) => !tvdbId || s.meta.tvdbId === tvdbId).map((s) => resource(s.meta.tvdbId)));
    },
    get: (id) => {
      const entry = world.series.find((s) => s.id === id);
      return entry ? okJson(resource(entry.meta.tvdbId)) : resourceNotFound();
    },
    lookup: (term) => {
      const exact = /^tvdb(?:id)?:\s*(\d+)$/i.exec(term.trim());
      const found = exact ? SERIES.filter((s) => s.tvdbId === Number(exact[1])) : SERIES.filter((s) => matches(s.title, term));
      return okJson(found.map((s) => resource(s.tvdbId)));
    },
    update: (id, body) =>
      saveEdit(
        "sonarr",
        id,
        world.series.find((s) => s.id === id),
        body,
        (entry) => {
          if (typeof body.seasonFolder === "boolean") entry.seasonFolder = body.seasonFolder;
          applySeasons(entry, body.seasons);
        },
        (entry) => resource(entry.meta.tvdbId),
      ),
    add: (body) => {
      const tvdbId = Number(body.tvdbId ?? 0);
      // Sonarr: src/Sonarr.Api.V3/Series/SeriesController.cs (constructor): Title NotEmpty; TvdbId GreaterThan(0) + SeriesExistsValidator.
      const errors = addRules("sonarr", world, body, () => [
        ...(text(body.title) ? [] : [NOT_EMPTY("Title", "Title", body.title)]),
        ...(!(tvdbId > 0)
          ? [GREATER_THAN_0("TvdbId", "Tvdb Id", body.tvdbId)]
          : entryOf(tvdbId)
            ? [{ propertyName: "TvdbId", errorMessage: "This series has already been added", attemptedValue: tvdbId, errorCode: "SeriesExistsValidator" }]
            : []),
      ]);
      if (errors.length > 0) return validationFailures(errors);
      const root = text(body.rootFolderPath) || text(body.path);
      const meta = world.seriesMeta(tvdbId);
      // src/NzbDrone.Core/Tv/AddSeriesService.cs (AddSkyhookData): SeriesNotFoundException becomes this one failure; Path is still unset.
      if (!meta)
        return validationFailures([
          { propertyName: "TvdbId", errorMessage: `A series with this ID was not found. Path: ${text(body.path)}`, attemptedValue: tvdbId },
        ]);
      const entry = {
        id: world.next("series"),
        meta,
        path: typeof body.path === "string" ? body.path : `${root.replace(/\/$/, "")}/${meta.title}`,
        qualityProfileId: Number(body.qualityProfileId),
        monitored: body.monitored !== false,
        seasonFolder: body.seasonFolder !== false,
        seriesType: typeof body.seriesType === "string" ? body.seriesType : "standard",
        added: Date.now(),
        files: new Map(),
        // SeriesController.AddSeries keeps each season's monitored flag from the resource; AddSeriesService then sets
        // every episode of an unmonitored season unmonitored (EpisodeMonitoredService with the seasons as given).
        unmonitoredSeasons: new Set(seasonsOff(body.seasons)),
        unmonitoredEpisodes: new Set<number>(),
        lastSearchTime: new Map<number, number>(),
      };
      const options = (body.addOptions ?? {}) as Body;
      if (!applyMonitorOption(entry, options.monitor))
        for (const episode of episodesOf(entry)) if (entry.unmonitoredSeasons.has(episode.season)) entry.unmonitoredEpisodes.add(episode.id);
      world.series.push(entry);
      // src/NzbDrone.Core/Tv/SeriesScannedHandler.cs (HandleScanEvents): both options → SeriesSearch; missing alone →
      // MissingEpisodeSearch; cutoff-unmet alone → CutoffUnmetEpisodeSearch, each for the new series.
      const missingOption = options.searchForMissingEpisodes === true;
      const cutoffOption = options.searchForCutoffUnmetEpisodes === true;
      const searchName =
        missingOption && cutoffOption ? "SeriesSearch" : missingOption ? "MissingEpisodeSearch" : cutoffOption ? "CutoffUnmetEpisodeSearch" : undefined;
      if (searchName) {
        world.commands.push({ id: world.next("command"), app: "sonarr", name: searchName, body: { seriesId: entry.id }, queued: Date.now() });
        if (missingOption) for (const episode of missingIds(entry.id).slice(0, 2)) grabEpisode(world, entry, episode.season, episode.episode, { ageMs: 0 });
      }
      return created(resource(tvdbId), `/api/v3/series/${entry.id}`);
    },
    wanted: (list, query) => {
      const includeSeries = query.get("includeSeries") === "true";
      const rows =
        list === "missing"
          ? missingIds()
              .sort((a, b) => b.airDate - a.airDate)
              .map((e) => episodeResource(world, e.series, e.id, includeSeries))
          : world.series
              // CutoffController (monitored=true): Monitored == true && Series.Monitored == true.
              .filter((s) => s.monitored)
              .flatMap((s) =>
                [...s.files.entries()]
                  .filter(([id, q]) => q.resolution < 1080 && !s.unmonitoredEpisodes.has(id))
                  .map(([id]) => episodeResource(world, s, id, includeSeries)),
              )
              .sort((a, b) => (a.airDateUtc < b.airDateUtc ? 1 : a.airDateUtc > b.airDateUtc ? -1 : 0));
      // Sonarr: src/Sonarr.Api.V3/Wanted/MissingController.cs, CutoffController.cs (default episodes.airDateUtc, ascending).
      return okJson(
        paged(query, rows, {
          sortKey: "episodes.airDateUtc",
          order: "descending",
          allowedKeys: ["episodes.airDateUtc", "episodes.lastSearchTime", "series.sortTitle"],
          defaultDirection: "ascending",
        }),
      );
    },
    search: (name, body) => {
      if (name === "EpisodeSearch") return searchEpisodes(world, numberList(body.episodeIds));
      if (name === "SeriesSearch")
        return searchEpisodes(
          world,
          missingIds(Number(body.seriesId))
            .map((e) => e.id)
            .slice(0, 2),
        );
      // EpisodeSearchService.Execute(MissingEpisodeSearchCommand): with SeriesId only that series' missing episodes.
      if (name === "MissingEpisodeSearch") {
        const seriesId = typeof body.seriesId === "number" ? body.seriesId : undefined;
        return searchEpisodes(
          world,
          missingIds(seriesId)
            .map((e) => e.id)
            .slice(0, 5),
        );
      }
      return 0;
    },
    redownload: (_mediaId, episodeIds) => ({ name: "EpisodeSearch", body: { episodeIds } }),
  };
}

export function radarrMedia(world: World): MediaHandlers {
  const entryOf = (tmdbId: number) => world.movies.find((m) => m.meta.tmdbId === tmdbId);
  const resource = (tmdbId: number) => movieResource(world, world.movieMeta(tmdbId)!, entryOf(tmdbId));
  const missing = () => world.movies.filter((m) => m.monitored && !m.file);
  return {
    list: (query) => {
      const tmdbId = Number(query.get("tmdbId") ?? 0);
      return okJson(world.movies.filter((m) => !tmdbId || m.meta.tmdbId === tmdbId).map((m) => resource(m.meta.tmdbId)));
    },
    get: (id) => {
      const entry = world.movies.find((m) => m.id === id);
      return entry ? okJson(resource(entry.meta.tmdbId)) : resourceNotFound();
    },
    lookup: (term) => {
      const exact = /^(tmdb|tmdbid|imdb|imdbid):\s*(\S+)$/i.exec(term.trim());
      const found = exact
        ? MOVIES.filter((m) => (exact[1]!.toLowerCase().startsWith("tmdb") ? m.tmdbId === Number(exact[2]) : m.imdbId === exact[2]))
        : MOVIES.filter((m) => matches(`${m.title} ${m.year}`, term));
      return okJson(found.map((m) => resource(m.tmdbId)));
    },
    lookupById: (kind, id) => {
      const meta = MOVIES.find((m) => (kind === "tmdb" ? m.tmdbId === Number(id) : m.imdbId === id));
      if (meta) return okJson(resource(meta.tmdbId));
      // SkyHookProxy throws MovieNotFoundException (src/NzbDrone.Core/Exceptions/MovieNotFoundExceptions.cs), a plain
      // NzbDroneException, so RadarrErrorPipeline answers 500 with its message.
      const message =
        kind === "tmdb"
          ? `Movie with tmdbId ${Number(id) || 0} was not found, it may have been removed from TMDb.`
          : `Movie with IMDBId ${id} was not found, it may have been removed from TMDb.`;
      return { status: 500, json: { message, description: `NzbDrone.Core.Exceptions.MovieNotFoundException: ${message}` } };
    },
    update: (id, body) =>
      saveEdit(
        "radarr",
        id,
        world.movies.find((m) => m.id === id),
        body,
        (entry) => {
          if (typeof body.minimumAvailability === "string") entry.minimumAvailability = body.minimumAvailability;
        },
        (entry) => resource(entry.meta.tmdbId),
      ),
    add: (body) => {
      const tmdbId = Number(body.tmdbId ?? 0);
      // Radarr: src/Radarr.Api.V3/Movies/MovieController.cs (constructor): Title NotEmpty only when TmdbId <= 0;
      // TmdbId NotNull().NotEmpty() (0 is empty) + MovieExistsValidator.
      const errors = addRules("radarr", world, body, () => [
        ...(tmdbId <= 0 && !text(body.title) ? [NOT_EMPTY("Title", "Title", body.title)] : []),
        ...(!tmdbId
          ? [NOT_EMPTY("TmdbId", "Tmdb Id", body.tmdbId ?? 0)]
          : entryOf(tmdbId)
            ? [{ propertyName: "TmdbId", errorMessage: "This movie has already been added", attemptedValue: tmdbId, errorCode: "MovieExistsValidator" }]
            : []),
      ]);
      if (errors.length > 0) return validationFailures(errors);
      const root = text(body.rootFolderPath) || text(body.path);
      const meta = world.movieMeta(tmdbId);
      // src/NzbDrone.Core/Movies/AddMovieService.cs (AddSkyhookData): MovieNotFoundException becomes this one failure.
      if (!meta)
        return validationFailures([
          { propertyName: "TmdbId", errorMessage: `A movie with this ID was not found. Path: ${text(body.path)}`, attemptedValue: tmdbId },
        ]);
      const entry = {
        id: world.next("movie"),
        meta,
        path: typeof body.path === "string" ? body.path : `${root.replace(/\/$/, "")}/${meta.title.replace(/:/g, "")} (${meta.year})`,
        qualityProfileId: Number(body.qualityProfileId),
        monitored: body.monitored !== false,
        minimumAvailability: typeof body.minimumAvailability === "string" ? body.minimumAvailability : "released",
        added: Date.now(),
      };
      world.movies.push(entry);
      const options = (body.addOptions ?? {}) as Body;
      if (options.searchForMovie === true) {
        world.commands.push({ id: world.next("command"), app: "radarr", name: "MoviesSearch", body: { movieIds: [entry.id] }, queued: Date.now() });
        searchMovies(world, [entry.id]);
      }
      return created(resource(tmdbId), `/api/v3/movie/${entry.id}`);
    },
    wanted: (list, query) => {
      const rows = list === "missing" ? missing() : world.movies.filter((m) => m.file && m.file.resolution < 1080);
      // Radarr: src/Radarr.Api.V3/Wanted/MissingController.cs, CutoffController.cs (default movieMetadata.sortTitle, ascending).
      const sorted = rows.map((m) => resource(m.meta.tmdbId)).sort((a, b) => (a.sortTitle < b.sortTitle ? -1 : a.sortTitle > b.sortTitle ? 1 : 0));
      return okJson(
        paged(query, sorted, {
          sortKey: "movieMetadata.sortTitle",
          order: "ascending",
          defaultDirection: "ascending",
          allowedKeys: [
            "movieMetadata.digitalRelease",
            "movieMetadata.inCinemas",
            "movieMetadata.physicalRelease",
            "movieMetadata.sortTitle",
            "movieMetadata.year",
            "movies.lastSearchTime",
          ],
        }),
      );
    },
    search: (name, body) => {
      if (name === "MoviesSearch") return searchMovies(world, numberList(body.movieIds));
      if (name === "MissingMoviesSearch")
        return searchMovies(
          world,
          missing()
            .map((m) => m.id)
            .slice(0, 5),
        );
      return 0;
    },
    redownload: (mediaId) => ({ name: "MoviesSearch", body: { movieIds: [mediaId] } }),
  };
}

export { rootFolders };
