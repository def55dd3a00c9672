// Finds what needs recovery in one snapshot of the download queues, given what earlier checks saw.
import type { ToolOutput, tools } from "@autoarr/contract";
import { damageOf } from "./damage.logic";
import { causeOf, type FailureCause } from "./failure-reason.logic";

type SabSlot = ToolOutput<typeof tools.sabnzbd.queue>["slots"][number];
type SabFailed = ToolOutput<typeof tools.sabnzbd.history>["slots"][number];
export type ArrRecord = ToolOutput<typeof tools.sonarr.queue>["records"][number];
export type ArrApp = "sonarr" | "radarr";

export interface QueueSnapshot {
  sabQueue?: SabSlot[];
  sabFailed?: SabFailed[];
  /** SABnzbd history jobs that completed: one may be damaged all the same. */
  sabCompleted?: SabFailed[];
  sonarrQueue?: ArrRecord[];
  radarrQueue?: ArrRecord[];
  /** The apps whose whole queue this snapshot holds (read without error, on one page). */
  completeQueues?: ArrApp[];
}

/** Progress of SABnzbd jobs at the last check, and how many checks in a row each made none. */
export type StallState = Record<string, { leftMb: number; strikes: number }>;

/** The Sonarr/Radarr side of a download: which episode or movie it is for, and where it sits in the queue. */
export interface ArrLink {
  app: ArrApp;
  /** Absent once the download has left the app's queue. */
  queueId?: number;
  /** The first of `episodeIds`: what the download is counted and remembered under. */
  episodeId?: number;
  /** Every episode the download carries (a season pack or a double episode has several). */
  episodeIds?: number[];
  seriesId?: number;
  movieId?: number;
}

export interface Detection {
  /** Stable across checks: the download id when there is one. */
  key: string;
  source: "sabnzbd_history" | "sabnzbd_queue" | "sonarr_queue" | "radarr_queue" | "vanished";
  app: "sabnzbd" | "sonarr" | "radarr";
  title: string;
  downloadId: string | null;
  reason: string;
  cause: FailureCause;
  /** The Sonarr/Radarr record that tracks this download, when one does. */
  arr?: ArrLink;
  /** The release's quality, as Sonarr/Radarr parsed it. */
  quality?: { name: string; resolution: number };
  retryableInSab?: boolean;
  /** For a server_setup cause found in SABnzbd's config rather than in the failure's text: which problem it is. */
  setupProblem?: string;
  /** The app that grabbed this failed SABnzbd job has not processed the failure, long after it would have. */
  pendingInApp?: true;
}

/** The link of one download, from its queue records (one per episode in Sonarr); removing any of them removes the download. */
export function arrLinkOf(app: ArrApp, records: ArrRecord | ArrRecord[]): ArrLink {
  const all = Array.isArray(records) ? records : [records];
  const r = all[0]!;
  const episodeIds = [...new Set(all.flatMap((x) => (x.episodeId ? [x.episodeId] : [])))];
  return {
    app,
    queueId: r.id,
    ...(episodeIds.length > 0 ? { episodeId: episodeIds[0], episodeIds } : {}),
    ...(r.seriesId ? { seriesId: r.seriesId } : {}),
    ...(r.movieId ? { movieId: r.movieId } : {}),
  };
}

/**
 * Queue records grouped by download, in queue order. Sonarr lists a download of several episodes as one record per
 * episode, each with its own id and the same downloadId (src/NzbDrone.Core/Queue/QueueService.cs, MapQueue): it is one
 * download to detect and recover. Records without a download id stand alone.
 */
export function byDownload(records: ArrRecord[]): ArrRecord[][] {
  const groups: ArrRecord[][] = [];
  const index = new Map<string, ArrRecord[]>();
  for (const r of records) {
    const group = r.downloadId ? index.get(r.downloadId) : undefined;
    if (group) group.push(r);
    else {
      const created = [r];
      groups.push(created);
      if (r.downloadId) index.set(r.downloadId, created);
    }
  }
  return groups;
}

export function qualityOf(r: ArrRecord): Detection["quality"] {
  return r.quality ? { name: r.quality, resolution: r.qualityResolution ?? 0 } : undefined;
}

const FAILED_STATES = new Set(["failed", "failedPending", "importFailed"]);

const failedRecord = (r: ArrRecord) => (r.trackedDownloadState !== undefined && FAILED_STATES.has(r.trackedDownloadState)) || r.status === "failed";
const flaggedRecord = (r: ArrRecord) => r.trackedDownloadStatus === "warning" || r.trackedDownloadStatus === "error";

