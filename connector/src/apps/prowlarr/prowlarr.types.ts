// Projections from Prowlarr's API v1 resources into the contract's output shapes.
import { type ToolOutput, tools } from "@autoarr/contract";
import { arr, bool, compact, num, obj, providerSettings, type Raw, str } from "../arr/arr.types.js";

const refs = tools.prowlarr;
type Indexer = ToolOutput<typeof refs.indexers>["indexers"][number];
type IndexerStatus = ToolOutput<typeof refs.indexerStatus>["statuses"][number];
type IndexerStats = ToolOutput<typeof refs.indexerStats>["indexers"][number];
type Application = ToolOutput<typeof refs.applications>["applications"][number];
type HistoryItem = ToolOutput<typeof refs.history>["records"][number];
type DownloadClient = ToolOutput<typeof refs.configSnapshot>["downloadClients"][number];

/** IndexerBaseSettings.LimitsUnit (src/NzbDrone.Core/Indexers/IndexerBaseSettings.cs): Day = 0, Hour = 1. */
const LIMITS_UNITS: Record<number, "day" | "hour"> = { 0: "day", 1: "hour" };

/** A provider field's value by name (fields[] as SchemaBuilder writes them, nested settings as "baseSettings.queryLimit"). */
function fieldValue(fields: unknown, name: string): unknown {
  return arr(fields)
    .map(obj)
    .find((field) => field.name === name)?.value;
}

/** A limit Prowlarr stores as int? : null (or absent) means unlimited. */
const limit = (value: unknown) => (typeof value === "number" && value > 0 ? value : undefined);

export const projectIndexer = (r: Raw): Indexer => {
  const unit = fieldValue(r.fields, "baseSettings.limitsUnit");
  return compact({
    id: num(r.id) ?? 0,
    name: str(r.name) ?? "",
    enable: bool(r.enable) ?? false,
    protocol: str(r.protocol) ?? "unknown",
    priority: num(r.priority) ?? 0,
    implementation: str(r.implementation),
    privacy: str(r.privacy),
    appProfileId: num(r.appProfileId),
    queryLimit: limit(fieldValue(r.fields, "baseSettings.queryLimit")),
    grabLimit: limit(fieldValue(r.fields, "baseSettings.grabLimit")),
    limitsUnit: typeof unit === "number" ? LIMITS_UNITS[unit] : undefined,
    added: str(r.added),
    settings: providerSettings(r.fields),
  });
};

export const projectIndexerStatus = (r: Raw): IndexerStatus =>
  compact({
    indexerId: num(r.indexerId) ?? 0,
    disabledTill: str(r.disabledTill),
    mostRecentFailure: str(r.mostRecentFailure),
    initialFailure: str(r.initialFailure),
  });

export const projectIndexerStats = (r: Raw): IndexerStats =>
  compact({
    indexerId: num(r.indexerId) ?? 0,
    indexerName: str(r.indexerName) ?? "",
    numberOfQueries: num(r.numberOfQueries) ?? 0,
    numberOfGrabs: num(r.numberOfGrabs) ?? 0,
    numberOfFailedQueries: num(r.numberOfFailedQueries) ?? 0,
    numberOfFailedGrabs: num(r.numberOfFailedGrabs) ?? 0,
    numberOfRssQueries: num(r.numberOfRssQueries),
    averageResponseTime: num(r.averageResponseTime),
  });

export const projectApplication = (r: Raw): Application => {
  const tags = arr(r.tags).filter((tag): tag is number => typeof tag === "number");
  return compact({
    id: num(r.id) ?? 0,
    name: str(r.name) ?? "",
    implementation: str(r.implementation) ?? "",
    syncLevel: str(r.syncLevel) ?? "disabled",
    baseUrl: str(fieldValue(r.fields, "baseUrl")),
    prowlarrUrl: str(fieldValue(r.fields, "prowlarrUrl")),
    tags: tags.length > 0 ? tags : undefined,
  });
};

/** History data values are strings (HistoryResource.Data); numbers are parsed where the contract wants them. */
const numeric = (value: unknown) => {
  const parsed = typeof value === "string" && value !== "" ? Number(value) : Number.NaN;
  return Number.isFinite(parsed) ? parsed : undefined;
};
const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);

export const projectHistoryItem = (r: Raw): HistoryItem => {
  const data = obj(r.data);
  return compact({
    id: num(r.id) ?? 0,
    indexerId: num(r.indexerId) ?? 0,
    date: str(r.date) ?? "",
    eventType: str(r.eventType) ?? "unknown",
    successful: bool(r.successful) ?? false,
    downloadId: text(r.downloadId),
    query: text(data.query),
    source: text(data.source),
    title: text(data.grabTitle),
    queryResults: numeric(data.queryResults),
    elapsedTime: numeric(data.elapsedTime),
  });
};

export const projectDownloadClient = (r: Raw): DownloadClient => ({
  id: num(r.id) ?? 0,
  name: str(r.name) ?? "",
  implementation: str(r.implementation) ?? "",
  protocol: str(r.protocol) ?? "unknown",
  enable: bool(r.enable) ?? false,
});
