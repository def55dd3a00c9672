// Sonarr tools: the shared Servarr tools plus series lookup/add, wanted lists and commands.
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { defineTool, failure, outcome, READ_ONLY, registerToolSpecs, WRITE, type RegisterOptions, type ToolSpec } from "../../tools/tool.js";
import type { ArrApi } from "../arr/arr.api.js";
import { arrCommandTool } from "../arr/arr.command.js";
import { arrCommonTools, pageInput, type ArrFlavor } from "../arr/arr.tools.js";
import { obj, paging, pagingShape, type Raw } from "../arr/arr.types.js";
import { episodeSchema, projectEpisode, projectSeries, seriesSchema } from "./sonarr.types.js";

const SONARR: ArrFlavor = { app: "sonarr", appName: "Sonarr", mediaNoun: "series", mediaPath: "series", includeUnknownQueueParam: "includeUnknownSeriesItems" };

const asList = (value: unknown): Raw[] => (Array.isArray(value) ? value.map(obj) : []);

export function sonarrTools(api: ArrApi): ToolSpec[] {
  return [
    ...arrCommonTools(SONARR, api),
    defineTool({
      app: "sonarr", name: "sonarr_series_list", title: "Sonarr series in the library", annotations: READ_ONLY,
      description: "Lists the series in Sonarr's library with monitoring state, episode counts and size on disk. Optionally filter by a title substring.",
      input: { titleContains: z.string().min(1).optional().describe("Only series whose title contains this text (case-insensitive)") },
      output: { series: z.array(seriesSchema).describe("Series in the library"), total: z.number().describe("Number of series returned") },
      run: async ({ titleContains }) => outcome(await api.call({ path: "series" }), (raw) => {
        const needle = titleContains?.toLowerCase();
        const series = asList(raw).map(projectSeries).filter((s) => !needle || s.title.toLowerCase().includes(needle));
        return { data: { series, total: series.length }, text: `${series.length} series in Sonarr's library${needle ? ` matching "${titleContains}"` : ""}` };
      }),
    }),
    defineTool({
      app: "sonarr", name: "sonarr_series_lookup", title: "Look up a series", annotations: READ_ONLY,
      description: "Searches Sonarr's metadata source for series by title (or 'tvdb:12345' for an exact TVDB id). Results show whether each is already in the library. Titles can be ambiguous (e.g. 'The Office' US 2005 vs UK 2001): check year and network before adding.",
      input: { term: z.string().min(1).max(200).describe("Title to search for, or tvdb:<id>") },
      output: { results: z.array(seriesSchema).describe("Matching series, best match first") },
      run: async ({ term }) => outcome(await api.call({ path: "series/lookup", query: { term } }), (raw) => {
        const results = asList(raw).map(projectSeries);
        return { data: { results }, text: `${results.length} series found for "${term}"${results.length ? ": " + results.slice(0, 5).map((r) => `${r.title} (${r.year ?? "?"})`).join(", ") : ""}` };
      }),
    }),
    defineTool({
      app: "sonarr", name: "sonarr_series_add", title: "Add a series to Sonarr", annotations: WRITE,
      description: "Adds a series (by TVDB id from sonarr_series_lookup) to Sonarr with a quality profile and root folder, and optionally searches for missing episodes right away.",
      input: {
        tvdbId: z.number().int().positive().describe("TVDB id of the series"),
        qualityProfileId: z.number().int().positive().describe("Quality profile id from sonarr_quality_profiles"),
        rootFolderPath: z.string().min(1).describe("Root folder path from sonarr_root_folders"),
        monitored: z.boolean().default(true).describe("Monitor the series for new and missing episodes"),
        monitor: z.enum(["all", "future", "missing", "existing", "firstSeason", "lastSeason", "pilot", "none"]).default("all").describe("Which episodes to monitor"),
        seasonFolder: z.boolean().default(true).describe("Use season folders"),
        seriesType: z.enum(["standard", "daily", "anime"]).default("standard").describe("Episode numbering type"),
        searchForMissingEpisodes: z.boolean().default(true).describe("Search for missing episodes immediately after adding"),
      },
      output: { series: seriesSchema.describe("The series as added") },
      run: async (input) => {
        const found = await api.call({ path: "series/lookup", query: { term: `tvdb:${input.tvdbId}` } });
        if (!found.ok) return { ok: false, failure: found.failure };
        const match = asList(found.value)[0];
        if (!match) return failure(`Sonarr found no series with TVDB id ${input.tvdbId}`);
        const body = {
          ...match,
          qualityProfileId: input.qualityProfileId,
          rootFolderPath: input.rootFolderPath,
          monitored: input.monitored,
          seasonFolder: input.seasonFolder,
          seriesType: input.seriesType,
          addOptions: { monitor: input.monitor, searchForMissingEpisodes: input.searchForMissingEpisodes, searchForCutoffUnmetEpisodes: false },
        };
        return outcome(await api.call<Raw>({ method: "POST", path: "series", body }), (raw) => {
          const series = projectSeries(obj(raw));
          return { data: { series }, text: `Added ${series.title} (${series.year ?? "?"}) to Sonarr${input.searchForMissingEpisodes ? " and started a search" : ""}` };
        });
      },
    }),
    wantedTool(api, "missing"),
    wantedTool(api, "cutoff"),
    arrCommandTool(SONARR, api, {
      EpisodeSearch: { summary: "search for specific episodes (episodeIds)", body: ({ episodeIds }) => (episodeIds?.length ? { episodeIds } : "EpisodeSearch needs episodeIds") },
      SeriesSearch: { summary: "search for all monitored episodes of a series (seriesId)", body: ({ seriesId }) => (seriesId ? { seriesId } : "SeriesSearch needs seriesId") },
      RefreshSeries: { summary: "refresh metadata and rescan disk (seriesId, or all series)", body: ({ seriesId }) => (seriesId ? { seriesIds: [seriesId] } : {}) },
      MissingEpisodeSearch: { summary: "search for all missing monitored episodes", body: () => ({ monitored: true }) },
      RefreshMonitoredDownloads: { summary: "re-check the download clients now", body: () => ({}) },
    }, {
      seriesId: z.number().int().positive().optional().describe("Series id for SeriesSearch / RefreshSeries"),
      episodeIds: z.array(z.number().int().positive()).max(100).optional().describe("Episode ids for EpisodeSearch"),
    }),
  ];
}

