// Shapes of the activity log, recovery actions and recovery settings endpoints.
import { z } from "@hono/zod-openapi";

export const ActivityQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  app: z.string().max(20).optional(),
  kind: z.string().max(40).optional(),
});

export const ActivityItem = z
  .object({
    id: z.string(),
    at: z.string(),
    app: z.string().nullable(),
    kind: z.string(),
    level: z.enum(["info", "warning", "error"]),
    message: z.string(),
    data: z.unknown(),
  })
  .openapi("ActivityItem");

export const ActivityPage = z.object({ items: z.array(ActivityItem), nextCursor: z.string().nullable() }).openapi("ActivityPage");

export const RecoveryDecision = z
  .object({ outcome: z.string().openapi({ description: "The recovery's outcome after the decision, as in RecoveryAction.outcome" }) })
  .openapi("RecoveryDecision");

export const RecoveryAction = z
  .object({
    id: z.string(),
    app: z.string(),
    itemId: z.string(),
    downloadId: z.string().nullable(),
    title: z.string().nullable(),
    failureReason: z.string(),
    strategy: z.string(),
    attempt: z.number(),
    outcome: z.string().openapi({
      description:
        "succeeded, failed, alerted, exhausted, dry_run, awaiting_approval, rejected, or handled_by_app (Sonarr/Radarr processed the failure themselves, so AutoArr did nothing more)",
    }),
    decidedBy: z.string(),
    why: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string().nullable(),
  })
  .openapi("RecoveryAction");

export const RecoveryStep = z
  .object({
    step: z.string().openapi({ description: "The tool AutoArr called, e.g. sabnzbd_retry" }),
    ok: z.boolean(),
    detail: z.string().nullable().openapi({ description: "What the tool answered, or why it failed" }),
  })
  .openapi("RecoveryStep");

export const RecoveryDetail = RecoveryAction.extend({
  steps: z.array(RecoveryStep).openapi({ description: "What AutoArr did, in order (empty for an alert, a dry run or an action waiting for approval)" }),
  detectedAt: z.string().nullable().openapi({ description: "When AutoArr first saw the failure (null for actions from before this was kept)" }),
}).openapi("RecoveryDetail");

export const RecoveryList = z.object({ items: z.array(RecoveryAction), nextCursor: z.string().nullable() }).openapi("RecoveryActions");
export const RecoveryListQuery = z.object({ cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(100).default(50) });
