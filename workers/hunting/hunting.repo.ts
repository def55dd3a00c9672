// D1 for gentle hunting: per-app settings with the next due time, the runs, and the log of searched items; one tenant's.
import { and, desc, eq, gt, inArray, lt, lte, sql } from "drizzle-orm";
import { huntingSettings, huntLog, huntRuns } from "../platform/db/schema";
import type { Database } from "../platform/db/database";
import { DEFAULT_HUNTING_SETTINGS, HUNT_APPS, type HuntApp, HuntingSettings, type HuntList } from "./hunting.schema";
import { nextHuntAfter, type PastSearch } from "./hunt.logic";

export interface StoredAppSettings {
  settings: HuntingSettings;
  nextRunAt: Date | null;
}

/** Both apps' settings; an app without a row has the defaults (off). */
export async function readHuntingSettings(db: Database, tenantId: string): Promise<Record<HuntApp, StoredAppSettings>> {
  const rows = await db.select().from(huntingSettings).where(eq(huntingSettings.tenantId, tenantId));
  const result = {} as Record<HuntApp, StoredAppSettings>;
  for (const app of HUNT_APPS) {
    const row = rows.find((r) => r.app === app);
    const parsed = row
      ? HuntingSettings.safeParse({
          enabled: row.enabled,
          paused: row.paused,
          dryRun: row.dryRun,
          perHour: row.perHour,
          lists: row.lists,
          skipSearchedWithinHours: row.skipSearchedWithinHours,
        })
      : null;
    result[app] = { settings: parsed?.success ? parsed.data : DEFAULT_HUNTING_SETTINGS, nextRunAt: row?.nextRunAt ?? null };
  }
  return result;
}

/**
 * Saves one app's settings. A hunting app keeps its due time (or gets the tenant's next hourly slot); one that is off
 * or paused has none, so the cron never picks it.
 */
export async function writeHuntingSettings(db: Database, tenantId: string, app: HuntApp, settings: HuntingSettings, current: Date | null, now: Date) {
  const active = settings.enabled && !settings.paused;
  const nextRunAt = active ? (current ?? new Date(nextHuntAfter(now.getTime(), tenantId))) : null;
  const values = { ...settings, nextRunAt, updatedAt: now };
  await db
    .insert(huntingSettings)
    .values({ tenantId, app, ...values })
    .onConflictDoUpdate({ target: [huntingSettings.tenantId, huntingSettings.app], set: values });
  return nextRunAt;
}

/** Tenants with an app whose hunt is due, oldest due first: one indexed query per cron run. */
export async function tenantsWithDueHunts(db: Database, now: Date, limit: number): Promise<string[]> {
  const rows = await db
    .select({ tenantId: huntingSettings.tenantId, due: sql<number>`min(${huntingSettings.nextRunAt})` })
    .from(huntingSettings)
    .where(and(eq(huntingSettings.enabled, true), eq(huntingSettings.paused, false), lte(huntingSettings.nextRunAt, now)))
    .groupBy(huntingSettings.tenantId)
    .orderBy(sql`2`)
    .limit(limit);
  return rows.map((r) => r.tenantId);
}

/** Moves the tenant's hunting apps on to their next slot. */
export async function scheduleNextHunt(db: Database, tenantId: string, apps: HuntApp[], next: Date): Promise<void> {
  if (apps.length === 0) return;
  await db
    .update(huntingSettings)
    .set({ nextRunAt: next })
    .where(and(eq(huntingSettings.tenantId, tenantId), inArray(huntingSettings.app, apps)));
}

/** AutoArr's real searches (not dry runs) of one app since a time. */
export async function pastSearches(db: Database, tenantId: string, app: HuntApp, since: Date): Promise<PastSearch[]> {
  const rows = await db
    .select({ itemId: huntLog.itemId, at: huntLog.searchedAt })
    .from(huntLog)
    .where(and(eq(huntLog.tenantId, tenantId), eq(huntLog.app, app), gt(huntLog.searchedAt, since), eq(huntLog.dryRun, false)));
  return rows.map((r) => ({ itemId: r.itemId, at: r.at.getTime() }));
}

export interface RunRecord {
  app: HuntApp;
  at: Date;
  status: "searched" | "dry-run" | "nothing" | "held" | "failed";
  dryRun: boolean;
  wanted: number;
  searched: number;
  message: string;
  roundTrips: number;
}

export interface LoggedItem {
  itemId: number;
  list: HuntList;
  label: string;
}

/** D1 binds at most 100 parameters per statement: nine columns a row. */
const LOG_ROWS_PER_INSERT = 10;

export async function recordRun(db: Database, tenantId: string, run: RunRecord, items: LoggedItem[]): Promise<string> {
  const id = crypto.randomUUID();
  await db.insert(huntRuns).values({ id, tenantId, ...run });
  const rows = items.map((item) => ({ id: crypto.randomUUID(), tenantId, app: run.app, runId: id, ...item, dryRun: run.dryRun, searchedAt: run.at }));
  for (let i = 0; i < rows.length; i += LOG_ROWS_PER_INSERT) await db.insert(huntLog).values(rows.slice(i, i + LOG_ROWS_PER_INSERT));
  return id;
}

export async function recentRuns(db: Database, tenantId: string, limit: number) {
  const rows = await db.select().from(huntRuns).where(eq(huntRuns.tenantId, tenantId)).orderBy(desc(huntRuns.at), desc(huntRuns.id)).limit(limit);
  return rows.map((r) => ({ ...r, app: r.app as HuntApp, at: r.at.toISOString() }));
}

export async function readHuntLog(db: Database, tenantId: string, query: { app?: HuntApp; limit: number }) {
  const filters = [eq(huntLog.tenantId, tenantId), ...(query.app ? [eq(huntLog.app, query.app)] : [])];
  const rows = await db
    .select()
    .from(huntLog)
    .where(and(...filters))
    .orderBy(desc(huntLog.searchedAt), desc(huntLog.id))
    .limit(query.limit);
  return rows.map((r) => ({
    id: r.id,
    app: r.app as HuntApp,
    runId: r.runId,
    itemId: r.itemId,
    list: r.list,
    label: r.label,
    dryRun: r.dryRun,
    searchedAt: r.searchedAt.toISOString(),
  }));
}

/** Runs (and with them their log rows) older than anything a skip window can reach are dropped. */
export async function pruneHunts(db: Database, tenantId: string, before: Date): Promise<void> {
  await db.delete(huntRuns).where(and(eq(huntRuns.tenantId, tenantId), lt(huntRuns.at, before)));
}
