// The D1 reads behind the overview: counts per calendar day grouped in SQL, sent together in one batch.
import { and, asc, desc, eq, gte, inArray, isNotNull, lt, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Database } from "../platform/db/database";
import { activityLog, auditResults, audits, contentRequests, downloadCompletions, queueSamples, recommendations, recoveryActions } from "../platform/db/schema";
import { PRIORITY_WEIGHT } from "../config-audit/rule.schema";
import type { CalendarDay } from "./calendar-days.logic";

const GAVE_UP = ["exhausted", "alerted"];
const LIST_MAX = 5;

/** Which of the days (0 oldest) a timestamp column falls in; rows are kept to the days' span by `within`. */
function dayOf(column: SQLiteColumn, days: CalendarDay[]): SQL<number> {
  // The boundaries are numbers this module computed, written as literals: 31 days must not use 31 of D1's 100 parameters.
  const cases = days.map((day, index) => sql`when ${column} < ${sql.raw(String(Math.trunc(day.end)))} then ${sql.raw(String(index))}`);
  return sql<number>`case ${sql.join(cases, sql` `)} end`;
}

function within(column: SQLiteColumn, days: CalendarDay[]): SQL | undefined {
  return and(gte(column, new Date(days[0]!.start)), lt(column, new Date(days[days.length - 1]!.end)));
}

export async function readOverviewRows(db: Database, tenantId: string, days: CalendarDay[]) {
  const detectionDay = dayOf(activityLog.timestamp, days);
  const recoveryDay = dayOf(recoveryActions.createdAt, days);
  const requestDay = dayOf(contentRequests.updatedAt, days);
  const downloadDay = dayOf(downloadCompletions.completedAt, days);
  // Each app's latest audit that covered it: its open high-priority findings are what is still to do.
  const latestAuditOfApp = sql`(select ${auditResults.auditId} from ${auditResults} where ${auditResults.tenantId} = ${tenantId} and ${auditResults.appName} = ${recommendations.appName} order by ${auditResults.createdAt} desc limit 1)`;
  const [detections, recoveries, requests, downloads, fixes, waiting, gaveUp, findings] = await db.batch([
    db
      .select({ day: detectionDay, count: sql<number>`count(*)` })
      .from(activityLog)
      .where(and(eq(activityLog.tenantId, tenantId), eq(activityLog.kind, "detection"), within(activityLog.timestamp, days)))
      .groupBy(detectionDay),
    db
      .select({ day: recoveryDay, outcome: recoveryActions.outcome, count: sql<number>`count(*)` })
      .from(recoveryActions)
      .where(and(eq(recoveryActions.tenantId, tenantId), within(recoveryActions.createdAt, days)))
      .groupBy(recoveryDay, recoveryActions.outcome),
    db
      .select({ day: requestDay, count: sql<number>`count(*)` })
      .from(contentRequests)
      .where(and(eq(contentRequests.tenantId, tenantId), eq(contentRequests.status, "available"), within(contentRequests.updatedAt, days)))
      .groupBy(requestDay),
    db
      .select({ day: downloadDay, count: sql<number>`count(*)` })
      .from(downloadCompletions)
      .where(and(eq(downloadCompletions.tenantId, tenantId), within(downloadCompletions.completedAt, days)))
      .groupBy(downloadDay),
    // One number per fix in the window, for the median and p90.
    db
      .select({ ms: sql<number>`${recoveryActions.createdAt} - ${recoveryActions.detectedAt}` })
      .from(recoveryActions)
      .where(
        and(
          eq(recoveryActions.tenantId, tenantId),
          eq(recoveryActions.outcome, "succeeded"),
          isNotNull(recoveryActions.detectedAt),
          within(recoveryActions.createdAt, days),
        ),
      ),
    db
      .select({
        approvals: sql<number>`(select count(*) from ${recoveryActions} where ${recoveryActions.tenantId} = ${tenantId} and ${recoveryActions.outcome} = 'awaiting_approval')`,
        choices: sql<number>`(select count(*) from ${contentRequests} where ${contentRequests.tenantId} = ${tenantId} and ${contentRequests.status} = 'needs_choice')`,
      })
      .from(sql`(select 1)`),
    db
      .select({
        id: recoveryActions.id,
        app: recoveryActions.app,
        title: recoveryActions.title,
        at: recoveryActions.createdAt,
        reason: recoveryActions.failureReason,
      })
      .from(recoveryActions)
      .where(and(eq(recoveryActions.tenantId, tenantId), inArray(recoveryActions.outcome, GAVE_UP), within(recoveryActions.createdAt, days)))
      .orderBy(desc(recoveryActions.createdAt), desc(recoveryActions.id))
      .limit(LIST_MAX),
    db
      .select({ id: recommendations.id, app: recommendations.appName, title: recommendations.title })
      .from(recommendations)
      .where(
        and(
          eq(recommendations.tenantId, tenantId),
          eq(recommendations.status, "open"),
          eq(recommendations.priority, PRIORITY_WEIGHT.high),
          sql`${recommendations.auditId} = ${latestAuditOfApp}`,
        ),
      )
      .orderBy(asc(recommendations.appName), desc(recommendations.createdAt), asc(recommendations.id))
      .limit(LIST_MAX),
  ]);
  return { detections, recoveries, requests, downloads, fixes, waiting: waiting[0] ?? { approvals: 0, choices: 0 }, gaveUp, findings };
}

/** Samples in [from, to], oldest first, and the one before `from` that still held at `from`. */
export async function readQueueSamples(db: Database, tenantId: string, from: number, to: number) {
  const heldAtFrom = sql`(select coalesce(max(${queueSamples.at}), ${from}) from ${queueSamples} where ${queueSamples.tenantId} = ${tenantId} and ${queueSamples.at} < ${from})`;
  return db
    .select()
    .from(queueSamples)
    .where(and(eq(queueSamples.tenantId, tenantId), sql`${queueSamples.at} >= ${heldAtFrom}`, sql`${queueSamples.at} <= ${to}`))
    .orderBy(asc(queueSamples.at));
}

/** The latest audits, oldest first, with their recommendations counted by priority. */
export async function readFindingsTrend(db: Database, tenantId: string, count: number) {
  const latest = db
    .select({ id: audits.id, createdAt: audits.createdAt })
    .from(audits)
    .where(eq(audits.tenantId, tenantId))
    .orderBy(desc(audits.createdAt), desc(audits.id))
    .limit(count)
    .as("latest");
  const counted = (priority: number) => sql<number>`coalesce(sum(${recommendations.priority} = ${priority}), 0)`;
  return db
    .select({
      id: latest.id,
      at: latest.createdAt,
      high: counted(PRIORITY_WEIGHT.high),
      medium: counted(PRIORITY_WEIGHT.medium),
      low: counted(PRIORITY_WEIGHT.low),
    })
    .from(latest)
    .leftJoin(recommendations, and(eq(recommendations.auditId, latest.id), eq(recommendations.tenantId, tenantId)))
    .groupBy(latest.id, latest.createdAt)
    .orderBy(asc(latest.createdAt), asc(latest.id));
}
