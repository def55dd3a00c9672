// Projections from the raw Servarr API v3 resources into the contract's output shapes, shared by Sonarr and Radarr.
import { type ArrConfigResource, type ToolOutput, tools } from "@autoarr/contract";
import { MASK } from "../../redact.js";

type Raw = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);
const bool = (v: unknown): boolean | undefined => (typeof v === "boolean" ? v : undefined);
const obj = (v: unknown): Raw => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Raw) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const arrTools = tools.sonarr;
type SystemStatus = ToolOutput<typeof arrTools.systemStatus>;
type HealthIssue = ToolOutput<typeof arrTools.health>["issues"][number];
type QueueItem = ToolOutput<typeof arrTools.queue>["records"][number];
type HistoryItem = ToolOutput<typeof arrTools.historyDownload>["records"][number];
type BlocklistItem = ToolOutput<typeof arrTools.blocklist>["records"][number];
type Command = ToolOutput<typeof arrTools.commandStatus>;
type QualityProfile = ToolOutput<typeof arrTools.qualityProfiles>["profiles"][number];
type RootFolder = ToolOutput<typeof arrTools.rootFolders>["rootFolders"][number];
type DownloadClient = ToolOutput<typeof arrTools.downloadClients>["downloadClients"][number];
type Indexer = ToolOutput<typeof arrTools.indexers>["indexers"][number];
type Paging = Pick<ToolOutput<typeof arrTools.blocklist>, "page" | "pageSize" | "totalRecords">;
/**
 * Drops undefined so results match the declared (closed) output schemas exactly. `T` comes from where the result
 * goes (a projection's declared return type), so a field the contract does not declare is a compile error.
 */
export const compact = <T extends Raw>(value: NoInfer<T>): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

export const paging = (raw: Raw): Paging => ({ page: num(raw.page) ?? 1, pageSize: num(raw.pageSize) ?? 0, totalRecords: num(raw.totalRecords) ?? 0 });

export const projectSystemStatus = (r: Raw): SystemStatus =>
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

export const projectHealth = (r: Raw): HealthIssue => {
  const wiki = r.wikiUrl;
  // Sonarr documents wikiUrl as an HttpUri object, Radarr as a string.
  const wikiUrl = typeof wiki === "string" ? wiki : str(obj(wiki).fullUri);
  return compact({ source: str(r.source) ?? "", type: str(r.type) ?? "", message: str(r.message) ?? "", wikiUrl });
};

export const qualityName = (q: unknown) => str(obj(obj(q).quality).name);
const qualityResolution = (q: unknown) => num(obj(obj(q).quality).resolution);
export const projectQueueItem = (r: Raw): QueueItem =>
  compact({
    id: num(r.id) ?? 0,
    title: str(r.title) ?? "",
    status: str(r.status) ?? "unknown",
    trackedDownloadState: str(r.trackedDownloadState),
    trackedDownloadStatus: str(r.trackedDownloadStatus),
    statusMessages: arr(r.statusMessages).map((m) => ({
      title: str(obj(m).title) ?? "",
      messages: arr(obj(m).messages).filter((x): x is string => typeof x === "string"),
    })),
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

export const projectHistoryItem = (r: Raw): HistoryItem => {
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

export const projectBlocklistItem = (r: Raw): BlocklistItem =>
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

export const projectCommand = (r: Raw): Command =>
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

export const projectQualityProfile = (r: Raw): QualityProfile => {
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
    id: num(r.id) ?? 0,
    name: str(r.name) ?? "",
    upgradeAllowed: bool(r.upgradeAllowed) ?? false,
    cutoff: num(r.cutoff) ?? 0,
    cutoffName,
    allowedQualities: allowed,
    maxResolution,
  });
};

export const projectRootFolder = (r: Raw): RootFolder =>
  compact({
    id: num(r.id) ?? 0,
    path: str(r.path) ?? "",
    accessible: bool(r.accessible) ?? false,
    freeSpace: num(r.freeSpace),
    unmappedFolderCount: arr(r.unmappedFolders).length,
  });

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

export const projectDownloadClient = (r: Raw): DownloadClient => ({
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

export const projectIndexer = (r: Raw): Indexer => ({
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

/** Host config fields that hold credentials: masked on read, never writable through the connector. */
export const HOST_SECRET_FIELDS = ["apiKey", "password", "passwordConfirmation", "proxyPassword", "sslCertPassword"] as const;

export function maskConfig(resource: ArrConfigResource, values: Raw): Raw {
  if (resource !== "host") return values;
  const masked = { ...values };
  for (const key of HOST_SECRET_FIELDS) if (typeof masked[key] === "string" && masked[key] !== "") masked[key] = MASK;
  return masked;
}

export { str, num, bool, obj, arr };
export type { Raw };
