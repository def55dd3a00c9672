// Output shapes shared by the Sonarr and Radarr tools, and projections from the raw API v3 resources.
import { z } from "zod";
import { MASK } from "../../redact.js";

type Raw = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);
const bool = (v: unknown): boolean | undefined => (typeof v === "boolean" ? v : undefined);
const obj = (v: unknown): Raw => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Raw) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** Drops undefined so results match the declared (closed) output schemas exactly. */
export const compact = <T extends Raw>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

export const pagingShape = {
  page: z.number().describe("Page number returned (1-based)"),
  pageSize: z.number().describe("Records per page"),
  totalRecords: z.number().describe("Total matching records across all pages"),
};
export const paging = (raw: Raw) => ({ page: num(raw.page) ?? 1, pageSize: num(raw.pageSize) ?? 0, totalRecords: num(raw.totalRecords) ?? 0 });

export const systemStatusSchema = {
  appName: z.string().describe("Application name reported by the app"),
  version: z.string().describe("Application version"),
  instanceName: z.string().optional().describe("Instance name configured by the user"),
  branch: z.string().optional().describe("Update branch"),
  osName: z.string().optional().describe("Operating system"),
  isDocker: z.boolean().optional().describe("Whether the app runs in Docker"),
  authentication: z.string().optional().describe("Authentication method of the web UI (none/basic/forms/external)"),
  urlBase: z.string().optional().describe("Configured URL base"),
  startTime: z.string().optional().describe("When the app started (UTC)"),
};
export const projectSystemStatus = (r: Raw) =>
  compact({
    appName: str(r.appName) ?? "",
    version: str(r.version) ?? "",
    instanceName: str(r.instanceName),
    branch: str(r.branch),
    osName: str(r.osName),
    isDocker: bool(r.isDocker),
    authentication: str(r.authentication),
    urlBase: str(r.urlBase),
    startTime: str(r.startTime),
  });

export const healthIssueSchema = z.object({
  source: z.string().describe("Health check that raised the issue"),
  type: z.string().describe("Severity: ok, notice, warning or error"),
  message: z.string().describe("What is wrong, as the app words it"),
  wikiUrl: z.string().optional().describe("Wiki page explaining the issue"),
});
export const projectHealth = (r: Raw) => {
  const wiki = r.wikiUrl;
  // Sonarr documents wikiUrl as an HttpUri object, Radarr as a string.
  const wikiUrl = typeof wiki === "string" ? wiki : str(obj(wiki).fullUri);
  return compact({ source: str(r.source) ?? "", type: str(r.type) ?? "", message: str(r.message) ?? "", wikiUrl });
};

