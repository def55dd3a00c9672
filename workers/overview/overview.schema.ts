// Shapes of the overview endpoints: the week at a glance, the queue over the last hours and the audits' findings.
import { z } from "@hono/zod-openapi";
import { isTimeZone } from "./calendar-days.logic";

export const OverviewQuery = z.object({
  days: z.coerce.number().int().min(1).max(31).default(7),
  tz: z
    .string()
    .max(64)
    .refine(isTimeZone, { message: "Not an IANA time zone name" })
    .default("UTC")
    .openapi({ description: "IANA time zone the days are calendar days in, e.g. Europe/Berlin", example: "Europe/Berlin" }),
});

const count = z.number().int().min(0);

export const RecoveriesByOutcome = z
  .object({
    fixed: count.openapi({ description: "Outcome succeeded" }),
    failed: count.openapi({ description: "Outcome failed" }),
    gaveUp: count.openapi({ description: "Outcome exhausted or alerted" }),
    handledByApp: count.openapi({ description: "Outcome handled_by_app" }),
    other: count.openapi({ description: "Outcome dry_run, awaiting_approval or rejected" }),
  })
  .openapi("RecoveriesByOutcome");

export const OverviewDay = z
  .object({
    date: z.string().openapi({ description: "Calendar day in the requested zone, YYYY-MM-DD", example: "2026-12-01" }),
    detected: count.openapi({ description: "Failures detected (activity of kind detection)" }),
    recoveries: RecoveriesByOutcome,
    requestsCompleted: count.openapi({ description: "Content requests that became available" }),
    downloadsCompleted: count.openapi({ description: "Downloads SABnzbd completed" }),
  })
  .openapi("OverviewDay");

export const Overview = z
  .object({
    generatedAt: z.string(),
    timeZone: z.string(),
    today: z.object({ detected: count, fixed: count, gaveUp: count, requestsCompleted: count, downloadsCompleted: count }),
    attention: z.object({
      approvalsWaiting: count.openapi({ description: "Recovery actions waiting for approval" }),
      requestsNeedingChoice: count.openapi({ description: "Content requests waiting for the user to choose" }),
      gaveUp: z
        .array(z.object({ id: z.string(), app: z.string(), title: z.string().nullable(), at: z.string(), reason: z.string() }))
        .openapi({ description: "Recoveries that ended exhausted or alerted in the window, newest first, at most 5 (id is the recovery action's)" }),
      highPriorityFindings: z
        .array(z.object({ id: z.string(), app: z.string(), title: z.string() }))
        .openapi({ description: "Open high-priority recommendations of each app's latest audit, at most 5" }),
    }),
    days: z.array(OverviewDay).openapi({ description: "Oldest first; the last one is today" }),
    fixTime: z
      .object({
        medianSeconds: z.number().nullable(),
        p90Seconds: z.number().nullable(),
        fixes: count.openapi({ description: "Succeeded recoveries in the window whose detection time is known" }),
      })
      .openapi({ description: "From AutoArr first seeing a failure to the recovery that succeeded, over the window" }),
  })
  .openapi("Overview");

export const QueueTimelineQuery = z.object({ hours: z.coerce.number().int().min(1).max(24).default(6) });

export const QueueSample = z
  .object({ at: z.string(), speedBytesPerSecond: z.number().min(0), sizeLeftBytes: z.number().min(0), items: count })
  .openapi("QueueSample");

export const QueueTimeline = z
  .object({
    from: z.string(),
    to: z.string(),
    samples: z.array(QueueSample).openapi({
      description: "Oldest first. A sample holds until the next one: one taken before `from` that still held then is given at `from`",
    }),
  })
  .openapi("QueueTimeline");

export const FindingsTrendQuery = z.object({ audits: z.coerce.number().int().min(1).max(50).default(12) });

export const FindingsTrend = z
  .object({
    audits: z
      .array(z.object({ id: z.string(), at: z.string(), high: count, medium: count, low: count }))
      .openapi({ description: "The latest audits, oldest first, each with its recommendations counted by priority (whatever their status now)" }),
  })
  .openapi("FindingsTrend");
