// Queue ids as Sonarr and Radarr compute them, so an id read from the simulator has the shape and stability of a real one.
// Sources read: Sonarr main 4ff1b780 (v4.0.19.2979), Radarr develop 1b9662d5 (v6.0.3.10276+6).
import { createHash } from "node:crypto";
import type { Download } from "../world.js";

/** The id of the one SABnzbd download client both simulators configure (GET /api/v3/downloadclient). */
export const SAB_CLIENT_ID = 1;

/** NzbDrone.Common/Crypto/HashConverter.cs GetHashInt31: SHA-1 of the UTF-8 text, first four bytes little-endian, top bit cleared. */
export function hashInt31(text: string): number {
  return createHash("sha1").update(text, "utf8").digest().readInt32LE(0) & 0x7fffffff;
}

/**
 * Sonarr: src/NzbDrone.Core/Queue/QueueService.cs (MapQueue/MapQueueItem) yields one queue record per episode of the
 * download, id = hash("trackedDownload-{clientId}-{downloadId}-ep{episodeId}") — "ep0" when no episode is known.
 * Radarr: src/NzbDrone.Core/Queue/QueueService.cs (MapMovie) yields one record, id = hash("trackedDownload-{clientId}-{downloadId}").
 * Either id stays the same for as long as the download id does.
 */
export function queueIdOf(download: Pick<Download, "app" | "nzoId" | "episodeIds">, episodeId = download.episodeIds[0] ?? 0): number {
  const base = `trackedDownload-${SAB_CLIENT_ID}-${download.nzoId}`;
  return hashInt31(download.app === "sonarr" ? `${base}-ep${episodeId}` : base);
}

/** Every queue id a download shows under: one per episode in Sonarr, one in Radarr. */
export function queueIdsOf(download: Pick<Download, "app" | "nzoId" | "episodeIds">): number[] {
  if (download.app === "radarr" || download.episodeIds.length === 0) return [queueIdOf(download)];
  return download.episodeIds.map((episodeId) => queueIdOf(download, episodeId));
}
