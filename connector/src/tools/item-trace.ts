// stack_item_trace: everything the stack knows about one episode or movie, in one round trip to the connector. Each
// app's part is read as soon as what it needs is known: Sonarr/Radarr, Prowlarr and Plex (given a title) at once;
// SABnzbd when the *arr part has named the item's download ids, Plex then when it needed the item's title. A part whose
// app fails says why in its own place, and the tool still answers with the others.
import {
  type ArrTrace,
  displayName,
  type PlexTrace,
  type ProwlarrTrace,
  RELEASE_SEARCH_TIMEOUT_MS,
  type SabnzbdTrace,
  type ToolOutput,
  type TracePart,
  type TraceTarget,
  tools,
} from "@autoarr/contract";
import { fail, type Result } from "../http/upstream.js";
import type { AppClients } from "../mcp.js";
import { asPart, downloadIdsOf } from "./item-trace.arr.js";
import { type PlexTraceQuery, readPlexTrace } from "./item-trace.plex.js";
import { readProwlarrTrace } from "./item-trace.prowlarr.js";
import { readRadarrTrace } from "./item-trace.radarr.js";
import { readSabnzbdTrace } from "./item-trace.sabnzbd.js";
import { readSonarrTrace } from "./item-trace.sonarr.js";
import { defineTool, READ_ONLY, type ToolSpec } from "./tool.js";

function readArr(clients: AppClients, target: TraceTarget, releaseSearch: boolean): Promise<Result<ArrTrace>> {
  const options = { releaseSearch, releaseTimeoutMs: RELEASE_SEARCH_TIMEOUT_MS };
  if (target.app === "sonarr") return clients.sonarr ? readSonarrTrace(clients.sonarr, target, options) : notConfigured("sonarr");
  return clients.radarr ? readRadarrTrace(clients.radarr, target, options) : notConfigured("radarr");
}

const notConfigured = async (app: "sonarr" | "radarr"): Promise<Result<never>> =>
  fail({ kind: "not_found", message: `${displayName(app)} is not configured on this connector` });

/** What Plex is searched for: the title the item has in Sonarr/Radarr, else the one asked, else what the lookup found. */
function plexQuery(target: TraceTarget, arr: Result<ArrTrace> | undefined): PlexTraceQuery | undefined {
  const trace = arr?.ok ? arr.value : undefined;
  const title = trace?.item?.title ?? target.title ?? trace?.lookup?.[0]?.title;
  if (!title) return undefined;
  const year = target.year ?? trace?.item?.year;
  const episode = target.app === "sonarr" ? { seasonNumber: target.seasonNumber, episodeNumber: target.episodeNumber } : {};
  return { kind: target.app === "sonarr" ? "show" : "movie", title, ...(year === undefined ? {} : { year }), ...episode };
}

const NO_TITLE: TracePart<never> = { ok: false, error: "No title to search Plex for: the item was not found by its id", kind: "skipped" };

const label = (target: TraceTarget) =>
  target.app === "sonarr"
    ? `${target.title ?? (target.seriesId ? `series ${target.seriesId}` : `TVDB ${target.tvdbId}`)}${target.seasonNumber === undefined ? "" : ` S${target.seasonNumber}`}${target.episodeNumber === undefined ? "" : `E${target.episodeNumber}`}`
    : (target.title ?? (target.movieId ? `movie ${target.movieId}` : `TMDB ${target.tmdbId}`));

export function stackItemTraceTool(clients: AppClients): ToolSpec {
  return defineTool(tools.stack.itemTrace, {
    title: "Trace one episode or movie through the stack",
    annotations: READ_ONLY,
    description:
      "Gathers, in one call, what every configured app knows about one episode or movie: Sonarr's or Radarr's item (or its lookup when it was never added), monitoring, file, wanted state, history, queue, blocklist, indexers and health; SABnzbd's jobs for the download ids the app names, with its speed, free space and warnings; Plex's matches and the sections' scan times; Prowlarr's indexers. With releaseSearch it also asks Sonarr/Radarr what the indexers return now (GET /release: it queries every indexer and may take a minute). An app that fails answers its own part with the reason.",
    run: async ({ target, releaseSearch }) => {
      const arrRead = readArr(clients, target, releaseSearch);
      const plex = clients.plex;
      const early = plexQuery(target, undefined);
      const plexRead: Promise<TracePart<PlexTrace> | undefined> = !plex
        ? Promise.resolve(undefined)
        : early
          ? readPlexTrace(plex, early).then(asPart)
          : arrRead.then((arr) => {
              const query = plexQuery(target, arr);
              return query ? readPlexTrace(plex, query).then(asPart) : NO_TITLE;
            });
      const sabnzbd = clients.sabnzbd;
      const sabRead: Promise<TracePart<SabnzbdTrace> | undefined> = sabnzbd
        ? arrRead.then((arr) => readSabnzbdTrace(sabnzbd, arr.ok ? downloadIdsOf(arr.value) : []).then(asPart))
        : Promise.resolve(undefined);
      const prowlarrRead: Promise<TracePart<ProwlarrTrace> | undefined> = clients.prowlarr
        ? readProwlarrTrace(clients.prowlarr).then(asPart)
        : Promise.resolve(undefined);
      const [arr, sabPart, plexPart, prowlarrPart] = await Promise.all([arrRead.then(asPart), sabRead, plexRead, prowlarrRead]);
      const data: ToolOutput<typeof tools.stack.itemTrace> = {
        arr,
        ...(prowlarrPart ? { prowlarr: prowlarrPart } : {}),
        ...(sabPart ? { sabnzbd: sabPart } : {}),
        ...(plexPart ? { plex: plexPart } : {}),
      };
      const failed = Object.entries({ [target.app]: arr, prowlarr: prowlarrPart, sabnzbd: sabPart, plex: plexPart })
        .filter(([, part]) => part?.ok === false)
        .map(([app]) => app);
      return {
        ok: true,
        data,
        text: `Trace of ${label(target)}${failed.length ? `; could not read ${failed.join(", ")}` : ""}`,
      };
    },
  });
}
