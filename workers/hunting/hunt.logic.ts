// Gentle hunting's decisions, pure: which wanted items this run searches, within the per-app hourly cap, the indexers'
// own query limits (shared by Sonarr and Radarr), and skipping what was searched recently. The service reads and writes.
import type { HuntList } from "./hunting.schema";

export const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** One wanted episode or movie as the run read it. */
export interface WantedItem {
  id: number;
  list: HuntList;
  /** "Severance S02E03", "Heat (1995)". */
  label: string;
  /** Series title for episodes, used to word the activity entry. */
  group?: string;
  /** When the app itself last searched for it (its lastSearchTime), ms; null when never or unknown. */
  appSearchedAt: number | null;
  /** The item as a diagnosis target names it (activity entries carry it, for "Why isn't it here?"). */
  target?: { app: "sonarr"; seriesId: number; seasonNumber: number; episodeNumber: number } | { app: "radarr"; movieId: number };
}

/** A search AutoArr started before (a hunt log row that was not a dry run). */
export interface PastSearch {
  itemId: number;
  at: number;
}

export interface BatchInput {
  items: WantedItem[];
  /** AutoArr's own searches of this app (at least the last skipSearchedWithinHours and the last hour). */
  past: PastSearch[];
  now: number;
  perHour: number;
  skipSearchedWithinHours: number;
  /** How many searches the indexers still allow this app now; null when no indexer is limited (or Prowlarr is absent). */
  indexerAllowance: number | null;
}

export type BatchLimit = "per-hour" | "indexers" | "wanted";

export interface Batch {
  items: WantedItem[];
  /** Items that were not searched recently. */
  eligible: number;
  /** What capped the batch: the hourly number, the indexers, or simply how many were due. */
  limitedBy: BatchLimit;
  /** Room left in the rolling hour before this batch. */
  hourlyRoom: number;
}

/** AutoArr's searches of this app in the rolling hour ending now (the window (now − 1 h, now]). */
export function searchesInLastHour(past: PastSearch[], now: number): number {
  return past.filter((s) => s.at > now - HOUR_MS && s.at <= now).length;
}

/** When the item was last searched by anyone we know of, ms; null when never. */
export function lastSearched(item: WantedItem, past: PastSearch[]): number | null {
  let latest = item.appSearchedAt;
  for (const s of past) if (s.itemId === item.id && (latest === null || s.at > latest)) latest = s.at;
  return latest;
}

/**
 * This run's batch: the items not searched within the skip window, never-searched first then oldest-searched, at most
 * the room left in the rolling hour and what the indexers allow. The same item in both lists counts once.
 */
export function chooseBatch(input: BatchInput): Batch {
  const { now, past } = input;
  const skipMs = input.skipSearchedWithinHours * HOUR_MS;
  const seen = new Set<number>();
  const candidates: { item: WantedItem; last: number | null; order: number }[] = [];
  input.items.forEach((item, order) => {
    if (seen.has(item.id)) return;
    seen.add(item.id);
    const last = lastSearched(item, past);
    if (last === null || now - last >= skipMs) candidates.push({ item, last, order });
  });
  candidates.sort((a, b) => (a.last ?? Number.NEGATIVE_INFINITY) - (b.last ?? Number.NEGATIVE_INFINITY) || a.order - b.order);

  const hourlyRoom = Math.max(0, input.perHour - searchesInLastHour(past, now));
  const indexerRoom = input.indexerAllowance === null ? Number.POSITIVE_INFINITY : Math.max(0, input.indexerAllowance);
  const room = Math.min(hourlyRoom, indexerRoom);
  const limitedBy: BatchLimit = candidates.length <= room ? "wanted" : indexerRoom < hourlyRoom ? "indexers" : "per-hour";
  return { items: candidates.slice(0, room).map((c) => c.item), eligible: candidates.length, limitedBy, hourlyRoom };
}

// ── the indexers' limits (Prowlarr) ─────────────────────────────────────────────

