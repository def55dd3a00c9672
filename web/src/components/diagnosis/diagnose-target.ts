// What "Why isn't it here?" asks about for a request, an activity entry or a queue item: the ids the item carries, and
// only its title when it carries no id. Part of Home's chunk (the rows use it), so it imports types only.
import type { ActivityItem, MediaRequest, QueueItem } from "../../api/api-types";
import type { DiagnoseTarget } from "../../api/diagnosis.api";

/** A request that has not arrived: still being added, searched or downloaded, or one that failed. */
export function requestDiagnoseTarget(request: MediaRequest): DiagnoseTarget | null {
  return request.status === "needs_choice" || request.status === "available" ? null : { requestId: request.id };
}

const record = (value: unknown): Record<string, unknown> | null => (typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null);
const positiveInt = (value: unknown): number | undefined => (typeof value === "number" && Number.isInteger(value) && value > 0 ? value : undefined);
const nonNegativeInt = (value: unknown): number | undefined => (typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : undefined);
const text = (value: unknown): string | undefined => (typeof value === "string" && value.trim() !== "" ? value.trim().slice(0, 200) : undefined);

/** Sonarr's series (+ season + episode) or Radarr's movie, named by the ids of a trace target ({app, seriesId, …}). */
function idTarget(data: Record<string, unknown>, app: unknown): DiagnoseTarget | null {
  const seriesId = positiveInt(data.seriesId);
  if (seriesId !== undefined && (app === "sonarr" || app === undefined)) {
    const seasonNumber = nonNegativeInt(data.seasonNumber);
    const episodeNumber = seasonNumber === undefined ? undefined : positiveInt(data.episodeNumber);
    return {
      sonarrSeriesId: seriesId,
      ...(seasonNumber !== undefined ? { seasonNumber } : {}),
      ...(episodeNumber !== undefined ? { episodeNumber } : {}),
    };
  }
  const movieId = positiveInt(data.movieId);
  if (movieId !== undefined && (app === "radarr" || app === undefined)) return { radarrMovieId: movieId };
  return null;
}

/** Activity about an episode or movie: requests (by id), detections, recoveries, hunts and earlier fixes. */
const DIAGNOSABLE_KINDS = new Set(["request", "detection", "recovery", "hunt", "diagnosis_fix"]);
const SETTLED_REQUEST_STATUSES = new Set(["available", "needs_choice"]);

export function activityDiagnoseTarget(item: ActivityItem): DiagnoseTarget | null {
  if (!DIAGNOSABLE_KINDS.has(item.kind)) return null;
  const data = record(item.data);
  if (!data) return null;
  if (item.kind === "request") {
    const requestId = text(data.requestId);
    return requestId && !SETTLED_REQUEST_STATUSES.has(String(data.status)) ? { requestId } : null;
  }
  const nested = record(data.target);
  const byId = (nested ? idTarget(nested, nested.app) : null) ?? idTarget(data, item.app ?? undefined);
  if (byId) return byId;
  const title = text(data.title);
  return title ? { query: title } : null;
}

/** A queue item carries its title only (the app's queue record id is no episode or movie id): the title is asked about. */
export function queueDiagnoseTarget(item: QueueItem): DiagnoseTarget | null {
  if (item.app !== "sonarr" && item.app !== "radarr" && item.app !== "sabnzbd") return null;
  const title = text(item.title);
  return title ? { query: title } : null;
}
