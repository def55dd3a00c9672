// The connector tools a request uses, called through the tenant's hub and read with zod. Only look-up, add and
// search tools are reachable from here: nothing a request says can name another tool.
import { z } from "zod";
import type { CallOutcome } from "@autoarr/contract";
import type { Env } from "../platform/env";
import { hubFor } from "../connectors/hub-client";
import type { Candidate } from "./rank";

export type ArrApp = "sonarr" | "radarr";
export type Called<T> = { ok: true; value: T } | { ok: false; kind: string; message: string };

export interface CallScope {
  env: Env;
  tenantId: string;
  traceparent?: string;
}

const LookupItem = z.looseObject({
  id: z.number().optional(), title: z.string(), year: z.number().optional(), overview: z.string().optional(), remotePoster: z.string().optional(),
  inLibrary: z.boolean().default(false), tvdbId: z.number().optional(), tmdbId: z.number().optional(), popularity: z.number().optional(),
});
const Lookup = z.looseObject({ results: z.array(LookupItem) });
const Profiles = z.looseObject({ profiles: z.array(z.looseObject({ id: z.number(), name: z.string(), allowedQualities: z.array(z.string()).default([]) })) });
const RootFolders = z.looseObject({ rootFolders: z.array(z.looseObject({ path: z.string(), accessible: z.boolean().optional() })) });
const AddedSeries = z.looseObject({ series: z.looseObject({ id: z.number(), title: z.string(), episodeFileCount: z.number().optional() }) });
const AddedMovie = z.looseObject({ movie: z.looseObject({ id: z.number(), title: z.string(), hasFile: z.boolean().optional() }) });
const Wanted = z.looseObject({ totalRecords: z.number(), records: z.array(z.looseObject({ id: z.number(), seriesId: z.number(), seasonNumber: z.number(), episodeNumber: z.number() })) });
export const Queue = z.looseObject({
  records: z.array(z.looseObject({ id: z.number(), status: z.string(), trackedDownloadState: z.string().optional(), seriesId: z.number().optional(), seasonNumber: z.number().optional(), movieId: z.number().optional(), sizeleft: z.number().optional() })),
});
export const SeriesList = z.looseObject({ series: z.array(z.looseObject({ id: z.number().optional(), tvdbId: z.number(), episodeFileCount: z.number().optional() })) });
export const MovieList = z.looseObject({ movies: z.array(z.looseObject({ id: z.number().optional(), tmdbId: z.number(), hasFile: z.boolean().optional() })) });
export const FailedHistory = z.looseObject({
  records: z.array(z.looseObject({ date: z.string(), seriesId: z.number().optional(), movieId: z.number().optional(), message: z.string().optional(), sourceTitle: z.string().optional() })),
});
export const PlexSearch = z.looseObject({ items: z.array(z.looseObject({ type: z.string(), title: z.string(), year: z.number().optional(), guids: z.array(z.string()).default([]) })) });

export async function call<T>(scope: CallScope, tool: string, args: Record<string, unknown>, shape: z.ZodType<T>): Promise<Called<T>> {
  let outcome: CallOutcome;
  try {
    outcome = await hubFor(scope.env, scope.tenantId).callTool(scope.tenantId, tool, args, scope.traceparent ? { traceparent: scope.traceparent } : {});
  } catch (error) {
    return { ok: false, kind: "internal", message: String(error) };
  }
  if (!outcome.ok) return { ok: false, kind: outcome.error.kind, message: outcome.error.message };
  const read = shape.safeParse(outcome.data);
  return read.success ? { ok: true, value: read.data } : { ok: false, kind: "app_error", message: `${tool} answered in an unexpected shape` };
}

export async function lookUp(scope: CallScope, app: ArrApp, term: string): Promise<Called<Candidate[]>> {
  const found = await call(scope, app === "sonarr" ? "sonarr_series_lookup" : "radarr_movie_lookup", { term: term.slice(0, 200) }, Lookup);
  if (!found.ok) return found;
  const candidates = found.value.results.flatMap((r, position): Candidate[] => {
    const externalId = app === "sonarr" ? r.tvdbId : r.tmdbId;
    if (!externalId) return [];
    return [{
      optionId: `${app}:${externalId}`, app, type: app === "sonarr" ? "tv" : "movie", externalId, title: r.title, year: r.year ?? null,
      overview: r.overview ?? null, posterUrl: r.remotePoster ?? null, inLibrary: r.inLibrary, libraryId: r.id ?? null, position,
      ...(r.popularity === undefined ? {} : { popularity: r.popularity }),
    }];
  });
  return { ok: true, value: candidates };
}

export const qualityProfiles = (scope: CallScope, app: ArrApp) => call(scope, `${app}_quality_profiles`, {}, Profiles);
export const rootFolders = (scope: CallScope, app: ArrApp) => call(scope, `${app}_root_folders`, {}, RootFolders);

export const addSeries = (scope: CallScope, args: { tvdbId: number; qualityProfileId: number; rootFolderPath: string; monitor: string; searchForMissingEpisodes: boolean }) =>
  call(scope, "sonarr_series_add", { ...args, monitored: true }, AddedSeries);

export const addMovie = (scope: CallScope, args: { tmdbId: number; qualityProfileId: number; rootFolderPath: string }) =>
  call(scope, "radarr_movie_add", { ...args, monitored: true, searchForMovie: true }, AddedMovie);

/** Missing episodes of one series in the given seasons (and episode), read page by page from Sonarr's wanted list. */
export async function missingEpisodes(scope: CallScope, seriesId: number, seasons: number[], episode: number | null): Promise<Called<number[]>> {
  const ids: number[] = [];
  for (let page = 1; page <= 10; page++) {
    const wanted = await call(scope, "sonarr_wanted_missing", { page, pageSize: 100 }, Wanted);
    if (!wanted.ok) return wanted;
    for (const r of wanted.value.records) {
      if (r.seriesId === seriesId && seasons.includes(r.seasonNumber) && (episode === null || r.episodeNumber === episode)) ids.push(r.id);
    }
    if (page * 100 >= wanted.value.totalRecords) break;
  }
  return { ok: true, value: ids.slice(0, 100) };
}

export const searchEpisodes = (scope: CallScope, episodeIds: number[]) => call(scope, "sonarr_command", { name: "EpisodeSearch", episodeIds }, z.looseObject({ id: z.number() }));
export const searchSeries = (scope: CallScope, seriesId: number) => call(scope, "sonarr_command", { name: "SeriesSearch", seriesId }, z.looseObject({ id: z.number() }));
