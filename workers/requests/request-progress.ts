// Follows added requests to the end: searching → downloading → imported → available (Plex has it), or failed.
// Reads each app's queue, library and failed-download history once per run, then Plex only for imported items.
import { database } from "../platform/db/database";
import { tools } from "@autoarr/contract";
import { type ArrApp, call, type CallScope } from "./arr-calls";
import { titleWords } from "./rank";
import { type ContentRequest, listTrackedRequests, type RequestOutcome, type RequestStatus } from "./requests.repo";
import { transition } from "./request-state";

/** How old a request's last check may be before reading it triggers a new one. */
export const STALE_AFTER_MS = 30_000;

interface AppSnapshot {
  queue: { mediaId?: number; seasonNumber?: number }[];
  files: Map<number, number>;
  failures: { mediaId?: number; at: number; message: string }[];
}

async function snapshotOf(scope: CallScope, app: ArrApp): Promise<AppSnapshot | undefined> {
  const sonarr = app === "sonarr";
  const [queue, series, movies, failed] = await Promise.all([
    call(scope, tools[app].queue, { page: 1, pageSize: 100 }),
    sonarr ? call(scope, tools.sonarr.seriesList, {}) : undefined,
    sonarr ? undefined : call(scope, tools.radarr.movieList, {}),
    call(scope, tools[app].historyFailed, { page: 1, pageSize: 50 }),
  ]);
  if (!queue.ok || series?.ok === false || movies?.ok === false) return undefined;
  const files = new Map<number, number>();
  if (series?.ok) for (const s of series.value.series) if (s.id) files.set(s.id, s.episodeFileCount ?? 0);
  if (movies?.ok) for (const m of movies.value.movies) if (m.id) files.set(m.id, m.hasFile ? 1 : 0);
  return {
    queue: queue.value.records.map((r) => ({
      mediaId: sonarr ? r.seriesId : r.movieId,
      ...(r.seasonNumber === undefined ? {} : { seasonNumber: r.seasonNumber }),
    })),
    files,
    failures: failed.ok
      ? failed.value.records.map((r) => ({
          mediaId: sonarr ? r.seriesId : r.movieId,
          at: Date.parse(r.date),
          message: r.message ?? r.sourceTitle ?? "download failed",
        }))
      : [],
  };
}

async function plexHas(scope: CallScope, outcome: RequestOutcome): Promise<boolean> {
  if (!outcome.title) return false;
  const found = await call(scope, tools.plex.search, { query: outcome.title, limit: 10 });
  if (!found.ok) return false;
  const guid = outcome.app === "sonarr" ? `tvdb://${outcome.externalId}` : `tmdb://${outcome.externalId}`;
  const words = titleWords(outcome.title).join(" ");
  return found.value.items.some(
    (item) =>
      (item.type === "movie" || item.type === "show") &&
      (item.guids.includes(guid) || (titleWords(item.title).join(" ") === words && (!outcome.year || item.year === outcome.year))),
  );
}

async function nextState(scope: CallScope, request: ContentRequest, snapshot: AppSnapshot): Promise<{ status: RequestStatus; reason: string | null }> {
  const outcome = request.outcome!;
  const id = outcome.libraryId;
  const seasons = request.parse?.seasons;
  const queued = snapshot.queue.filter((q) => q.mediaId === id && (!seasons || q.seasonNumber === undefined || seasons.includes(q.seasonNumber)));
  const imported = (snapshot.files.get(id ?? -1) ?? 0) > (outcome.baselineFiles ?? 0);
  const keep = outcome.kind === "already_in_library" ? request.reason : null;
  if (imported && queued.length === 0 && (await plexHas(scope, outcome))) return { status: "available", reason: keep };
  if (queued.length > 0) return { status: "downloading", reason: keep };
  if (imported) return { status: "imported", reason: keep };
  const failure = snapshot.failures.find((f) => f.mediaId === id && f.at >= request.createdAt.getTime() - 1_000);
  if (failure) return { status: "failed", reason: `The download failed: ${failure.message}` };
  if (request.status === "failed") return { status: "failed", reason: request.reason };
  return { status: outcome.kind === "already_in_library" || request.status === "added" ? request.status : "searching", reason: request.reason };
}

/** Moves the given requests (of the scope's tenant) forward; returns how many changed status. */
export async function advance(scope: CallScope, requests: ContentRequest[]): Promise<{ changed: number; requests: ContentRequest[] }> {
  if (requests.length === 0) return { changed: 0, requests };
  const apps = [...new Set(requests.map((r) => r.outcome?.app).filter((a): a is ArrApp => a !== undefined))];
  const snapshots = new Map(await Promise.all(apps.map(async (app) => [app, await snapshotOf(scope, app)] as const)));
  let changed = 0;
  const updated: ContentRequest[] = [];
  for (const request of requests) {
    const snapshot = request.outcome?.app ? snapshots.get(request.outcome.app) : undefined;
    if (!snapshot) {
      updated.push(request);
      continue;
    }
    const next = await nextState(scope, request, snapshot);
    if (next.status !== request.status) changed++;
    updated.push(
      await transition(scope, request, { status: next.status, reason: next.reason, outcome: { ...request.outcome!, checkedAt: new Date().toISOString() } }),
    );
  }
  return { changed, requests: updated };
}

/** The two-minute check's entry point (run in the tenant's hub, after the queue check): every tracked request. */
export async function advanceRequests(scope: CallScope): Promise<number> {
  const tracked = await listTrackedRequests(database(scope.env.DB), scope.tenantId);
  return (await advance(scope, tracked)).changed;
}

export function isStale(request: ContentRequest, now = Date.now()): boolean {
  const checked = request.outcome?.checkedAt ? Date.parse(request.outcome.checkedAt) : request.updatedAt.getTime();
  return now - checked > STALE_AFTER_MS;
}
