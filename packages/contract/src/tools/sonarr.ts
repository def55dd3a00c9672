// Sonarr's tools: the ones both *arr apps offer, plus series, wanted episodes and commands.
import { z } from "zod";
import { toolRef } from "../tool-ref.js";
import { arrCommonTools, commandShape, pageInput, pagingShape } from "./arr.js";

export const seriesSchema = z.object({
  id: z.number().optional().describe("Sonarr series id (absent for lookup results not in the library)"),
  title: z.string().describe("Series title"),
  year: z.number().optional().describe("Year the series started"),
  tvdbId: z.number().describe("TVDB id (use with sonarr_series_add)"),
  imdbId: z.string().optional().describe("IMDb id"),
  status: z.string().optional().describe("continuing, ended, upcoming or deleted"),
  network: z.string().optional().describe("Network"),
  overview: z.string().optional().describe("Plot summary"),
  remotePoster: z.string().optional().describe("Poster image URL"),
  inLibrary: z.boolean().describe("Whether the series is already in Sonarr's library"),
  monitored: z.boolean().optional().describe("Whether Sonarr monitors it"),
  path: z.string().optional().describe("Folder on disk"),
  qualityProfileId: z.number().optional().describe("Quality profile id"),
  seasonCount: z.number().optional().describe("Number of seasons"),
  episodeFileCount: z.number().optional().describe("Episodes with a file"),
  episodeCount: z.number().optional().describe("Monitored aired episodes"),
  sizeOnDisk: z.number().optional().describe("Bytes on disk"),
});

export const episodeSchema = z.object({
  id: z.number().describe("Episode id (use with EpisodeSearch)"),
  seriesId: z.number().describe("Series id"),
  seriesTitle: z.string().optional().describe("Series title"),
  seasonNumber: z.number().describe("Season number"),
  episodeNumber: z.number().describe("Episode number"),
  title: z.string().optional().describe("Episode title"),
  airDateUtc: z.string().optional().describe("Air date (UTC)"),
  monitored: z.boolean().describe("Whether the episode is monitored"),
  hasFile: z.boolean().describe("Whether a file exists"),
  quality: z.string().optional().describe("Quality of the existing file (cutoff-unmet list)"),
  lastSearchTime: z.string().optional().describe("When Sonarr last searched for it (UTC); absent if never"),
});

/** The commands sonarr_command starts (POST /api/v3/command). */
export const SONARR_COMMANDS = ["EpisodeSearch", "SeriesSearch", "RefreshSeries", "MissingEpisodeSearch", "RefreshMonitoredDownloads"] as const;

const wanted = <L extends "missing" | "cutoff">(list: L) =>
  toolRef({
    app: "sonarr",
    name: `sonarr_wanted_${list}`,
    input: { ...pageInput },
    output: { ...pagingShape, records: z.array(episodeSchema).describe("Episodes") },
  });

export const sonarr = {
  ...arrCommonTools("sonarr", "series"),
  seriesList: toolRef({
    app: "sonarr",
    name: "sonarr_series_list",
    input: { titleContains: z.string().min(1).optional().describe("Only series whose title contains this text (case-insensitive)") },
    output: { series: z.array(seriesSchema).describe("Series in the library"), total: z.number().describe("Number of series returned") },
  }),
  seriesLookup: toolRef({
    app: "sonarr",
    name: "sonarr_series_lookup",
    input: { term: z.string().min(1).max(200).describe("Title to search for, or tvdb:<id>") },
    output: { results: z.array(seriesSchema).describe("Matching series, best match first") },
  }),
  seriesAdd: toolRef({
    app: "sonarr",
    name: "sonarr_series_add",
    input: {
      tvdbId: z.number().int().positive().describe("TVDB id of the series"),
      qualityProfileId: z.number().int().positive().describe("Quality profile id from sonarr_quality_profiles"),
      rootFolderPath: z.string().min(1).describe("Root folder path from sonarr_root_folders"),
      monitored: z.boolean().default(true).describe("Monitor the series for new and missing episodes"),
      monitor: z
        .enum(["all", "future", "missing", "existing", "firstSeason", "lastSeason", "pilot", "none"])
        .default("all")
        .describe("Which episodes to monitor"),
      seasonFolder: z.boolean().default(true).describe("Use season folders"),
      seriesType: z.enum(["standard", "daily", "anime"]).default("standard").describe("Episode numbering type"),
      searchForMissingEpisodes: z.boolean().default(true).describe("Search for missing episodes immediately after adding"),
    },
    output: { series: seriesSchema.describe("The series as added") },
  }),
  wantedMissing: wanted("missing"),
  wantedCutoff: wanted("cutoff"),
  setMonitored: toolRef({
    app: "sonarr",
    name: "sonarr_set_monitored",
    input: {
      seriesId: z.number().int().positive().describe("Sonarr series id"),
      seasonNumber: z.number().int().min(0).max(1000).optional().describe("Only this season (without episodeIds)"),
      episodeIds: z.array(z.number().int().positive()).min(1).max(100).optional().describe("Only these episodes (of this series)"),
      monitored: z.boolean().describe("Monitor (true) or stop monitoring (false)"),
    },
    output: {
      seriesId: z.number().describe("The series id"),
      monitored: z.boolean().describe("The monitoring state that was set"),
      episodeIds: z.array(z.number()).describe("The episodes whose monitoring was set (empty for a season or the series)"),
      seasonNumber: z.number().optional().describe("The season whose monitoring was set"),
    },
  }),
  command: toolRef({
    app: "sonarr",
    name: "sonarr_command",
    input: {
      name: z.enum(SONARR_COMMANDS).describe("Command to run"),
      seriesId: z.number().int().positive().optional().describe("Series id for SeriesSearch / RefreshSeries"),
      episodeIds: z.array(z.number().int().positive()).max(100).optional().describe("Episode ids for EpisodeSearch"),
    },
    output: commandShape,
  }),
} as const;
