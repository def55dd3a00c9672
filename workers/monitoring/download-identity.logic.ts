// What one download is, across the job ids SABnzbd gives it: the release, and the episode or movie it is for.
// A retry, a re-grab of the same release and a re-added NZB are all the same release; attempts are counted on it.
import type { Detection } from "./detect.logic";

export interface DownloadIdentity {
  /** The release for this episode/movie (or, for a job no app tracks, the release alone). */
  releaseKey: string;
  /** The episode or movie; null for a job no Sonarr/Radarr tracks. */
  mediaKey: string | null;
}

const URL_IN_NAME = /(?:^| - )(https?:\/\/\S+)$/i;

/**
 * The release a SABnzbd job name stands for. A URL job that failed to fetch is named "<nzbname> - <url>", and once
 * retried the bare URL (sabnzbd/urlgrabber.py fail_to_history; trash-checklist.md): the URL is what stays. A job whose
 * folder name was taken gets ".1", ".2" … (sabnzbd/filesystem.py get_unique_dir, used by nzbstuff.py for the job name).
 */
export function releaseName(jobName: string): string {
  const url = URL_IN_NAME.exec(jobName.trim())?.[1];
  if (url) return `url:${url}`;
  return jobName
    .trim()
    .replace(/\.\d{1,2}$/, "")
    .toLowerCase();
}

/** A URL may carry an indexer's API key: only a digest of it is kept. */
async function digest(text: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return Array.from(bytes.slice(0, 16), (b) => b.toString(16).padStart(2, "0")).join("");
}

export function mediaKeyOf(detection: Pick<Detection, "arr">): string | null {
  const arr = detection.arr;
  if (!arr) return null;
  if (arr.app === "radarr") return arr.movieId ? `radarr:movie:${arr.movieId}` : null;
  if (arr.episodeId) return `sonarr:episode:${arr.episodeId}`;
  return arr.seriesId ? `sonarr:series:${arr.seriesId}` : null;
}

export async function downloadIdentity(detection: Pick<Detection, "arr" | "title">): Promise<DownloadIdentity> {
  const mediaKey = mediaKeyOf(detection);
  const name = releaseName(detection.title);
  const release = name.startsWith("url:") ? `url:${await digest(name.slice(4))}` : name;
  return { releaseKey: `${mediaKey ?? "sabnzbd"}|${release}`, mediaKey };
}

/**
 * Recovery actions one episode or movie may take across all its releases. Each release is retried at most
 * maxAttempts times; twice that for the item lets one more release be tried fully once the first is given up on,
 * while a title that no release will fix stops hitting the indexers and filling the blocklist.
 */
export const itemAttemptCap = (maxAttempts: number) => maxAttempts * 2;
