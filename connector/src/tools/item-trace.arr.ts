// The parts of stack_item_trace Sonarr and Radarr share: the reads that do not depend on the item (indexers, health,
// quality profiles), and projections of history, queue, blocklist and release records into the trace's shapes.
// Sonarr v4 and Radarr have no indexerstatus endpoint (src/Sonarr.Api.V3, src/Radarr.Api.V3): an indexer they skip
// after failures is named by the IndexerStatusCheck / IndexerLongTermStatusCheck health checks
// (src/NzbDrone.Core/HealthCheck/Checks/*.cs), which is where the trace reads it from.
import type { ArrTrace, TracePart } from "@autoarr/contract";
import type { ArrApi } from "../apps/arr/arr.api.js";
import { arr, bool, compact, num, obj, qualityName, type Raw, str } from "../apps/arr/arr.types.js";
import { maskUrlSecrets } from "../apps/sabnzbd/sabnzbd.types.js";
import { ok, type Result } from "../http/upstream.js";

type HistoryEvent = ArrTrace["history"][number];
type QueueRecord = ArrTrace["queue"][number];
type BlocklistEntry = ArrTrace["blocklist"][number];
type Indexer = ArrTrace["indexers"][number];
type Release = NonNullable<ArrTrace["releases"]>["items"][number];
type HealthIssue = NonNullable<ArrTrace["health"]>[number];

export const HISTORY_LIMIT = 20;
export const RELEASE_LIMIT = 100;
/** Enough records for one item's queue or blocklist: both are filtered by the item on the server. */
export const ITEM_PAGE_SIZE = 100;

export const asList = (value: unknown): Raw[] => (Array.isArray(value) ? value.map(obj) : []);
export const asPart = <T>(result: Result<T>): TracePart<T> =>
  result.ok ? { ok: true, data: result.value } : { ok: false, error: result.failure.message, kind: result.failure.kind };

/** Titles compared as a person means them: case, punctuation and spacing do not matter. */
export const sameTitle = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && normalise(a) === normalise(b) && normalise(a) !== "";
const normalise = (title: string) =>
  title
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/[^\p{L}\p{N}]+/gu, "");

const masked = (text: string | undefined) => (text === undefined ? undefined : maskUrlSecrets(text));

export const projectTraceHistory = (r: Raw): HistoryEvent => {
  const data = obj(r.data);
  return compact({
    id: num(r.id) ?? 0,
    eventType: str(r.eventType) ?? "unknown",
    date: str(r.date) ?? "",
    sourceTitle: str(r.sourceTitle) ?? "",
    downloadId: str(r.downloadId),
    indexer: str(data.indexer),
    quality: qualityName(r.quality),
    message: masked(str(data.message) ?? str(data.reason)),
  });
};

/** The newest first, at most HISTORY_LIMIT. */
export const newestHistory = (records: Raw[]): HistoryEvent[] =>
  records
    .map(projectTraceHistory)
    .sort((a, b) => Date.parse(b.date) - Date.parse(a.date))
    .slice(0, HISTORY_LIMIT);

export const projectTraceQueue = (r: Raw): QueueRecord =>
  compact({
    id: num(r.id) ?? 0,
    title: str(r.title) ?? "",
    downloadId: str(r.downloadId),
    status: str(r.status) ?? "unknown",
    trackedDownloadStatus: str(r.trackedDownloadStatus),
    trackedDownloadState: str(r.trackedDownloadState),
    statusMessages: arr(r.statusMessages).flatMap((m) => {
      const messages = arr(obj(m).messages).filter((x): x is string => typeof x === "string");
      const title = str(obj(m).title);
      return (messages.length > 0 ? messages : title ? [title] : []).map(maskUrlSecrets);
    }),
    errorMessage: masked(str(r.errorMessage)),
    sizeleft: num(r.sizeleft),
    timeleft: str(r.timeleft),
    outputPath: str(r.outputPath),
  });

export const projectTraceBlocklist = (r: Raw): BlocklistEntry =>
  compact({
    id: num(r.id) ?? 0,
    sourceTitle: str(r.sourceTitle) ?? "",
    date: str(r.date) ?? "",
    indexer: str(r.indexer),
    message: masked(str(r.message)),
  });

/** Rejections are strings in Sonarr v4 and Radarr; older builds answered {reason, type}. */
const rejectionText = (value: unknown): string | undefined => str(value) ?? str(obj(value).reason);

export const projectTraceRelease = (r: Raw): Release =>
  compact({
    guid: maskUrlSecrets(str(r.guid) ?? ""),
    title: str(r.title) ?? "",
    indexer: str(r.indexer),
    indexerId: num(r.indexerId),
    quality: qualityName(r.quality),
    size: num(r.size),
    ageHours: num(r.ageHours),
    customFormatScore: num(r.customFormatScore),
    approved: bool(r.approved) ?? false,
    temporarilyRejected: bool(r.temporarilyRejected),
    rejections: arr(r.rejections)
      .map(rejectionText)
      .filter((x): x is string => x !== undefined),
  });

export function releasesOf(raw: unknown): NonNullable<ArrTrace["releases"]> {
  const all = asList(raw);
  return { searchedAt: new Date().toISOString(), total: all.length, items: all.slice(0, RELEASE_LIMIT).map(projectTraceRelease) };
}

const INDEXER_STATUS_CHECKS = new Set(["IndexerStatusCheck", "IndexerLongTermStatusCheck"]);

/**
 * The indexers a status health check names: "Indexers unavailable due to failures[ for more than 6 hours]: A, B", or
 * every enabled one for "All indexers are unavailable due to failures…" (Localization/Core/en.json).
 */
