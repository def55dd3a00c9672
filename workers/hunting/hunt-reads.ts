// What a hunt reads through the connector, in as few round trips as it can: every wanted list of every hunting app and
// Prowlarr's indexers and their use in one batch; further pages only for an app that found too little on the first.
import { type CallOutcome, tools } from "@autoarr/contract";
import { z } from "zod";
import type { CallRequest } from "../../durable-objects/tenant-hub/orchestrator";
import { checkedOutcome } from "../connectors/tool-call";
import type { HuntApp, HuntList } from "./hunting.schema";
import { HOUR_MS, type IndexerBudget, type IndexerLimit, indexerBudget, type QueriesUsed, type WantedItem } from "./hunt.logic";

/** The hub calls a hunt makes; counted, since each batch is one round trip to the connector. */
export interface HuntCalls {
  callManyByName(calls: CallRequest[]): Promise<CallOutcome[]>;
}

export class CountedCalls {
  roundTrips = 0;
  constructor(private readonly hub: HuntCalls) {}
  async batch(calls: CallRequest[]): Promise<CallOutcome[]> {
    if (calls.length === 0) return [];
    this.roundTrips++;
    return this.hub.callManyByName(calls);
  }
}

export const WANTED_PAGE_SIZE = 100;
/** An app that finds too few items due on a page reads on, up to this many pages of each list per run. */
export const MAX_WANTED_PAGES = 3;

const wantedRef = {
  sonarr: { missing: tools.sonarr.wantedMissing, cutoff: tools.sonarr.wantedCutoff },
  radarr: { missing: tools.radarr.wantedMissing, cutoff: tools.radarr.wantedCutoff },
} as const;

function wantedCall(app: HuntApp, list: HuntList, page: number): CallRequest {
  return { tool: wantedRef[app][list].name, arguments: { page, pageSize: WANTED_PAGE_SIZE } };
}

function timeOf(text: string | undefined): number | null {
  const ms = text ? Date.parse(text) : Number.NaN;
  return Number.isNaN(ms) ? null : ms;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** One page of a wanted list as hunt items, or why it could not be read. */
function wantedPage(app: HuntApp, list: HuntList, outcome: CallOutcome): { ok: true; items: WantedItem[]; total: number } | { ok: false; reason: string } {
  if (app === "sonarr") {
    const checked = checkedOutcome(wantedRef.sonarr[list], outcome);
    if (!checked.ok) return { ok: false, reason: checked.error.message };
    const items = checked.data.records.map((e) => {
      const series = e.seriesTitle ?? `Series ${e.seriesId}`;
      return {
        id: e.id,
        list,
        label: `${series} S${pad(e.seasonNumber)}E${pad(e.episodeNumber)}`,
        group: series,
        appSearchedAt: timeOf(e.lastSearchTime),
        target: { app: "sonarr" as const, seriesId: e.seriesId, seasonNumber: e.seasonNumber, episodeNumber: e.episodeNumber },
      };
    });
    return { ok: true, items, total: checked.data.totalRecords };
  }
  const checked = checkedOutcome(wantedRef.radarr[list], outcome);
  if (!checked.ok) return { ok: false, reason: checked.error.message };
  const items = checked.data.records.flatMap((m) =>
    m.id === undefined
      ? []
      : [
          {
            id: m.id,
            list,
            label: m.year ? `${m.title} (${m.year})` : m.title,
            appSearchedAt: timeOf(m.lastSearchTime),
            target: { app: "radarr" as const, movieId: m.id },
          },
        ],
  );
  return { ok: true, items, total: checked.data.totalRecords };
}

export type WantedRead = { ok: true; items: WantedItem[]; total: number } | { ok: false; list: HuntList; reason: string };

interface ListProgress {
  app: HuntApp;
  list: HuntList;
  pagesRead: number;
  total: number;
}

// Prowlarr's answers, as much of them as hunting needs (packages/contract/src/tools/prowlarr.ts has the full shapes).
const ProwlarrIndexers = z.object({
  indexers: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      enable: z.boolean(),
      queryLimit: z.number().optional(),
      limitsUnit: z.enum(["day", "hour"]).optional(),
    }),
  ),
});
const ProwlarrStats = z.object({
  indexers: z.array(z.object({ indexerId: z.number(), numberOfQueries: z.number(), numberOfRssQueries: z.number().optional() })),
});

