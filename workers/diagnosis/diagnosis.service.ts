// Diagnoses one item for a tenant: names the item (plain words through the requests' rule parser, a request of this
// tenant, or the apps' ids), reads everything the stack knows about it in one round trip (stack_item_trace) and walks
// it (diagnosis.logic.ts).
import { type CallOutcome, type ToolOutput, type TraceTarget, tools } from "@autoarr/contract";
import type { RateLimitRule } from "../../durable-objects/rate-limiter/sliding-window.logic";
import type { CallContext } from "../../durable-objects/tenant-hub/orchestrator";
import { callErrorToAppError, type HubClient } from "../connectors/hub-client";
import { toolCall } from "../connectors/tool-call";
import type { Database } from "../platform/db/database";
import { AppError, notFound } from "../platform/errors";
import { parseWithRules } from "../requests/parse.rules";
import { findRequest } from "../requests/requests.repo";
import { diagnose, type ItemTrace, labelOf } from "./diagnosis.logic";
import type { DiagnoseBody, Diagnosis, DiagnosisTarget } from "./diagnosis.schema";

/** A release search queries every indexer the app has: a person's question, a few an hour, never a loop. */
export const RELEASE_SEARCH_LIMIT: RateLimitRule = { name: "diagnose-release-search", limit: 10, windowSeconds: 3600 };

export interface DiagnosisDeps {
  hub: Pick<HubClient, "call" | "callMany" | "consumeRateLimit">;
  db: Database;
  tenantId: string;
  context?: CallContext;
  now?: () => Date;
}

type Trace = ToolOutput<typeof tools.stack.itemTrace>;

/** The items a body may mean: one, or a series and a movie by the same words when the words do not say which. */
export async function resolveTargets(deps: Pick<DiagnosisDeps, "db" | "tenantId">, body: DiagnoseBody): Promise<DiagnosisTarget[]> {
  if (body.sonarrSeriesId !== undefined)
    return [
      withLabel({
        app: "sonarr",
        seriesId: body.sonarrSeriesId,
        ...(body.seasonNumber !== undefined ? { seasonNumber: body.seasonNumber } : {}),
        ...(body.episodeNumber !== undefined ? { episodeNumber: body.episodeNumber } : {}),
      }),
    ];
  if (body.radarrMovieId !== undefined) return [withLabel({ app: "radarr", movieId: body.radarrMovieId })];
  if (body.requestId !== undefined) {
    const request = await findRequest(deps.db, deps.tenantId, body.requestId);
    if (!request) throw notFound("Request");
    const { outcome, choice, parse } = request;
    const app = outcome?.app ?? choice?.app;
    const title = outcome?.title ?? choice?.title ?? parse?.title ?? undefined;
    const year = outcome?.year ?? choice?.year ?? parse?.year ?? undefined;
    const season = parse?.seasons?.length === 1 ? parse.seasons[0] : undefined;
    const episode = season !== undefined ? (parse?.episode ?? undefined) : undefined;
    const libraryId = outcome?.libraryId ?? choice?.libraryId ?? undefined;
    const externalId = outcome?.externalId ?? choice?.externalId ?? undefined;
    if (app === "sonarr" || (!app && parse?.type === "tv"))
      return [
        withLabel({
          app: "sonarr",
          ...(libraryId ? { seriesId: libraryId } : {}),
          ...(externalId ? { tvdbId: externalId } : {}),
          ...(title ? { title } : {}),
          ...(year ? { year } : {}),
          ...(season !== undefined ? { seasonNumber: season } : {}),
          ...(episode !== undefined ? { episodeNumber: episode } : {}),
        }),
      ];
    if (app === "radarr" || (!app && parse?.type === "movie"))
      return [
        withLabel({
          app: "radarr",
          ...(libraryId ? { movieId: libraryId } : {}),
          ...(externalId ? { tmdbId: externalId } : {}),
          ...(title ? { title } : {}),
          ...(year ? { year } : {}),
        }),
      ];
    return byTitle(title ?? request.query.slice(0, 200), year, season, episode, "unknown");
  }
  const parse = parseWithRules(body.query ?? "");
  const season = parse.seasons?.length === 1 ? parse.seasons[0] : undefined;
  return byTitle(
    parse.title ?? (body.query ?? "").slice(0, 200),
    parse.year ?? undefined,
    season,
    season !== undefined ? (parse.episode ?? undefined) : undefined,
    parse.type,
  );
}

