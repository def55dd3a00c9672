// The week at a glance: the repo's per-day counts laid out on the zone's calendar days, with today's totals.
import type { z } from "@hono/zod-openapi";
import type { Database } from "../platform/db/database";
import { calendarDays } from "./calendar-days.logic";
import { fixTimeOf } from "./fix-time.logic";
import type { Overview, OverviewDay } from "./overview.schema";
import { readOverviewRows } from "./overview.repo";

type Day = z.infer<typeof OverviewDay>;
type Outcome = keyof Day["recoveries"];

const OUTCOME_GROUP: Record<string, Outcome> = {
  succeeded: "fixed",
  failed: "failed",
  exhausted: "gaveUp",
  alerted: "gaveUp",
  handled_by_app: "handledByApp",
};

const iso = (at: Date | number) => new Date(at).toISOString();

export async function weekAtAGlance(db: Database, tenantId: string, options: { days: number; tz: string; now: number }): Promise<z.infer<typeof Overview>> {
  const calendar = calendarDays(options.now, options.days, options.tz);
  const rows = await readOverviewRows(db, tenantId, calendar);
  const days: Day[] = calendar.map(({ date }) => ({
    date,
    detected: 0,
    recoveries: { fixed: 0, failed: 0, gaveUp: 0, handledByApp: 0, other: 0 },
    requestsCompleted: 0,
    downloadsCompleted: 0,
  }));
  const on = (index: unknown) => days[Number(index)];
  for (const row of rows.detections) {
    const day = on(row.day);
    if (day) day.detected += Number(row.count);
  }
  for (const row of rows.recoveries) {
    const day = on(row.day);
    if (day) day.recoveries[OUTCOME_GROUP[row.outcome] ?? "other"] += Number(row.count);
  }
  for (const row of rows.requests) {
    const day = on(row.day);
    if (day) day.requestsCompleted += Number(row.count);
  }
  for (const row of rows.downloads) {
    const day = on(row.day);
    if (day) day.downloadsCompleted += Number(row.count);
  }
  const today = days[days.length - 1]!;
  return {
    generatedAt: iso(options.now),
    timeZone: options.tz,
    today: {
      detected: today.detected,
      fixed: today.recoveries.fixed,
      gaveUp: today.recoveries.gaveUp,
      requestsCompleted: today.requestsCompleted,
      downloadsCompleted: today.downloadsCompleted,
    },
    attention: {
      approvalsWaiting: Number(rows.waiting.approvals),
      requestsNeedingChoice: Number(rows.waiting.choices),
      gaveUp: rows.gaveUp.map((row) => ({ id: row.id, app: row.app, title: row.title, at: iso(row.at), reason: row.reason })),
      highPriorityFindings: rows.findings,
    },
    days,
    fixTime: fixTimeOf(rows.fixes.map((row) => Number(row.ms))),
  };
}
