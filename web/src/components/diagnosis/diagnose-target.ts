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

/**
 * A download's release name as people say the item: "Severance.S02E03.1080p.WEB-DL" → "Severance S02E03",
 * "Dune.Part.Two.2024.2160p.UHD.BluRay-FLUX" → "Dune Part Two 2024". The quality, source and group after the episode or
 * year would only be taken for part of the title.
 */
export function itemQueryOf(title: string): string {
  const words = title.replace(/[._]+/g, " ").replace(/\s+/g, " ").trim();
  const episode = /^(.+?)\s+(S\d{1,3}(?:E\d{1,4})?)\b/i.exec(words);
  if (episode?.[1] && episode[2]) return `${episode[1]} ${episode[2].toUpperCase()}`;
  const year = /^(.+)\s+\(?((?:19|20)\d{2})\)?(?:\s|$)/.exec(words);
  if (year?.[1] && year[2]) return `${year[1]} ${year[2]}`;
  return words;
}

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
  return title ? { query: itemQueryOf(title) } : null;
}

/** A queue item carries its release name only (the queue record's id is no episode or movie id): that is asked about. */
export function queueDiagnoseTarget(item: QueueItem): DiagnoseTarget | null {
  if (item.app !== "sonarr" && item.app !== "radarr" && item.app !== "sabnzbd") return null;
  const title = text(item.title);
  return title ? { query: itemQueryOf(title) } : null;
}
