// The rule-based decision tree: what to do about one detected failure.
import type { Detection } from "./detect.logic";

export type Strategy =
  | "blocklist_and_search" // remove the release in Sonarr/Radarr, blocklist it, search for another
  | "mark_failed_and_search" // the item already left the queue: mark its history record failed, search again
  | "retry_download" // SABnzbd retry: only for transient causes, since a broken NZB fails the same way again
  | "search_lower_quality" // the item keeps failing at one quality: blocklist, move it to a lower quality profile, search
  | "search_again" // the download vanished without import: nothing says the release was bad, so just search
  | "alert"; // tell the user; nothing AutoArr can safely do

export const STRATEGIES: readonly Strategy[] = [
  "blocklist_and_search",
  "mark_failed_and_search",
  "retry_download",
  "search_lower_quality",
  "search_again",
  "alert",
];

export interface Decision {
  strategy: Strategy;
  why: string;
  /** Set when AutoArr stops trying: the item is marked for the user. */
  exhausted?: true;
}

export interface DecisionContext {
  /** Recovery attempts already made on this release (every SABnzbd job of it, retried or added again). */
  attempts: number;
  maxAttempts: number;
  /** Recovery attempts already made on the episode or movie, across all its releases (0 when no app tracks it). */
  itemAttempts?: number;
  maxItemAttempts?: number;
  /** Downloads of the same episode or movie that failed at this download's quality, this one included. */
  failuresAtQuality: number;
  allowLowerQuality: boolean;
}

/** Failures that say nothing about the release itself, and so do not count against its quality. */
export function countsAgainstQuality(detection: Detection): boolean {
  return !["disk_full", "permissions", "server_setup", "import_path", "vanished"].includes(detection.cause);
}

export function decide(detection: Detection, context: DecisionContext): Decision {
  const { attempts, maxAttempts } = context;
  if (attempts >= maxAttempts) {
    return { strategy: "alert", why: `Gave up after ${attempts} recovery attempts; it needs a look`, exhausted: true };
  }
  const { itemAttempts = 0, maxItemAttempts } = context;
  if (maxItemAttempts !== undefined && itemAttempts >= maxItemAttempts) {
    const what = detection.arr?.app === "radarr" ? "movie" : "episode";
    return { strategy: "alert", why: `Gave up after ${itemAttempts} recovery attempts on this ${what} across its releases; it needs a look`, exhausted: true };
  }
  if (detection.pendingInApp && detection.arr && detection.cause !== "damaged") {
    // Acting from SABnzbd's side would race the app, which may still process it (blocklist, search) at any moment.
    const name = detection.arr.app === "radarr" ? "Radarr" : "Sonarr";
    return {
      strategy: "alert",
      why: `${name} grabbed this download but has not processed its failure; AutoArr leaves it to ${name}: look at its Activity queue`,
    };
  }
  switch (detection.cause) {
    case "disk_full":
      return { strategy: "alert", why: "The disk is full: retrying would fail the same way until space is freed" };
    case "permissions":
      return { strategy: "alert", why: "A permissions problem: retrying cannot fix it" };
    case "server_setup":
      return { strategy: "alert", why: `${detection.reason}: check the news server or indexer settings; retrying cannot fix it` };
    case "import_path":
      return { strategy: "alert", why: `The download finished but could not be imported: ${detection.reason}` };
    case "damaged": {
      // The articles are missing from the servers, so this release is damaged for anyone who downloads it: the
      // broken-release action, while the app can still be kept from importing it. Once imported (or with no app), AutoArr
      // deletes no one's files: it reports what SABnzbd found.
      const name = detection.arr?.app === "radarr" ? "Radarr" : "Sonarr";
      if (detection.arr?.queueId !== undefined) {
        return {
          strategy: "blocklist_and_search",
          why: `SABnzbd finished it damaged (${detection.reason}); blocklist it and search for another before ${name} imports it`,
        };
      }
      if (detection.arr) {
        return {
          strategy: "alert",
          why: `SABnzbd finished it damaged and ${name} has it (${detection.reason}); if the file does not play, delete it in ${name} and search again`,
        };
      }
      return { strategy: "alert", why: `SABnzbd finished it damaged (${detection.reason}); no app tracks it, so AutoArr changed nothing` };
    }
    case "vanished":
      return detection.arr
        ? { strategy: "search_again", why: "The download disappeared without being imported; search for it again" }
        : { strategy: "alert", why: `${detection.reason}; no app tracks it, so AutoArr cannot search again` };
    case "transient":
      // Only a job no app tracks: Sonarr/Radarr blocklist a failed download and grab another themselves
      // (FailedDownloadService.ProcessFailed), so a retry in SABnzbd would race them for the same episode or movie.
      if (detection.source === "sabnzbd_history" && detection.retryableInSab && !detection.arr) {
        return { strategy: "retry_download", why: "A server or connection problem: the same download may well work now" };
      }
      break;
    default:
      break;
  }
  if (detection.arr && detection.quality && context.failuresAtQuality >= maxAttempts) {
    const times = `${context.failuresAtQuality} releases failed at ${detection.quality.name}`;
    return context.allowLowerQuality
      ? { strategy: "search_lower_quality", why: `${times}; search at a lower quality, as your recovery settings allow` }
      : { strategy: "alert", why: `${times}; AutoArr stopped searching. Allow lower quality in the recovery settings to let it try one`, exhausted: true };
  }
  if (detection.arr?.queueId !== undefined) {
    return { strategy: "blocklist_and_search", why: `This release cannot finish (${detection.reason}); blocklist it and search for another` };
  }
  if (detection.source === "sabnzbd_history") {
    return { strategy: "mark_failed_and_search", why: `The download failed (${detection.reason}); search for another release` };
  }
  return { strategy: "alert", why: `${detection.reason}; no app tracks this download, so AutoArr cannot search for another` };
}
