// Which of the apps' own pages an item belongs on, from the item's app and the presence of ids only: none of its
// text (titles, messages, paths) goes into a target, so none can reach a URL.
import type { ActivityItem, QueueItem } from "../../api/api-types";
import type { PageTarget } from "./app-pages";

const downloadIdOf = (data: unknown): string | null =>
  typeof data === "object" && data !== null && "downloadId" in data && typeof data.downloadId === "string" && data.downloadId !== "" ? data.downloadId : null;

/** A queue row: the app's queue, and SABnzbd's when the download runs there for Sonarr or Radarr. */
export function queuePageTargets(item: QueueItem): PageTarget[] {
  if (item.app === "sabnzbd") return [{ app: "sabnzbd", kind: "queue" }];
  if (item.app === "sonarr" || item.app === "radarr") {
    return [{ app: item.app, kind: "queue" }, ...(item.downloadId ? [{ app: "sabnzbd" as const, kind: "queue" as const }] : [])];
  }
  return [];
}

/** A detection or recovery: where the failure is now recorded — the app's history, and SABnzbd's for its download. */
export function activityPageTargets(item: ActivityItem): PageTarget[] {
  if (item.kind !== "detection" && item.kind !== "recovery") return [];
  const viaSabnzbd = downloadIdOf(item.data) !== null ? [{ app: "sabnzbd" as const, kind: "history" as const }] : [];
  if (item.app === "sabnzbd") return [{ app: "sabnzbd", kind: "history" }];
  if (item.app === "sonarr" || item.app === "radarr") return [{ app: item.app, kind: "history" }, ...viaSabnzbd];
  return viaSabnzbd;
}
