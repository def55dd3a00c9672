// One tenant's hourly hunt: read the wanted lists of every hunting app (and Prowlarr's limits) in one round trip,
// choose each app's batch, start one search command per app in a second, then record runs, log rows and activity.
// A connector or app failure is recorded and never thrown, and a search that did not start uses no budget.
import type { CallOutcome } from "@autoarr/contract";
import type { HubEvent } from "../live/hub-event";
import type { Database } from "../platform/db/database";
import { recordActivity } from "../activity/activity.service";
import { HUNT_APPS, type HuntApp, type HuntingSettings } from "./hunting.schema";
import { type Batch, chooseBatch, HOUR_MS, nextHuntAfter, type PastSearch, shareIndexerRoom } from "./hunt.logic";
import { CountedCalls, type HuntCalls, readForHunt } from "./hunt-reads";
import { pastSearches, pruneHunts, readHuntingSettings, recordRun, type RunRecord, scheduleNextHunt } from "./hunting.repo";
import { failedMessage, heldMessage, nothingMessage, searchMessage } from "./hunt-words";

/** Hunt runs and log rows are kept this long: longer than the longest skip window. */
const KEEP_MS = 31 * 24 * HOUR_MS;

export interface HuntDeps {
  db: Database;
  tenantId: string;
  hub: HuntCalls & { broadcast(event: HubEvent): Promise<unknown> };
  now: Date;
}

export interface AppHunt {
  app: HuntApp;
  status: RunRecord["status"];
  searched: number[];
  message: string;
}

export interface HuntReport {
  apps: AppHunt[];
  roundTrips: number;
}

function searchCall(app: HuntApp, ids: number[]) {
  return app === "sonarr"
    ? { tool: "sonarr_command", arguments: { name: "EpisodeSearch", episodeIds: ids } }
    : { tool: "radarr_command", arguments: { name: "MoviesSearch", movieIds: ids } };
}

/**
 * A command whose answer was lost may have started its search: it counts as searched (the indexers may have been
 * queried), while one the app refused or never reached does not.
 */
function searchStarted(outcome: CallOutcome | undefined): boolean {
  return outcome !== undefined && (outcome.ok || outcome.error.kind === "outcome_unknown");
}

