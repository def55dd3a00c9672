// Moving a request to a new state: persisted, recorded in the activity log and pushed to the tenant's sockets.
import type { Env } from "../platform/env";
import type { RequestHub } from "./arr-calls";
import { createLogger } from "../platform/logger";
import { recordActivity } from "../activity/activity.service";
import { database } from "../platform/db/database";
import { type ContentRequest, type RequestChanges, type RequestStatus, updateRequest } from "./requests.repo";

export interface RequestView {
  id: string;
  query: string;
  parse: ContentRequest["parse"];
  status: RequestStatus;
  options?: {
    optionId: string;
    title: string;
    year: number | null;
    type: "tv" | "movie";
    overview: string | null;
    posterUrl: string | null;
    inLibrary: boolean;
  }[];
  choice?: { optionId: string; title: string; year: number | null; type: "tv" | "movie" };
  reason?: string;
  app?: "sonarr" | "radarr";
  outcome?: { kind: string; title?: string; year?: number | null; searched?: { app: string; term: string; results: number; error?: string }[] };
  createdAt: string;
  updatedAt: string;
  user: { id: string; email: string | null } | null;
}

export function requestView(request: ContentRequest): RequestView {
  const { outcome } = request;
  return {
    id: request.id,
    query: request.query,
    parse: request.parse,
    status: request.status,
    ...(request.status === "needs_choice" && request.options
      ? {
          options: request.options.map((o) => ({
            optionId: o.optionId,
            title: o.title,
            year: o.year,
            type: o.type,
            overview: o.overview,
            posterUrl: o.posterUrl,
            inLibrary: o.inLibrary,
          })),
        }
      : {}),
    ...(request.choice
      ? { choice: { optionId: request.choice.optionId, title: request.choice.title, year: request.choice.year, type: request.choice.type } }
      : {}),
    ...(request.reason ? { reason: request.reason } : {}),
    ...(outcome?.app ? { app: outcome.app } : {}),
    ...(outcome
      ? {
          outcome: {
            kind: outcome.kind,
            ...(outcome.title ? { title: outcome.title, year: outcome.year ?? null } : {}),
            ...(outcome.searched ? { searched: outcome.searched } : {}),
          },
        }
      : {}),
    createdAt: request.createdAt.toISOString(),
    updatedAt: request.updatedAt.toISOString(),
    user: request.userId ? { id: request.userId, email: request.userEmail } : null,
  };
}

const LEVEL: Record<RequestStatus, "info" | "warning" | "error"> = {
  needs_choice: "info",
  added: "info",
  searching: "info",
  downloading: "info",
  imported: "info",
  available: "info",
  failed: "warning",
};

function describe(request: ContentRequest): string {
  const what = request.outcome?.title ?? request.choice?.title ?? request.parse?.title ?? request.query;
  const year = request.outcome?.year ?? request.choice?.year;
  const label = `"${what}"${year ? ` (${year})` : ""}`;
  switch (request.status) {
    case "needs_choice":
      return `Request ${label} needs a choice between ${request.options?.length ?? 0} candidates`;
    case "added":
      return `Request ${label} added to ${request.outcome?.app === "sonarr" ? "Sonarr" : "Radarr"}`;
    case "searching":
      return `Request ${label}: searching for a release`;
    case "downloading":
      return `Request ${label}: downloading`;
    case "imported":
      return `Request ${label}: imported`;
    case "available":
      return `Request ${label} is available in Plex`;
    case "failed":
      return `Request ${label} failed: ${request.reason ?? "unknown reason"}`;
  }
}

/** Where a transition is saved and announced. */
export interface StateScope {
  env: Env;
  hub: Pick<RequestHub, "broadcast">;
}

/** Applies `changes`; when the status changes (or the request is new), records and broadcasts it. */
export async function transition(
  { env, hub }: StateScope,
  request: ContentRequest,
  changes: RequestChanges,
  options: { isNew?: boolean } = {},
): Promise<ContentRequest> {
  const statusChanged = options.isNew || (changes.status !== undefined && changes.status !== request.status);
  const next: ContentRequest = { ...request, ...changes, ...(statusChanged ? { updatedAt: new Date() } : {}) };
  const db = database(env.DB);
  if (!options.isNew) await updateRequest(db, request.tenantId, request.id, { ...changes, updatedAt: next.updatedAt });
  if (!statusChanged) return next;
  try {
    await recordActivity(
      db,
      request.tenantId,
      {
        app: next.outcome?.app ?? null,
        kind: "request",
        level: LEVEL[next.status],
        message: describe(next),
        data: { requestId: next.id, status: next.status, userId: next.userId },
      },
      next.updatedAt,
    );
    await hub.broadcast({ type: "request", at: next.updatedAt.toISOString(), data: { ...requestView(next) } });
  } catch (error) {
    // The state is saved; a missed activity line or socket message must not fail the request.
    createLogger("requests").warn("could not record or broadcast a request change", { requestId: next.id, error: String(error) });
  }
  return next;
}