export const queueItemSchema = z.object({
  id: z.number().describe("Queue item id (use with the queue_remove tool)"),
  title: z.string().describe("Release name"),
  status: z.string().describe("Download client status: queued, paused, downloading, completed, failed, warning, delay, ..."),
  trackedDownloadState: z.string().optional().describe("downloading, importBlocked, importPending, importing, imported, failedPending, failed or ignored"),
  trackedDownloadStatus: z.string().optional().describe("ok, warning or error"),
  statusMessages: z.array(z.object({ title: z.string(), messages: z.array(z.string()) })).describe("Why an import is blocked or a download needs attention"),
  errorMessage: z.string().optional().describe("Error reported by the download client, e.g. SABnzbd's fail message"),
  downloadId: z.string().optional().describe("Download client's id for the job (SABnzbd nzo_id)"),
  protocol: z.string().optional().describe("usenet or torrent"),
  downloadClient: z.string().optional().describe("Download client name"),
  indexer: z.string().optional().describe("Indexer the release came from"),
  quality: z.string().optional().describe("Quality name"),
  qualityResolution: z.number().optional().describe("Vertical resolution of that quality (e.g. 1080); 0 for unknown"),
  size: z.number().describe("Total size in bytes"),
  sizeleft: z.number().describe("Bytes left to download"),
  timeleft: z.string().optional().describe("Estimated time left ([d.]hh:mm:ss); absent while paused, 00:00:00 when the download client reports no speed (stalled or queued)"),
  estimatedCompletionTime: z.string().optional().describe("Estimated completion time (UTC)"),
  added: z.string().optional().describe("When the release was grabbed (UTC)"),
  outputPath: z.string().optional().describe("Download folder"),
  seriesId: z.number().optional().describe("Sonarr series id"),
  episodeId: z.number().optional().describe("Sonarr episode id"),
  seasonNumber: z.number().optional().describe("Season number"),
  movieId: z.number().optional().describe("Radarr movie id"),
});
export const qualityName = (q: unknown) => str(obj(obj(q).quality).name);
const qualityResolution = (q: unknown) => num(obj(obj(q).quality).resolution);
export const projectQueueItem = (r: Raw) =>
  compact({
    id: num(r.id) ?? 0,
    title: str(r.title) ?? "",
    status: str(r.status) ?? "unknown",
    trackedDownloadState: str(r.trackedDownloadState),
    trackedDownloadStatus: str(r.trackedDownloadStatus),
    statusMessages: arr(r.statusMessages).map((m) => ({ title: str(obj(m).title) ?? "", messages: arr(obj(m).messages).filter((x): x is string => typeof x === "string") })),
    errorMessage: str(r.errorMessage),
    downloadId: str(r.downloadId),
    protocol: str(r.protocol),
    downloadClient: str(r.downloadClient),
    indexer: str(r.indexer),
    quality: qualityName(r.quality),
    qualityResolution: qualityResolution(r.quality),
    size: num(r.size) ?? 0,
    sizeleft: num(r.sizeleft) ?? 0,
    timeleft: str(r.timeleft),
    estimatedCompletionTime: str(r.estimatedCompletionTime),
    added: str(r.added),
    outputPath: str(r.outputPath),
    seriesId: num(r.seriesId),
    episodeId: num(r.episodeId),
    seasonNumber: num(r.seasonNumber),
    movieId: num(r.movieId),
  });

export const historyItemSchema = z.object({
  id: z.number().describe("History record id (use with history_mark_failed)"),
  eventType: z.string().describe("Event, e.g. downloadFailed or grabbed"),
  date: z.string().describe("When it happened (UTC)"),
  sourceTitle: z.string().describe("Release name"),
  downloadId: z.string().optional().describe("Download client's id for the job"),
  quality: z.string().optional().describe("Quality name"),
  message: z.string().optional().describe("Failure message recorded for the event"),
  downloadClient: z.string().optional().describe("Download client name"),
  indexer: z.string().optional().describe("Indexer name (when recorded)"),
  releaseGroup: z.string().optional().describe("Release group"),
  seriesId: z.number().optional().describe("Sonarr series id"),
  episodeId: z.number().optional().describe("Sonarr episode id"),
  movieId: z.number().optional().describe("Radarr movie id"),
});
export const projectHistoryItem = (r: Raw) => {
  const data = obj(r.data);
  return compact({
    id: num(r.id) ?? 0,
    eventType: str(r.eventType) ?? "unknown",
    date: str(r.date) ?? "",
    sourceTitle: str(r.sourceTitle) ?? "",
    downloadId: str(r.downloadId),
    quality: qualityName(r.quality),
    message: str(data.message),
    downloadClient: str(data.downloadClientName) ?? str(data.downloadClient),
    indexer: str(data.indexer),
    releaseGroup: str(data.releaseGroup),
    seriesId: num(r.seriesId),
    episodeId: num(r.episodeId),
    movieId: num(r.movieId),
  });
};