export interface IndexerLimit {
  id: number;
  name: string;
  enable: boolean;
  queryLimit?: number;
  limitsUnit?: "day" | "hour";
}

/** Queries each indexer answered in one window, from prowlarr_indexer_stats. */
export type QueriesUsed = Map<number, number>;

/**
 * Prowlarr's IndexerLimitService.AtQueryLimit counts an indexer's queries over the last hour or the last 24 hours
 * (limitsUnit; day when unset) against its queryLimit.
 */
export function limitWindowMs(unit: IndexerLimit["limitsUnit"]): number {
  return unit === "hour" ? HOUR_MS : DAY_MS;
}

export interface IndexerBudget {
  /** Searches left before the tightest indexer reaches its limit; null when no enabled indexer has a limit. */
  remaining: number | null;
  /** The indexer that sets it. */
  limitedBy: string | null;
}

/**
 * Every item search queries each enabled indexer once, so the run may search at most the smallest room any enabled,
 * limited indexer has left. An indexer whose usage in its window is unknown leaves no room: limits are never guessed.
 */
export function indexerBudget(indexers: IndexerLimit[], used: { hour?: QueriesUsed; day?: QueriesUsed }): IndexerBudget {
  let remaining: number | null = null;
  let limitedBy: string | null = null;
  for (const indexer of indexers) {
    if (!indexer.enable || indexer.queryLimit === undefined) continue;
    const window = indexer.limitsUnit === "hour" ? used.hour : used.day;
    const left = window === undefined ? 0 : Math.max(0, indexer.queryLimit - (window.get(indexer.id) ?? 0));
    if (remaining === null || left < remaining) {
      remaining = left;
      limitedBy = indexer.name;
    }
  }
  return { remaining, limitedBy };
}

/** The limit units the enabled, limited indexers count in: the stats windows the run must read. */
export function windowsNeeded(indexers: IndexerLimit[]): ("hour" | "day")[] {
  const units = new Set(indexers.filter((i) => i.enable && i.queryLimit !== undefined).map((i) => i.limitsUnit ?? "day"));
  return (["hour", "day"] as const).filter((u) => units.has(u));
}

/**
 * Splits the indexers' shared room between the apps: each gets an even share of what it asks for, and a share one app
 * does not need goes to the other. Never more than the room in total, never more than an app asks.
 */
export function shareIndexerRoom<A extends string>(room: number | null, demands: Record<A, number>): Record<A, number | null> {
  const apps = Object.keys(demands) as A[];
  const shares = {} as Record<A, number | null>;
  if (room === null) {
    for (const app of apps) shares[app] = null;
    return shares;
  }
  let left = Math.max(0, room);
  const wanting = new Map(apps.map((a) => [a, Math.max(0, demands[a])]));
  for (const app of apps) shares[app] = 0;
  // Round by round, one search each to every app still asking, until the room or the demands run out.
  while (left > 0 && [...wanting.values()].some((n) => n > 0)) {
    for (const app of apps) {
      const want = wanting.get(app) ?? 0;
      if (left === 0 || want === 0) continue;
      shares[app] = (shares[app] ?? 0) + 1;
      wanting.set(app, want - 1);
      left--;
    }
  }
  return shares;
}

// ── when the hunt runs ──────────────────────────────────────────────────────────

/** FNV-1a over the id's UTF-16 code units: tenants spread over the hour instead of all hunting on the same tick. */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Where in each hour this tenant's hunt falls, in [0, 1 h). */
export function huntOffsetMs(tenantId: string): number {
  return hash32(`hunt:${tenantId}`) % HOUR_MS;
}

/** The tenant's first hunt slot strictly after `after`. */
export function nextHuntAfter(after: number, tenantId: string): number {
  const offset = huntOffsetMs(tenantId);
  const slot = Math.floor((after - offset) / HOUR_MS) * HOUR_MS + offset;
  return slot > after ? slot : slot + HOUR_MS;
}