function byTitle(title: string, year: number | undefined, season: number | undefined, episode: number | undefined, type: string): DiagnosisTarget[] {
  const series = withLabel({
    app: "sonarr",
    title,
    ...(year ? { year } : {}),
    ...(season !== undefined ? { seasonNumber: season } : {}),
    ...(episode !== undefined ? { episodeNumber: episode } : {}),
  });
  const movie = withLabel({ app: "radarr", title, ...(year ? { year } : {}) });
  if (type === "tv" || season !== undefined) return [series];
  if (type === "movie") return [movie];
  return [series, movie];
}

function withLabel(target: Omit<DiagnosisTarget, "label">): DiagnosisTarget {
  return { ...target, label: labelOf(target) };
}

/** What stack_item_trace takes for a target (ids first: the trace needs no title when it has one). */
export function traceTargetOf(target: DiagnosisTarget): TraceTarget {
  if (target.app === "radarr")
    return {
      app: "radarr",
      ...(target.movieId ? { movieId: target.movieId } : target.tmdbId ? { tmdbId: target.tmdbId } : { title: target.title ?? target.label }),
      ...(target.year ? { year: target.year } : {}),
    };
  return {
    app: "sonarr",
    ...(target.seriesId ? { seriesId: target.seriesId } : target.tvdbId ? { tvdbId: target.tvdbId } : { title: target.title ?? target.label }),
    ...(target.year ? { year: target.year } : {}),
    ...(target.seasonNumber !== undefined ? { seasonNumber: target.seasonNumber } : {}),
    ...(target.seasonNumber !== undefined && target.episodeNumber !== undefined ? { episodeNumber: target.episodeNumber } : {}),
  };
}

/** The trace's data, or the error the route answers with; a connector without the tool is told to update. */
function traceOf(outcome: CallOutcome<Trace>): Trace {
  if (outcome.ok) return outcome.data;
  if (outcome.error.kind === "unknown_tool")
    throw new AppError("conflict", "The connector is too old to diagnose items (it has no stack_item_trace): update it on your NAS");
  throw callErrorToAppError(outcome.error);
}

const normalised = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, "");

/** Of a series and a movie read by the same words, the one the library has, else the one whose lookup matches best. */
function pick(targets: DiagnosisTarget[], traces: Trace[]): number {
  const inLibrary = traces.findIndex((t) => t.arr.ok && t.arr.data.item !== null);
  if (inLibrary >= 0) return inLibrary;
  const exact = traces.findIndex((t, i) => t.arr.ok && (t.arr.data.lookup ?? []).some((l) => normalised(l.title) === normalised(targets[i]!.title ?? "")));
  if (exact >= 0) return exact;
  const any = traces.findIndex((t) => t.arr.ok && (t.arr.data.lookup ?? []).length > 0);
  return Math.max(any, 0);
}

/** Counts a release search against the tenant's own budget for it (besides the API's), before anything is asked. */
async function admitReleaseSearch(deps: DiagnosisDeps): Promise<void> {
  const decision = await deps.hub.consumeRateLimit([{ ...RELEASE_SEARCH_LIMIT }]);
  if (decision.allowed) return;
  throw new AppError(
    "rate_limited",
    `Asking the indexers queries every one of them: at most ${RELEASE_SEARCH_LIMIT.limit} an hour; try again in ${decision.retryAfterSeconds} s`,
    undefined,
    { "Retry-After": String(decision.retryAfterSeconds) },
  );
}

/** Reads the trace of each possible target in one round trip. */
export async function readTraces(deps: DiagnosisDeps, targets: DiagnosisTarget[], releaseSearch: boolean): Promise<Trace[]> {
  const calls = targets.map((t) => toolCall(tools.stack.itemTrace, { target: traceTargetOf(t), releaseSearch }));
  if (calls.length === 1) return [traceOf(await deps.hub.call(tools.stack.itemTrace, calls[0]!.arguments!, deps.context))];
  const outcomes = await deps.hub.callMany(calls, deps.context);
  return outcomes.map(traceOf);
}

export async function diagnoseItem(deps: DiagnosisDeps, body: DiagnoseBody): Promise<Diagnosis> {
  const targets = await resolveTargets(deps, body);
  const releaseSearch = body.releaseSearch === true;
  // A search by words that fit a series and a movie alike asks the indexers only once it knows which one is meant.
  if (releaseSearch) await admitReleaseSearch(deps);
  const now = (deps.now ?? (() => new Date()))();
  const traces = await readTraces(deps, targets, releaseSearch && targets.length === 1);
  const target = targets[pick(targets, traces)]!;
  const trace = targets.length > 1 && releaseSearch ? (await readTraces(deps, [target], true))[0]! : traces[targets.indexOf(target)]!;
  return diagnose({ target, trace: trace as ItemTrace, releaseSearch, now });
}