export const blocklistItemSchema = z.object({
  id: z.number().describe("Blocklist entry id"),
  date: z.string().describe("When the release was blocklisted (UTC)"),
  sourceTitle: z.string().describe("Blocklisted release name"),
  protocol: z.string().optional().describe("usenet or torrent"),
  indexer: z.string().optional().describe("Indexer name"),
  message: z.string().optional().describe("Why it was blocklisted"),
  quality: z.string().optional().describe("Quality name"),
  seriesId: z.number().optional().describe("Sonarr series id"),
  episodeIds: z.array(z.number()).optional().describe("Sonarr episode ids"),
  movieId: z.number().optional().describe("Radarr movie id"),
});
export const projectBlocklistItem = (r: Raw) =>
  compact({
    id: num(r.id) ?? 0,
    date: str(r.date) ?? "",
    sourceTitle: str(r.sourceTitle) ?? "",
    protocol: str(r.protocol),
    indexer: str(r.indexer),
    message: str(r.message),
    quality: qualityName(r.quality),
    seriesId: num(r.seriesId),
    episodeIds: Array.isArray(r.episodeIds) ? r.episodeIds.filter((x): x is number => typeof x === "number") : undefined,
    movieId: num(r.movieId),
  });

export const commandSchema = {
  id: z.number().describe("Command id (poll with command_status)"),
  name: z.string().describe("Command name"),
  status: z.string().describe("queued, started, completed, failed, aborted, cancelled or orphaned"),
  result: z.string().optional().describe("unknown, successful or unsuccessful"),
  message: z.string().optional().describe("Progress or completion message"),
  queued: z.string().optional().describe("When it was queued (UTC)"),
  started: z.string().optional().describe("When it started (UTC)"),
  ended: z.string().optional().describe("When it ended (UTC)"),
  duration: z.string().optional().describe("How long it ran (hh:mm:ss.fffffff)"),
};
export const projectCommand = (r: Raw) =>
  compact({
    id: num(r.id) ?? 0,
    name: str(r.name) ?? "",
    status: str(r.status) ?? "unknown",
    result: str(r.result),
    message: str(r.message),
    queued: str(r.queued),
    started: str(r.started),
    ended: str(r.ended),
    duration: str(r.duration),
  });

export const qualityProfileSchema = z.object({
  id: z.number().describe("Quality profile id (use as qualityProfileId when adding)"),
  name: z.string().describe("Profile name"),
  upgradeAllowed: z.boolean().describe("Whether upgrades are allowed"),
  cutoff: z.number().describe("Quality (or group) id at which upgrades stop"),
  cutoffName: z.string().optional().describe("Name of the cutoff quality or group"),
  allowedQualities: z.array(z.string()).describe("Names of allowed qualities"),
  maxResolution: z.number().describe("Highest resolution among the allowed qualities (e.g. 1080); 0 when none is allowed"),
});
export const projectQualityProfile = (r: Raw) => {
  const items = arr(r.items).map(obj);
  const allowed: string[] = [];
  let cutoffName: string | undefined;
  let maxResolution = 0;
  for (const item of items) {
    const name = str(item.name) ?? qualityName({ quality: item.quality });
    const id = num(item.id) ?? num(obj(item.quality).id);
    if (id !== undefined && id === num(r.cutoff)) cutoffName = name;
    if (item.allowed !== true) continue;
    if (name) allowed.push(name);
    // A group (e.g. "WEB 1080p") carries its qualities in items[]; a single quality carries its own.
    const members = arr(item.items).length > 0 ? arr(item.items).map(obj) : [item];
    for (const member of members) maxResolution = Math.max(maxResolution, qualityResolution(member) ?? 0);
  }
  return compact({
    id: num(r.id) ?? 0, name: str(r.name) ?? "", upgradeAllowed: bool(r.upgradeAllowed) ?? false, cutoff: num(r.cutoff) ?? 0, cutoffName,
    allowedQualities: allowed, maxResolution,
  });
};

export const rootFolderSchema = z.object({
  id: z.number().describe("Root folder id"),
  path: z.string().describe("Root folder path (use as rootFolderPath when adding)"),
  accessible: z.boolean().describe("Whether the app can reach the folder"),
  freeSpace: z.number().optional().describe("Free space in bytes"),
  unmappedFolderCount: z.number().describe("Folders on disk not matched to library items"),
});
export const projectRootFolder = (r: Raw) =>
  compact({ id: num(r.id) ?? 0, path: str(r.path) ?? "", accessible: bool(r.accessible) ?? false, freeSpace: num(r.freeSpace), unmappedFolderCount: arr(r.unmappedFolders).length });