function wantedTool(api: ArrApi, list: "missing" | "cutoff"): ToolSpec {
  const what = list === "missing" ? "monitored episodes that have aired but have no file" : "episodes whose file is below the quality profile's cutoff";
  return defineTool({
    app: "sonarr", name: `sonarr_wanted_${list}`, title: list === "missing" ? "Sonarr missing episodes" : "Sonarr cutoff-unmet episodes", annotations: READ_ONLY,
    description: `Lists ${what} (paged).`,
    input: { ...pageInput },
    output: { ...pagingShape, records: z.array(episodeSchema).describe("Episodes") },
    run: async ({ page, pageSize }) =>
      outcome(await api.call<Raw>({ path: `wanted/${list}`, query: { page, pageSize, includeSeries: true, monitored: true, sortKey: "episodes.airDateUtc", sortDirection: "descending" } }), (raw) => {
        const body = obj(raw);
        const records = asList(body.records).map(projectEpisode);
        return { data: { ...paging(body), records }, text: `${paging(body).totalRecords} ${list === "missing" ? "missing" : "cutoff-unmet"} episode(s) in Sonarr` };
      }),
  });
}

export function registerSonarrTools(server: McpServer, api: ArrApi, options: RegisterOptions): void {
  registerToolSpecs(server, sonarrTools(api), options);
}