function arrDetections(app: ArrApp, records: ArrRecord[]): Detection[] {
  return byDownload(records).flatMap((group): Detection[] => {
    const r = group.find(failedRecord) ?? group.find(flaggedRecord);
    if (!r) return [];
    const messages = r.statusMessages.flatMap((m) => [m.title, ...m.messages]).filter(Boolean);
    const reason = r.errorMessage ?? (messages.join("; ") || `${r.trackedDownloadState ?? r.status}`);
    const importBlocked = r.trackedDownloadState === "importBlocked" || r.trackedDownloadState === "importFailed";
    const cause = causeOf(reason);
    const quality = qualityOf(r);
    return [
      {
        key: r.downloadId ?? `${app}:${r.id}`,
        source: `${app}_queue`,
        app,
        title: r.title,
        downloadId: r.downloadId ?? null,
        reason,
        cause: importBlocked && (cause === "unknown" || cause === "transient") ? "import_path" : cause,
        arr: arrLinkOf(app, group),
        ...(quality ? { quality } : {}),
      },
    ];
  });
}

export function detect(snapshot: QueueSnapshot, stall: StallState, stallChecks: number): { detections: Detection[]; stall: StallState } {
  const detections = [...arrDetections("sonarr", snapshot.sonarrQueue ?? []), ...arrDetections("radarr", snapshot.radarrQueue ?? [])];
  const arrByDownload = new Map<string, Pick<Detection, "arr" | "quality">>();
  for (const [app, records] of [
    ["sonarr", snapshot.sonarrQueue ?? []],
    ["radarr", snapshot.radarrQueue ?? []],
  ] as const) {
    for (const group of byDownload(records)) {
      const quality = qualityOf(group[0]!);
      if (group[0]!.downloadId) arrByDownload.set(group[0]!.downloadId, { arr: arrLinkOf(app, group), ...(quality ? { quality } : {}) });
    }
  }
  const seen = new Set(detections.map((d) => d.key));

  for (const failed of snapshot.sabFailed ?? []) {
    if (failed.status !== "Failed" || seen.has(failed.nzoId)) continue;
    seen.add(failed.nzoId);
    const link = arrByDownload.get(failed.nzoId);
    detections.push({
      key: failed.nzoId,
      source: "sabnzbd_history",
      app: "sabnzbd",
      title: failed.name,
      downloadId: failed.nzoId,
      reason: failed.failMessage || "Failed",
      cause: causeOf(failed.failMessage),
      retryableInSab: failed.retry,
      ...link,
    });
  }

  for (const done of snapshot.sabCompleted ?? []) {
    const damage = done.status === "Completed" ? damageOf(done.stageLog) : undefined;
    if (!damage || seen.has(done.nzoId)) continue;
    seen.add(done.nzoId);
    detections.push({
      key: done.nzoId,
      source: "sabnzbd_history",
      app: "sabnzbd",
      title: done.name,
      downloadId: done.nzoId,
      reason: `Completed with missing articles that nothing repaired (SABnzbd's log: ${damage})`,
      cause: "damaged",
      // A retry downloads the same articles, which the servers do not have.
      retryableInSab: false,
      ...arrByDownload.get(done.nzoId),
    });
  }

  // Stalled: no progress across `stallChecks` consecutive checks; any progress resets the count.
  const nextStall: StallState = Object.create(null);
  for (const slot of snapshot.sabQueue ?? []) {
    if (slot.status !== "Downloading" || slot.leftMb === undefined) continue;
    const before = Object.hasOwn(stall, slot.nzoId) ? stall[slot.nzoId] : undefined;
    const strikes = before && slot.leftMb >= before.leftMb ? before.strikes + 1 : 0;
    nextStall[slot.nzoId] = { leftMb: slot.leftMb, strikes };
    if (strikes >= stallChecks && !seen.has(slot.nzoId)) {
      seen.add(slot.nzoId);
      const link = arrByDownload.get(slot.nzoId);
      detections.push({
        key: slot.nzoId,
        source: "sabnzbd_queue",
        app: "sabnzbd",
        title: slot.name,
        downloadId: slot.nzoId,
        reason: `No progress across ${strikes} checks (${slot.leftMb} MB left)`,
        cause: "stalled",
        ...link,
      });
    }
  }
  return { detections, stall: nextStall };
}