const settingsSchema = z.record(z.string(), z.unknown()).describe("Provider settings by field name; secrets masked as ********");
/** Provider `fields[]` flattened to name → value, with apiKey/password-privacy fields masked. */
export function providerSettings(fields: unknown): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const field of arr(fields).map(obj)) {
    const name = str(field.name);
    if (!name) continue;
    const privacy = str(field.privacy);
    const secret = privacy === "apiKey" || privacy === "password" || /apikey|password|token/i.test(name);
    settings[name] = secret && field.value !== "" && field.value !== undefined ? MASK : field.value;
  }
  return settings;
}

export const downloadClientSchema = z.object({
  id: z.number().describe("Download client id"),
  name: z.string().describe("Name"),
  implementation: z.string().describe("Client type, e.g. Sabnzbd"),
  protocol: z.string().describe("usenet or torrent"),
  enable: z.boolean().describe("Whether the client is enabled"),
  priority: z.number().describe("Client priority (1 = highest)"),
  removeCompletedDownloads: z.boolean().describe("Remove completed downloads from the client's history after import"),
  removeFailedDownloads: z.boolean().describe("Remove failed downloads from the client's history"),
  settings: settingsSchema,
});
export const projectDownloadClient = (r: Raw) => ({
  id: num(r.id) ?? 0,
  name: str(r.name) ?? "",
  implementation: str(r.implementation) ?? "",
  protocol: str(r.protocol) ?? "unknown",
  enable: bool(r.enable) ?? false,
  priority: num(r.priority) ?? 0,
  removeCompletedDownloads: bool(r.removeCompletedDownloads) ?? false,
  removeFailedDownloads: bool(r.removeFailedDownloads) ?? false,
  settings: providerSettings(r.fields),
});

export const indexerSchema = z.object({
  id: z.number().describe("Indexer id"),
  name: z.string().describe("Name"),
  implementation: z.string().describe("Indexer type, e.g. Newznab"),
  protocol: z.string().describe("usenet or torrent"),
  enableRss: z.boolean().describe("RSS sync enabled"),
  enableAutomaticSearch: z.boolean().describe("Used by automatic searches"),
  enableInteractiveSearch: z.boolean().describe("Used by interactive searches"),
  priority: z.number().describe("Indexer priority (1 = highest, 50 = lowest)"),
  settings: settingsSchema,
});
export const projectIndexer = (r: Raw) => ({
  id: num(r.id) ?? 0,
  name: str(r.name) ?? "",
  implementation: str(r.implementation) ?? "",
  protocol: str(r.protocol) ?? "unknown",
  enableRss: bool(r.enableRss) ?? false,
  enableAutomaticSearch: bool(r.enableAutomaticSearch) ?? false,
  enableInteractiveSearch: bool(r.enableInteractiveSearch) ?? false,
  priority: num(r.priority) ?? 0,
  settings: providerSettings(r.fields),
});

export const CONFIG_RESOURCES = ["host", "mediamanagement", "naming", "downloadclient"] as const;
export type ConfigResource = (typeof CONFIG_RESOURCES)[number];
/** Host config fields that hold credentials: masked on read, never writable through the connector. */
export const HOST_SECRET_FIELDS = ["apiKey", "password", "passwordConfirmation", "proxyPassword", "sslCertPassword"] as const;

export function maskConfig(resource: ConfigResource, values: Raw): Raw {
  if (resource !== "host") return values;
  const masked = { ...values };
  for (const key of HOST_SECRET_FIELDS) if (typeof masked[key] === "string" && masked[key] !== "") masked[key] = MASK;
  return masked;
}

export { str, num, bool, obj, arr };
export type { Raw };