function unavailableBecause(indexer: Raw, health: readonly HealthIssue[]): string | undefined {
  const name = str(indexer.name) ?? "";
  const enabled = bool(indexer.enableRss) || bool(indexer.enableAutomaticSearch) || bool(indexer.enableInteractiveSearch);
  for (const issue of health) {
    if (!INDEXER_STATUS_CHECKS.has(issue.source)) continue;
    const named = issue.message.includes(":")
      ? issue.message
          .slice(issue.message.lastIndexOf(":") + 1)
          .split(",")
          .map((n) => n.trim())
      : [];
    if (named.includes(name) || (named.length === 0 && enabled && /^all indexers/i.test(issue.message))) return issue.message;
  }
  return undefined;
}

export const projectHealthIssue = (r: Raw): HealthIssue => ({
  source: str(r.source) ?? "",
  type: str(r.type) ?? "",
  message: maskUrlSecrets(str(r.message) ?? ""),
});

export interface ItemIndependentReads {
  indexers: Indexer[];
  health: HealthIssue[];
  profileNames: Map<number, string>;
}

/** GET /indexer, /health and /qualityprofile, in parallel: none of them needs to know the item. */
export async function readItemIndependent(api: ArrApi): Promise<Result<ItemIndependentReads>> {
  const [indexers, health, profiles] = await Promise.all([api.call({ path: "indexer" }), api.call({ path: "health" }), api.call({ path: "qualityprofile" })]);
  if (!indexers.ok) return indexers;
  if (!health.ok) return health;
  if (!profiles.ok) return profiles;
  const issues = asList(health.value).map(projectHealthIssue);
  return ok({
    health: issues,
    profileNames: new Map(asList(profiles.value).map((p) => [num(p.id) ?? 0, str(p.name) ?? ""])),
    indexers: asList(indexers.value).map((r) => {
      const reason = unavailableBecause(r, issues);
      return compact<Indexer>({
        id: num(r.id) ?? 0,
        name: str(r.name) ?? "",
        protocol: str(r.protocol),
        enableRss: bool(r.enableRss),
        enableAutomaticSearch: bool(r.enableAutomaticSearch),
        enableInteractiveSearch: bool(r.enableInteractiveSearch),
        ...(reason ? { unavailable: true, unavailableReason: reason } : {}),
      });
    }),
  });
}

/** A file's facts from an EpisodeFileResource or MovieFileResource. */
export const projectTraceFile = (raw: unknown): ArrTrace["file"] => {
  const file = obj(raw);
  if (Object.keys(file).length === 0) return undefined;
  return compact<NonNullable<ArrTrace["file"]>>({
    path: str(file.path),
    quality: qualityName(file.quality) ?? "Unknown",
    qualityCutoffNotMet: bool(file.qualityCutoffNotMet) ?? false,
    customFormatScore: num(file.customFormatScore),
    dateAdded: str(file.dateAdded),
  });
};

/** The download ids the item's queue and history name: what SABnzbd is asked about. */
export const downloadIdsOf = (trace: ArrTrace): string[] => [
  ...new Set([...trace.queue, ...trace.history].map((r) => r.downloadId).filter((id): id is string => id !== undefined && id !== "")),
];

type Lookup = NonNullable<ArrTrace["lookup"]>;
const LOOKUP_LIMIT = 10;

/** Where an app keeps its library items and how it names their external id: Sonarr's series by TVDB, Radarr's movies by TMDB. */
export interface LibraryKind {
  resource: "series" | "movie";
  externalKey: "tvdbId" | "tmdbId";
}

/** What a trace asks for: the app's own id, an external id, or a title (and year). */
export interface LibraryTarget {
  id?: number;
  externalId?: number;
  title?: string;
  year?: number;
}

export type ResolvedItem = { item: Raw } | { item: null; lookup?: Lookup };

/**
 * Finds the item in the app's library: GET /{resource}/{id}, or GET /{resource}?{externalKey}= (by title, the whole
 * library); not there, GET /{resource}/lookup, whose best match may be in the library under a longer title ("The
 * Office (US)") — the lookup gives its id.
 */
export async function resolveLibraryItem(api: ArrApi, kind: LibraryKind, target: LibraryTarget): Promise<Result<ResolvedItem>> {
  const { resource, externalKey } = kind;
  if (target.id !== undefined) {
    const found = await api.call<Raw>({ path: `${resource}/${target.id}` });
    if (!found.ok) return found.failure.kind === "not_found" ? ok({ item: null }) : found;
    return ok({ item: obj(found.value) });
  }
  const inLibrary =
    target.externalId !== undefined ? await api.call({ path: resource, query: { [externalKey]: target.externalId } }) : await api.call({ path: resource });
  if (!inLibrary.ok) return inLibrary;
  const match = asList(inLibrary.value).find((entry) =>
    target.externalId !== undefined
      ? num(entry[externalKey]) === target.externalId
      : sameTitle(str(entry.title), target.title) && (target.year === undefined || num(entry.year) === target.year),
  );
  if (match) return ok({ item: match });
  const term = target.externalId !== undefined ? `${externalKey.slice(0, 4)}:${target.externalId}` : (target.title ?? "");
  const lookup = await api.call({ path: `${resource}/lookup`, query: { term } });
  if (!lookup.ok) return lookup;
  const best = asList(lookup.value)[0];
  const known =
    best && (num(best.id) ?? 0) > 0 && (target.year === undefined || num(best.year) === target.year)
      ? asList(inLibrary.value).find((entry) => num(entry.id) === num(best.id))
      : undefined;
  if (known) return ok({ item: known });
  return ok({
    item: null,
    lookup: asList(lookup.value)
      .slice(0, LOOKUP_LIMIT)
      .map((entry) => compact<Lookup[number]>({ title: str(entry.title) ?? "", year: num(entry.year), [externalKey]: num(entry[externalKey]) })),
  });
}
