// Whether Sonarr or Radarr tracks a SABnzbd job that is no longer in their queues, read from their history of it.
// The real apps process a failed download themselves within about a minute of SABnzbd failing it (Sonarr/Radarr
// src/NzbDrone.Core/Download/FailedDownloadService.cs ProcessFailed: a downloadFailed event, a blocklist entry, a new
// search if the download client settings' autoRedownloadFailed is on; see connector/src/simulators/SOURCES.md).
import type { ArrApp, ArrLink } from "./detect.logic";

export interface ArrHistoryRecord {
  eventType: string;
  message?: string;
  episodeId?: number;
  seriesId?: number;
  movieId?: number;
}

export type ArrSide =
  /** No app grabbed it, or the app was told to ignore it (downloadIgnored): SABnzbd's job alone. */
  | { kind: "untracked" }
  /** The app recorded the failure itself: blocklisted, and searched again when its settings say so. */
  | { kind: "processed"; app: ArrApp; link: ArrLink; message?: string }
  /** The app imported it (a job SABnzbd completed, damaged or not). */
  | { kind: "imported"; app: ArrApp; link: ArrLink }
  /** The app grabbed it and has not processed its failure yet. */
  | { kind: "pending"; app: ArrApp; link: ArrLink };

function linkOf(app: ArrApp, records: ArrHistoryRecord[]): ArrLink {
  const first = records.find((r) => r.seriesId || r.movieId) ?? records[0];
  // Sonarr writes each event once per episode of the download (HistoryService handles the events per episode).
  const episodeIds = [...new Set(records.flatMap((r) => (r.episodeId ? [r.episodeId] : [])))];
  return {
    app,
    ...(episodeIds.length > 0 ? { episodeId: episodeIds[0], episodeIds } : {}),
    ...(first?.seriesId ? { seriesId: first.seriesId } : {}),
    ...(first?.movieId ? { movieId: first.movieId } : {}),
  };
}

/** Each app's history of the download (newest first); undefined where it could not be read. */
export function arrSideOf(histories: Partial<Record<ArrApp, ArrHistoryRecord[]>>): ArrSide | undefined {
  let unknown = false;
  for (const app of ["sonarr", "radarr"] as const) {
    const records = histories[app];
    if (records === undefined) {
      unknown = true;
      continue;
    }
    if (!records.some((r) => r.eventType === "grabbed")) continue;
    const failed = records.find((r) => r.eventType === "downloadFailed");
    if (failed) return { kind: "processed", app, link: linkOf(app, records), ...(failed.message ? { message: failed.message } : {}) };
    // downloadFolderImported, seriesFolderImported, movieFolderImported (EpisodeHistory.cs / History.cs event types).
    if (records.some((r) => /imported$/i.test(r.eventType))) return { kind: "imported", app, link: linkOf(app, records) };
    // IgnoredDownloadService.IgnoreDownload: the app was told to forget it, so it will not process its failure.
    if (records.some((r) => r.eventType === "downloadIgnored")) continue;
    return { kind: "pending", app, link: linkOf(app, records) };
  }
  return unknown ? undefined : { kind: "untracked" };
}