export type IndexerRead = IndexerBudget & { prowlarr: "absent" | "read" | "failed"; reason?: string };

/** Prowlarr's indexers and their queries in the last hour and day: the room the indexers leave for searches. */
function readIndexerBudget(outcomes: { indexers: CallOutcome; hour: CallOutcome; day: CallOutcome }): IndexerRead {
  const { indexers, hour, day } = outcomes;
  // A connector without Prowlarr configured does not offer its tools: then only the hourly number limits the hunt.
  if (!indexers.ok && indexers.error.kind === "unknown_tool") return { remaining: null, limitedBy: null, prowlarr: "absent" };
  if (!indexers.ok) return { remaining: 0, limitedBy: "Prowlarr", prowlarr: "failed", reason: indexers.error.message };
  const listed = ProwlarrIndexers.safeParse(indexers.data);
  if (!listed.success) return { remaining: 0, limitedBy: "Prowlarr", prowlarr: "failed", reason: "Prowlarr's indexer list was not understood" };
  const used = (outcome: CallOutcome): QueriesUsed | undefined => {
    const parsed = outcome.ok ? ProwlarrStats.safeParse(outcome.data) : null;
    // IndexerLimitService counts IndexerQuery and IndexerRss events alike; the stats count them apart.
    return parsed?.success ? new Map(parsed.data.indexers.map((s) => [s.indexerId, s.numberOfQueries + (s.numberOfRssQueries ?? 0)])) : undefined;
  };
  const limits: IndexerLimit[] = listed.data.indexers;
  return { ...indexerBudget(limits, { hour: used(hour), day: used(day) }), prowlarr: "read" };
}

export interface HuntReads {
  wanted: Record<HuntApp, WantedRead>;
  indexers: IndexerRead;
}

/**
 * The first round trip: page one of each list of each app, Prowlarr's indexers and their stats over the last hour
 * and the last day (Prowlarr counts limits over those windows). `needsMore` says, per app, whether it should read on.
 */
export async function readForHunt(
  calls: CountedCalls,
  apps: { app: HuntApp; lists: HuntList[] }[],
  now: number,
  needsMore: (app: HuntApp, items: WantedItem[]) => boolean,
): Promise<HuntReads> {
  const progress: ListProgress[] = apps.flatMap(({ app, lists }) => lists.map((list) => ({ app, list, pagesRead: 0, total: 0 })));
  const iso = (ms: number) => new Date(ms).toISOString();
  const prowlarrCalls: CallRequest[] = [
    { tool: "prowlarr_indexers", arguments: {} },
    { tool: "prowlarr_indexer_stats", arguments: { startDate: iso(now - HOUR_MS) } },
    { tool: "prowlarr_indexer_stats", arguments: { startDate: iso(now - 24 * HOUR_MS) } },
  ];
  const outcomes = await calls.batch([...progress.map((p) => wantedCall(p.app, p.list, 1)), ...prowlarrCalls]);
  const [indexers, hour, day] = outcomes.slice(progress.length) as [CallOutcome, CallOutcome, CallOutcome];

  const wanted = {} as Record<HuntApp, WantedRead>;
  for (const { app } of apps) wanted[app] = { ok: true, items: [], total: 0 };
  const take = (p: ListProgress, outcome: CallOutcome | undefined) => {
    const current = wanted[p.app];
    if (!current.ok) return;
    const page = outcome ? wantedPage(p.app, p.list, outcome) : { ok: false as const, reason: "no answer" };
    if (!page.ok) {
      wanted[p.app] = { ok: false, list: p.list, reason: page.reason };
      return;
    }
    p.pagesRead++;
    p.total = page.total;
    current.items.push(...page.items);
    if (p.pagesRead === 1) current.total += page.total;
  };
  for (const [i, p] of progress.entries()) take(p, outcomes[i]);

  for (let round = 1; round < MAX_WANTED_PAGES; round++) {
    const more = progress.filter((p) => {
      const read = wanted[p.app];
      return read.ok && p.pagesRead === round && p.pagesRead * WANTED_PAGE_SIZE < p.total && needsMore(p.app, read.items);
    });
    if (more.length === 0) break;
    const pages = await calls.batch(more.map((p) => wantedCall(p.app, p.list, p.pagesRead + 1)));
    for (const [i, p] of more.entries()) take(p, pages[i]);
  }
  return { wanted, indexers: readIndexerBudget({ indexers, hour, day }) };
}
