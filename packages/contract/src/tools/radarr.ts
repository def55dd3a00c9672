// Radarr's tools: the ones both *arr apps offer, plus movies, wanted movies and commands.
import { z } from "zod";
import { toolRef } from "../tool-ref.js";
import { arrCommonTools, commandShape, pageInput, pagingShape } from "./arr.js";

export const movieSchema = z.object({
  id: z.number().optional().describe("Radarr movie id (absent for lookup results not in the library)"),
  title: z.string().describe("Movie title"),
  year: z.number().optional().describe("Release year"),
  tmdbId: z.number().describe("TMDb id (use with radarr_movie_add)"),
  imdbId: z.string().optional().describe("IMDb id"),
  status: z.string().optional().describe("tba, announced, inCinemas, released or deleted"),
  studio: z.string().optional().describe("Studio"),
  overview: z.string().optional().describe("Plot summary"),
  remotePoster: z.string().optional().describe("Poster image URL"),
  inLibrary: z.boolean().describe("Whether the movie is already in Radarr's library"),
  monitored: z.boolean().optional().describe("Whether Radarr monitors it"),
  hasFile: z.boolean().optional().describe("Whether a movie file exists"),
  path: z.string().optional().describe("Folder on disk"),
  qualityProfileId: z.number().optional().describe("Quality profile id"),
  minimumAvailability: z.string().optional().describe("When Radarr starts searching: announced, inCinemas or released"),
  sizeOnDisk: z.number().optional().describe("Bytes on disk"),
  quality: z.string().optional().describe("Quality of the existing file"),
  lastSearchTime: z.string().optional().describe("When Radarr last searched for it (UTC); absent if never"),
});

/** The commands radarr_command starts (POST /api/v3/command). */
export const RADARR_COMMANDS = ["MoviesSearch", "RefreshMovie", "MissingMoviesSearch", "RefreshMonitoredDownloads"] as const;

const wanted = <L extends "missing" | "cutoff">(list: L) =>
  toolRef({
    app: "radarr",
    name: `radarr_wanted_${list}`,
    input: { ...pageInput },
    output: { ...pagingShape, records: z.array(movieSchema).describe("Movies") },
  });

export const radarr = {
  ...arrCommonTools("radarr", "movie"),
  movieList: toolRef({
    app: "radarr",
    name: "radarr_movie_list",
    input: { titleContains: z.string().min(1).optional().describe("Only movies whose title contains this text (case-insensitive)") },
    output: { movies: z.array(movieSchema).describe("Movies in the library"), total: z.number().describe("Number of movies returned") },
  }),
  movieLookup: toolRef({
    app: "radarr",
    name: "radarr_movie_lookup",
    input: { term: z.string().min(1).max(200).describe("Title to search for, or tmdb:<id> / imdb:<id>") },
    output: { results: z.array(movieSchema).describe("Matching movies, best match first") },
  }),
  movieAdd: toolRef({
    app: "radarr",
    name: "radarr_movie_add",
    input: {
      tmdbId: z.number().int().positive().describe("TMDb id of the movie"),
      qualityProfileId: z.number().int().positive().describe("Quality profile id from radarr_quality_profiles"),
      rootFolderPath: z.string().min(1).describe("Root folder path from radarr_root_folders"),
      monitored: z.boolean().default(true).describe("Monitor the movie"),
      minimumAvailability: z.enum(["announced", "inCinemas", "released"]).default("released").describe("When Radarr should start looking for releases"),
      searchForMovie: z.boolean().default(true).describe("Search for the movie immediately after adding"),
    },
    output: { movie: movieSchema.describe("The movie as added") },
  }),
  wantedMissing: wanted("missing"),
  wantedCutoff: wanted("cutoff"),
  setMonitored: toolRef({
    app: "radarr",
    name: "radarr_set_monitored",
    input: {
      movieIds: z.array(z.number().int().positive()).min(1).max(100).describe("Radarr movie ids"),
      monitored: z.boolean().describe("Monitor (true) or stop monitoring (false)"),
    },
    output: {
      movieIds: z.array(z.number()).describe("The movies whose monitoring was set"),
      monitored: z.boolean().describe("The monitoring state that was set"),
    },
  }),
  command: toolRef({
    app: "radarr",
    name: "radarr_command",
    input: {
      name: z.enum(RADARR_COMMANDS).describe("Command to run"),
      movieIds: z.array(z.number().int().positive()).max(100).optional().describe("Movie ids for MoviesSearch / RefreshMovie"),
    },
    output: commandShape,
  }),
} as const;
