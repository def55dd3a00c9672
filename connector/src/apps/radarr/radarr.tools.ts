// Radarr tools: the shared Servarr tools plus movie lookup/add, wanted lists and commands.
import { displayName, tools } from "@autoarr/contract";
import { defineTool, failure, outcome, READ_ONLY, WRITE, WRITE_IDEMPOTENT, type ToolSpec } from "../../tools/tool.js";
import type { ArrApi } from "../arr/arr.api.js";
import { arrCommandTool } from "../arr/arr.command.js";
import { arrCommonTools, type ArrFlavor } from "../arr/arr.tools.js";
import { obj, paging, type Raw } from "../arr/arr.types.js";
import { projectMovie } from "./radarr.types.js";

const RADARR: ArrFlavor = {
  app: "radarr",
  appName: displayName("radarr"),
  mediaNoun: "movie",
  mediaPath: "movie",
  includeUnknownQueueParam: "includeUnknownMovieItems",
  refs: tools.radarr,
};

const asList = (value: unknown): Raw[] => (Array.isArray(value) ? value.map(obj) : []);

export function radarrTools(api: ArrApi): ToolSpec[] {
  return [
    ...arrCommonTools(RADARR, api),
    defineTool(tools.radarr.movieList, {
      title: "Radarr movies in the library",
      annotations: READ_ONLY,
      description: "Lists the movies in Radarr's library with monitoring state, whether a file exists and its quality. Optionally filter by a title substring.",
      run: async ({ titleContains }) =>
        outcome(await api.call({ path: "movie" }), (raw) => {
          const needle = titleContains?.toLowerCase();
          const movies = asList(raw)
            .map(projectMovie)
            .filter((m) => !needle || m.title.toLowerCase().includes(needle));
          return {
            data: { movies, total: movies.length },
            text: `${movies.length} movie(s) in Radarr's library${needle ? ` matching "${titleContains}"` : ""}`,
          };
        }),
    }),
    defineTool(tools.radarr.movieLookup, {
      title: "Look up a movie",
      annotations: READ_ONLY,
      description:
        "Searches Radarr's metadata source for movies by title (or 'tmdb:603' / 'imdb:tt0133093' for an exact id). Results show whether each is already in the library. Titles can be ambiguous (e.g. 'Dune' 1984 vs 2021 vs 'Dune: Part Two' 2024): check the year before adding.",
      run: async ({ term }) =>
        outcome(await api.call({ path: "movie/lookup", query: { term } }), (raw) => {
          const results = asList(raw).map(projectMovie);
          return {
            data: { results },
            text: `${results.length} movie(s) found for "${term}"${
              results.length
                ? ": " +
                  results
                    .slice(0, 5)
                    .map((r) => `${r.title} (${r.year ?? "?"})`)
                    .join(", ")
                : ""
            }`,
          };
        }),
    }),
    defineTool(tools.radarr.movieAdd, {
      title: "Add a movie to Radarr",
      annotations: WRITE,
      description:
        "Adds a movie (by TMDb id from radarr_movie_lookup) to Radarr with a quality profile and root folder, and optionally searches for it right away.",
      run: async (input) => {
        const found = await api.call<Raw>({ path: "movie/lookup/tmdb", query: { tmdbId: input.tmdbId } });
        if (!found.ok) return { ok: false, failure: found.failure };
        const match = obj(found.value);
        const body = {
          ...match,
          tmdbId: input.tmdbId,
          qualityProfileId: input.qualityProfileId,
          rootFolderPath: input.rootFolderPath,
          monitored: input.monitored,
          minimumAvailability: input.minimumAvailability,
          addOptions: { monitor: input.monitored ? "movieOnly" : "none", searchForMovie: input.searchForMovie },
        };
        return outcome(await api.call<Raw>({ method: "POST", path: "movie", body }), (raw) => {
          const movie = projectMovie(obj(raw));
          return { data: { movie }, text: `Added ${movie.title} (${movie.year ?? "?"}) to Radarr${input.searchForMovie ? " and started a search" : ""}` };
        });
      },
    }),
    defineTool(tools.radarr.setMonitored, {
      title: "Monitor Radarr movies",
      annotations: WRITE_IDEMPOTENT,
      description:
        "Turns monitoring on or off for some movies through Radarr's movie editor (PUT /api/v3/movie/editor). A monitored movie that is available and has no file becomes wanted. Answers the ids Radarr changed; an id Radarr does not have is left out.",
      run: async ({ movieIds, monitored }) => {
        const saved = await api.call({ method: "PUT", path: "movie/editor", body: { movieIds, monitored } });
        if (!saved.ok) return { ok: false, failure: saved.failure };
        // MovieEditorController.SaveAll answers the movies it found (MovieService.GetMovies skips unknown ids).
        const changed = asList(saved.value)
          .map((m) => m.id)
          .filter((id): id is number => typeof id === "number");
        if (changed.length === 0) return failure(`Radarr has no movie ${movieIds.join(", ")}`);
        return {
          ok: true,
          data: { movieIds: changed, monitored },
          text: `Radarr ${monitored ? "now monitors" : "no longer monitors"} movie(s) ${changed.join(", ")}`,
        };
      },
    }),
    wantedTool(api, "missing"),
    wantedTool(api, "cutoff"),
    arrCommandTool(RADARR, api, tools.radarr.command, {
      MoviesSearch: {
        summary: "search for specific movies (movieIds)",
        body: ({ movieIds }) => (movieIds?.length ? { movieIds } : "MoviesSearch needs movieIds"),
      },
      RefreshMovie: { summary: "refresh metadata and rescan disk (movieIds, or all movies)", body: ({ movieIds }) => (movieIds?.length ? { movieIds } : {}) },
      MissingMoviesSearch: { summary: "search for all missing monitored movies", body: () => ({}) },
      RefreshMonitoredDownloads: { summary: "re-check the download clients now", body: () => ({}) },
    }),
  ];
}

function wantedTool(api: ArrApi, list: "missing" | "cutoff"): ToolSpec {
  const what = list === "missing" ? "monitored, available movies that have no file" : "movies whose file is below the quality profile's cutoff";
  return defineTool(list === "missing" ? tools.radarr.wantedMissing : tools.radarr.wantedCutoff, {
    title: list === "missing" ? "Radarr missing movies" : "Radarr cutoff-unmet movies",
    annotations: READ_ONLY,
    description: `Lists ${what} (paged).`,
    run: async ({ page, pageSize }) =>
      outcome(
        await api.call<Raw>({
          path: `wanted/${list}`,
          query: { page, pageSize, monitored: true, sortKey: "movieMetadata.sortTitle", sortDirection: "ascending" },
        }),
        (raw) => {
          const body = obj(raw);
          const records = asList(body.records).map(projectMovie);
          return {
            data: { ...paging(body), records },
            text: `${paging(body).totalRecords} ${list === "missing" ? "missing" : "cutoff-unmet"} movie(s) in Radarr`,
          };
        },
      ),
  });
}
