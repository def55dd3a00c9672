// Sonarr tools: the shared Servarr tools plus series lookup/add, wanted lists and commands.
import { displayName, tools } from "@autoarr/contract";
import { defineTool, failure, outcome, READ_ONLY, WRITE, type ToolSpec } from "../../tools/tool.js";
import type { ArrApi } from "../arr/arr.api.js";
import { arrCommandTool } from "../arr/arr.command.js";
import { arrCommonTools, type ArrFlavor } from "../arr/arr.tools.js";
import { obj, paging, type Raw } from "../arr/arr.types.js";
import { sonarrSetMonitoredTool } from "./sonarr.monitor.js";
import { projectEpisode, projectSeries } from "./sonarr.types.js";

const SONARR: ArrFlavor = {
  app: "sonarr",
  appName: displayName("sonarr"),
  mediaNoun: "series",
  mediaPath: "series",
  includeUnknownQueueParam: "includeUnknownSeriesItems",
  refs: tools.sonarr,
};

const asList = (value: unknown): Raw[] => (Array.isArray(value) ? value.map(obj) : []);

export function sonarrTools(api: ArrApi): ToolSpec[] {
  return [
    ...arrCommonTools(SONARR, api),
    defineTool(tools.sonarr.seriesList, {
      title: "Sonarr series in the library",
      annotations: READ_ONLY,
      description: "Lists the series in Sonarr's library with monitoring state, episode counts and size on disk. Optionally filter by a title substring.",
      run: async ({ titleContains }) =>
        outcome(await api.call({ path: "series" }), (raw) => {
          const needle = titleContains?.toLowerCase();
          const series = asList(raw)
            .map(projectSeries)
            .filter((s) => !needle || s.title.toLowerCase().includes(needle));
          return { data: { series, total: series.length }, text: `${series.length} series in Sonarr's library${needle ? ` matching "${titleContains}"` : ""}` };
        }),
    }),
    defineTool(tools.sonarr.seriesLookup, {
      title: "Look up a series",
      annotations: READ_ONLY,
      description:
        "Searches Sonarr's metadata source for series by title (or 'tvdb:12345' for an exact TVDB id). Results show whether each is already in the library. Titles can be ambiguous (e.g. 'The Office' US 2005 vs UK 2001): check year and network before adding.",
      run: async ({ term }) =>
        outcome(await api.call({ path: "series/lookup", query: { term } }), (raw) => {
          const results = asList(raw).map(projectSeries);
          return {
            data: { results },
            text: `${results.length} series found for "${term}"${
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
    defineTool(tools.sonarr.seriesAdd, {
      title: "Add a series to Sonarr",
      annotations: WRITE,
      description:
        "Adds a series (by TVDB id from sonarr_series_lookup) to Sonarr with a quality profile and root folder, and optionally searches for missing episodes right away.",
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
          return {
            data: { series },
            text: `Added ${series.title} (${series.year ?? "?"}) to Sonarr${input.searchForMissingEpisodes ? " and started a search" : ""}`,
          };
        });
      },
    }),
    sonarrSetMonitoredTool(api),
    wantedTool(api, "missing"),
    wantedTool(api, "cutoff"),
    arrCommandTool(SONARR, api, tools.sonarr.command, {
      EpisodeSearch: {
        summary: "search for specific episodes (episodeIds)",
        body: ({ episodeIds }) => (episodeIds?.length ? { episodeIds } : "EpisodeSearch needs episodeIds"),
      },
      SeriesSearch: {
        summary: "search for all monitored episodes of a series (seriesId)",
        body: ({ seriesId }) => (seriesId ? { seriesId } : "SeriesSearch needs seriesId"),
      },
      RefreshSeries: {
        summary: "refresh metadata and rescan disk (seriesId, or all series)",
        body: ({ seriesId }) => (seriesId ? { seriesIds: [seriesId] } : {}),
      },
      MissingEpisodeSearch: { summary: "search for all missing monitored episodes", body: () => ({ monitored: true }) },
      RefreshMonitoredDownloads: { summary: "re-check the download clients now", body: () => ({}) },
    }),
  ];
}

function wantedTool(api: ArrApi, list: "missing" | "cutoff"): ToolSpec {
  const what = list === "missing" ? "monitored episodes that have aired but have no file" : "episodes whose file is below the quality profile's cutoff";
  return defineTool(list === "missing" ? tools.sonarr.wantedMissing : tools.sonarr.wantedCutoff, {
    title: list === "missing" ? "Sonarr missing episodes" : "Sonarr cutoff-unmet episodes",
    annotations: READ_ONLY,
    description: `Lists ${what} (paged).`,
    run: async ({ page, pageSize }) =>
      outcome(
        await api.call<Raw>({
          path: `wanted/${list}`,
          query: { page, pageSize, includeSeries: true, monitored: true, sortKey: "episodes.airDateUtc", sortDirection: "descending" },
        }),
        (raw) => {
          const body = obj(raw);
          const records = asList(body.records).map(projectEpisode);
          return {
            data: { ...paging(body), records },
            text: `${paging(body).totalRecords} ${list === "missing" ? "missing" : "cutoff-unmet"} episode(s) in Sonarr`,
          };
        },
      ),
  });
}
