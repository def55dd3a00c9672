// The connector tools a request uses, called through the tenant's hub and read with zod. Only look-up, add and
// search tools are reachable from here: nothing a request says can name another tool.
import { type AnyToolRef, type CallOutcome, type ToolInput, type ToolOutput, tools } from "@autoarr/contract";
import type { Env } from "../platform/env";
import { type HubClient, hubFor } from "../connectors/hub-client";
import type { Candidate } from "./rank";

export type ArrApp = "sonarr" | "radarr";
export type Called<T> = { ok: true; value: T } | { ok: false; kind: string; message: string };

/** What a request needs of its tenant's hub: calls to the apps, and the tenant's sockets. Inside the hub these are
 *  its own orchestrator and sockets; in the Worker, the bound hub client. */
export type RequestHub = Pick<HubClient, "call" | "broadcast">;

export interface CallScope {
  env: Env;
  tenantId: string;
  hub: RequestHub;
  traceparent?: string;
}

/** A scope for the Worker's side (a route acting for a signed-in user): calls go to the tenant's hub. */
export function hubScope(env: Env, tenantId: string, traceparent?: string): CallScope {
  return { env, tenantId, hub: hubFor(env, tenantId), ...(traceparent ? { traceparent } : {}) };
}

/** A typed call's answer as the request flow reads it: the data, or what went wrong in words. */
export async function call<R extends AnyToolRef>(scope: CallScope, ref: R, args: ToolInput<R>): Promise<Called<ToolOutput<R>>> {
  let outcome: CallOutcome<ToolOutput<R>>;
  try {
    outcome = await scope.hub.call(ref, args, scope.traceparent ? { traceparent: scope.traceparent } : {});
  } catch (error) {
    return { ok: false, kind: "internal", message: String(error) };
  }
  return outcome.ok ? { ok: true, value: outcome.data } : { ok: false, kind: outcome.error.kind, message: outcome.error.message };
}

export async function lookUp(scope: CallScope, app: ArrApp, term: string): Promise<Called<Candidate[]>> {
  const found =
    app === "sonarr"
      ? await call(scope, tools.sonarr.seriesLookup, { term: term.slice(0, 200) })
      : await call(scope, tools.radarr.movieLookup, { term: term.slice(0, 200) });
  if (!found.ok) return found;
  const candidates = found.value.results.flatMap((r, position): Candidate[] => {
    const externalId = "tvdbId" in r ? r.tvdbId : r.tmdbId;
    if (!externalId) return [];
    return [
      {
        optionId: `${app}:${externalId}`,
        app,
        type: app === "sonarr" ? "tv" : "movie",
        externalId,
        title: r.title,
        year: r.year ?? null,
        overview: r.overview ?? null,
        posterUrl: r.remotePoster ?? null,
        inLibrary: r.inLibrary,
        libraryId: r.id ?? null,
        position,
      },
    ];
  });
  return { ok: true, value: candidates };
}

export const qualityProfiles = (scope: CallScope, app: ArrApp) => call(scope, tools[app].qualityProfiles, {});
export const rootFolders = (scope: CallScope, app: ArrApp) => call(scope, tools[app].rootFolders, {});

export const addSeries = (
  scope: CallScope,
  args: { tvdbId: number; qualityProfileId: number; rootFolderPath: string; monitor: string; searchForMissingEpisodes: boolean },
) => call(scope, tools.sonarr.seriesAdd, { ...args, monitor: args.monitor as ToolInput<typeof tools.sonarr.seriesAdd>["monitor"], monitored: true });

export const addMovie = (scope: CallScope, args: { tmdbId: number; qualityProfileId: number; rootFolderPath: string }) =>
  call(scope, tools.radarr.movieAdd, { ...args, monitored: true, searchForMovie: true });

/** Missing episodes of one series in the given seasons (and episode), read page by page from Sonarr's wanted list. */
export async function missingEpisodes(scope: CallScope, seriesId: number, seasons: number[], episode: number | null): Promise<Called<number[]>> {
  const ids: number[] = [];
  for (let page = 1; page <= 10; page++) {
    const wanted = await call(scope, tools.sonarr.wantedMissing, { page, pageSize: 100 });
    if (!wanted.ok) return wanted;
    for (const r of wanted.value.records) {
      if (r.seriesId === seriesId && seasons.includes(r.seasonNumber) && (episode === null || r.episodeNumber === episode)) ids.push(r.id);
    }
    if (page * 100 >= wanted.value.totalRecords) break;
  }
  return { ok: true, value: ids.slice(0, 100) };
}

export const searchEpisodes = (scope: CallScope, episodeIds: number[]) => call(scope, tools.sonarr.command, { name: "EpisodeSearch", episodeIds });
export const searchSeries = (scope: CallScope, seriesId: number) => call(scope, tools.sonarr.command, { name: "SeriesSearch", seriesId });
