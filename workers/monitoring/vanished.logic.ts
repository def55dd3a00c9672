// Downloads that left Sonarr's or Radarr's queue without being imported. The episode or movie is still missing,
// and nothing fetches it again until the app's RSS sync happens upon another release.
import type { ArrApp, ArrLink, Detection, QueueSnapshot } from "./detect.logic";
import { arrLinkOf, byDownload, qualityOf } from "./detect.logic";

export interface TrackedDownload {
  app: ArrApp;
  title: string;
  arr: ArrLink;
  quality?: Detection["quality"];
}

/** Downloads Sonarr/Radarr tracked at the last check, by download id. */
export type TrackedDownloads = Record<string, TrackedDownload>;

const APP_NAME: Record<ArrApp, string> = { sonarr: "Sonarr", radarr: "Radarr" };

/**
 * The downloads the apps track now, and those they tracked before and no longer do. Only an app whose whole queue
 * was read can say that a download is gone; for the others the earlier view is kept until a complete read.
 */
export function trackDownloads(snapshot: QueueSnapshot, previous: TrackedDownloads): { tracked: TrackedDownloads; gone: [string, TrackedDownload][] } {
  // Keyed by the apps' download ids: without a prototype, an id such as "__proto__" is just a key.
  const tracked: TrackedDownloads = Object.create(null);
  const gone: [string, TrackedDownload][] = [];
  for (const app of ["sonarr", "radarr"] as const) {
    const records = app === "sonarr" ? snapshot.sonarrQueue : snapshot.radarrQueue;
    const complete = records !== undefined && (snapshot.completeQueues ?? []).includes(app);
    const before = Object.entries(previous).filter(([, d]) => d.app === app);
    if (!complete) {
      for (const [id, download] of before) tracked[id] = download;
      continue;
    }
    for (const group of byDownload(records)) {
      const r = group[0]!;
      if (!r.downloadId || !(r.episodeId || r.movieId)) continue;
      const { queueId: _queueId, ...arr } = arrLinkOf(app, group);
      const quality = qualityOf(r);
      tracked[r.downloadId] = { app, title: r.title, arr, ...(quality ? { quality } : {}) };
    }
    for (const [id, download] of before) if (!Object.hasOwn(tracked, id)) gone.push([id, download]);
  }
  return { tracked, gone };
}

/** Imports ("downloadFolderImported", "seriesFolderImported", "movieFolderImported") and settled ends need nothing. */
const SETTLED = /imported|^downloadFailed$|^downloadIgnored$/i;

/** A gone download needs recovery only if the app's history shows no import and no failure or removal it handled. */
export function vanishedDetection(downloadId: string, download: TrackedDownload, history: { eventType: string }[]): Detection | undefined {
  if (history.some((event) => SETTLED.test(event.eventType))) return undefined;
  return {
    key: downloadId,
    source: "vanished",
    app: download.app,
    title: download.title,
    downloadId,
    reason: `Left ${APP_NAME[download.app]}'s queue without being imported`,
    cause: "vanished",
    arr: download.arr,
    ...(download.quality ? { quality: download.quality } : {}),
  };
}