export async function runHunt({ db, tenantId, hub, now }: HuntDeps): Promise<HuntReport> {
  const stored = await readHuntingSettings(db, tenantId);
  const active = HUNT_APPS.filter((app) => stored[app].settings.enabled && !stored[app].settings.paused);
  const calls = new CountedCalls(hub);
  const at = now.getTime();
  const apps: AppHunt[] = [];
  try {
    if (active.length === 0) return { apps, roundTrips: 0 };
    const settingsOf = (app: HuntApp): HuntingSettings => stored[app].settings;
    const past = new Map<HuntApp, PastSearch[]>();
    for (const app of active) {
      const reach = Math.max(settingsOf(app).skipSearchedWithinHours, 1) * HOUR_MS;
      past.set(app, await pastSearches(db, tenantId, app, new Date(at - reach)));
    }
    const batchOf = (app: HuntApp, items: Parameters<typeof chooseBatch>[0]["items"], indexerAllowance: number | null): Batch =>
      chooseBatch({
        items,
        past: past.get(app) ?? [],
        now: at,
        perHour: settingsOf(app).perHour,
        skipSearchedWithinHours: settingsOf(app).skipSearchedWithinHours,
        indexerAllowance,
      });

    const reads = await readForHunt(
      calls,
      active.map((app) => ({ app, lists: settingsOf(app).lists })),
      at,
      (app, items) => batchOf(app, items, null).eligible < settingsOf(app).perHour,
    );

    // The indexers' room is shared: each app asks for what its hourly number would let it search.
    const unlimited = new Map(
      active.map((app) => {
        const read = reads.wanted[app];
        return [app, read.ok ? batchOf(app, read.items, null) : null] as const;
      }),
    );
    const demands = Object.fromEntries(active.map((app) => [app, unlimited.get(app)?.items.length ?? 0])) as Record<HuntApp, number>;
    const shares = shareIndexerRoom(reads.indexers.remaining, demands);

    const planned: { app: HuntApp; batch: Batch; wanted: number }[] = [];
    for (const app of active) {
      const read = reads.wanted[app];
      if (!read.ok) {
        apps.push({ app, status: "failed", searched: [], message: failedMessage(app, `the ${read.list} list could not be read`, read.reason) });
        continue;
      }
      if (reads.indexers.prowlarr === "failed" && (unlimited.get(app)?.items.length ?? 0) > 0) {
        apps.push({
          app,
          status: "failed",
          searched: [],
          message: failedMessage(app, "Prowlarr's indexer limits could not be read", reads.indexers.reason ?? ""),
        });
        continue;
      }
      planned.push({ app, batch: batchOf(app, read.items, shares[app] ?? null), wanted: read.total });
    }

    const toSearch = planned.filter((p) => p.batch.items.length > 0 && !settingsOf(p.app).dryRun);
    const commandOutcomes = await calls.batch(
      toSearch.map((p) =>
        searchCall(
          p.app,
          p.batch.items.map((i) => i.id),
        ),
      ),
    );

    for (const { app, batch, wanted } of planned) {
      const settings = settingsOf(app);
      const ids = batch.items.map((i) => i.id);
      if (batch.items.length === 0) {
        const held = batch.eligible > 0;
        apps.push({
          app,
          status: held ? "held" : "nothing",
          searched: [],
          message: held ? heldMessage(app, batch.eligible, batch.limitedBy, settings.perHour, reads.indexers.limitedBy) : nothingMessage(app, wanted),
        });
        continue;
      }
      if (settings.dryRun) {
        apps.push({ app, status: "dry-run", searched: ids, message: searchMessage(app, batch.items, true) });
        continue;
      }
      const outcome = commandOutcomes[toSearch.findIndex((p) => p.app === app)];
      if (!searchStarted(outcome)) {
        const reason = outcome && !outcome.ok ? outcome.error.message : "no answer";
        apps.push({ app, status: "failed", searched: [], message: failedMessage(app, "the search could not be started", reason) });
        continue;
      }
      apps.push({ app, status: "searched", searched: ids, message: searchMessage(app, batch.items, false) });
    }

    for (const hunt of apps) {
      const plan = planned.find((p) => p.app === hunt.app);
      const items = hunt.searched.length > 0 ? (plan?.batch.items ?? []) : [];
      const dryRun = settingsOf(hunt.app).dryRun;
      await recordRun(
        db,
        tenantId,
        {
          app: hunt.app,
          at: now,
          status: hunt.status,
          dryRun,
          wanted: plan?.wanted ?? 0,
          searched: items.length,
          message: hunt.message,
          roundTrips: calls.roundTrips,
        },
        items.map((i) => ({ itemId: i.id, list: i.list, label: i.label })),
      );
      // A quiet hour (nothing due) stays in the runs list; the activity log gets what happened or stopped a hunt.
      if (hunt.status === "nothing") continue;
      const activity = await recordActivity(
        db,
        tenantId,
        {
          app: hunt.app,
          kind: "hunt",
          level: hunt.status === "failed" ? "warning" : "info",
          message: hunt.message,
          data: {
            status: hunt.status,
            dryRun,
            items: items.map((i) => ({ id: i.id, list: i.list, label: i.label, ...(i.target ? { target: i.target } : {}) })),
            // One item: the entry is about it, so "Why isn't it here?" can ask about it.
            ...(items.length === 1 && items[0]?.target ? { target: items[0].target, title: items[0].label } : {}),
          },
        },
        now,
      );
      await hub.broadcast({ type: "activity", at: activity.at, data: activity });
    }
    await pruneHunts(db, tenantId, new Date(at - KEEP_MS));
    return { apps, roundTrips: calls.roundTrips };
  } finally {
    // Due again at the tenant's next hourly slot, whatever happened: a failing hunt does not retry every two minutes.
    await scheduleNextHunt(db, tenantId, active, new Date(nextHuntAfter(at, tenantId)));
  }
}
