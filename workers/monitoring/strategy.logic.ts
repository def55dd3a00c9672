// The rule-based decision tree: what to do about one detected failure.
import type { Detection } from "./detect.logic";

export type Strategy =
  | "blocklist_and_search" // remove the release in Sonarr/Radarr, blocklist it, search for another
  | "mark_failed_and_search" // the item already left the queue: mark its history record failed, search again
  | "retry_download" // SABnzbd retry: only for transient causes, since a broken NZB fails the same way again
  | "alert"; // tell the user; nothing AutoArr can safely do

export const STRATEGIES: readonly Strategy[] = ["blocklist_and_search", "mark_failed_and_search", "retry_download", "alert"];

export interface Decision {
  strategy: Strategy;
  why: string;
}

export function decide(detection: Detection, attemptsSoFar: number, maxAttempts: number): Decision {
  if (attemptsSoFar >= maxAttempts) {
    return { strategy: "alert", why: `Gave up after ${attemptsSoFar} recovery attempts; it needs a look` };
  }
  switch (detection.cause) {
    case "disk_full":
      return { strategy: "alert", why: "The disk is full: retrying would fail the same way until space is freed" };
    case "permissions":
      return { strategy: "alert", why: "A permissions problem: retrying cannot fix it" };
    case "import_path":
      return { strategy: "alert", why: `The download finished but could not be imported: ${detection.reason}` };
    case "transient":
      if (detection.source === "sabnzbd_history" && detection.retryableInSab) {
        return { strategy: "retry_download", why: "A server or connection problem: the same download may well work now" };
      }
      break;
    default:
      break;
  }
  if (detection.arr) {
    return { strategy: "blocklist_and_search", why: `This release cannot finish (${detection.reason}); blocklist it and search for another` };
  }
  if (detection.source === "sabnzbd_history") {
    return { strategy: "mark_failed_and_search", why: `The download failed (${detection.reason}); search for another release` };
  }
  return { strategy: "alert", why: `${detection.reason}; no app tracks this download, so AutoArr cannot search for another` };
}
