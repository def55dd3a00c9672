// Radarr's part of stack_item_trace. Calls (Radarr, src/Radarr.Api.V3):
//   resolve:   GET /movie/{id} | GET /movie?tmdbId= | GET /movie (by title); then, not in the library, GET /movie/lookup
//   at once:   GET /indexer, /health, /qualityprofile (with the resolve), then, knowing the movie:
//              GET /history/movie?movieId=, GET /queue?movieIds=, GET /blocklist/movie?movieId=, and when asked GET /release?movieId=
// The movie resource carries its file (movieFile), isAvailable and lastSearchTime, so they cost no call of their own.
import type { ArrTrace, TraceTarget } from "@autoarr/contract";
import type { ArrApi } from "../apps/arr/arr.api.js";
import { bool, compact, num, type Raw, str } from "../apps/arr/arr.types.js";
import { ok, type Result } from "../http/upstream.js";
import {
  asList,
  ITEM_PAGE_SIZE,
  newestHistory,
  projectTraceBlocklist,
  projectTraceFile,
  projectTraceQueue,
  readItemIndependent,
  releasesOf,
  resolveLibraryItem,
} from "./item-trace.arr.js";

type RadarrTarget = Extract<TraceTarget, { app: "radarr" }>;
export async function readRadarrTrace(
  api: ArrApi,
  target: RadarrTarget,
  options: { releaseSearch: boolean; releaseTimeoutMs: number },
): Promise<Result<ArrTrace>> {
  const independent = readItemIndependent(api);
  const resolved = await resolveLibraryItem(
    api,
    { resource: "movie", externalKey: "tmdbId" },
    { id: target.movieId, externalId: target.tmdbId, title: target.title, year: target.year },
  );
  if (!resolved.ok) return resolved;
  const shared = await independent;
  if (!shared.ok) return shared;
  const { indexers, health, profileNames } = shared.value;
  const base = { app: "radarr" as const, indexers, health, history: [], queue: [], blocklist: [], wanted: { missing: false, cutoffUnmet: false } };
  if (resolved.value.item === null) {
    return ok({
      ...base,
      item: null,
      ...(resolved.value.lookup ? { lookup: resolved.value.lookup } : {}),
      ...(options.releaseSearch ? { releaseSearchSkipped: "The movie is not in Radarr" } : {}),
    });
  }
  const movie = resolved.value.item;
  const movieId = num(movie.id) ?? 0;
  const [history, queue, blocklist, releases] = await Promise.all([
    api.call({ path: "history/movie", query: { movieId } }),
    api.call<Raw>({ path: "queue", query: { movieIds: [movieId], pageSize: ITEM_PAGE_SIZE } }),
    api.call({ path: "blocklist/movie", query: { movieId } }),
    options.releaseSearch ? api.call({ path: "release", query: { movieId }, timeoutMs: options.releaseTimeoutMs }) : Promise.resolve(undefined),
  ]);
  if (!history.ok) return history;
  if (!queue.ok) return queue;
  if (!blocklist.ok) return blocklist;

  const monitored = bool(movie.monitored) === true;
  const hasFile = bool(movie.hasFile) === true;
  const file = hasFile ? projectTraceFile(movie.movieFile) : undefined;
  const profileId = num(movie.qualityProfileId) ?? 0;
  return ok({
    ...base,
    item: compact<NonNullable<ArrTrace["item"]>>({
      id: movieId,
      title: str(movie.title) ?? "",
      year: num(movie.year),
      monitored,
      qualityProfileId: profileId,
      qualityProfileName: profileNames.get(profileId),
      path: str(movie.path),
      added: str(movie.added),
      status: str(movie.status),
      isAvailable: bool(movie.isAvailable),
      hasFile,
      lastSearchTime: str(movie.lastSearchTime),
      minimumAvailability: str(movie.minimumAvailability),
    }),
    ...(file ? { file } : {}),
    // WantedMissing: monitored, available, no file; WantedCutoff: monitored with a file below the profile's cutoff.
    wanted: { missing: monitored && !hasFile && bool(movie.isAvailable) === true, cutoffUnmet: monitored && file?.qualityCutoffNotMet === true },
    history: newestHistory(asList(history.value).filter((h) => num(h.movieId) === undefined || num(h.movieId) === movieId)),
    queue: asList(queue.value.records)
      .filter((q) => num(q.movieId) === movieId)
      .map(projectTraceQueue),
    blocklist: asList(blocklist.value)
      .filter((b) => num(b.movieId) === undefined || num(b.movieId) === movieId)
      .map(projectTraceBlocklist),
    ...(releases === undefined
      ? {}
      : releases.ok
        ? { releases: releasesOf(releases.value) }
        : { releaseSearchSkipped: `The release search failed: ${releases.failure.message}` }),
  });
}
