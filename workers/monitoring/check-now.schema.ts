// The answer of "run a check now": the hub's report of its queue check and request progress.
import { z } from "@hono/zod-openapi";

export const CheckNowReport = z
  .object({
    queue: z.object({
      checkedAt: z.string(),
      skipped: z
        .enum(["disabled", "unreachable"])
        .optional()
        .openapi({ description: "Why nothing was checked: recovery is turned off, or no app could be read" }),
      detections: z.number().int().openapi({ description: "Failed or stalled downloads found" }),
      actions: z.array(
        z.object({
          key: z.string(),
          title: z.string(),
          strategy: z.string(),
          outcome: z.string().openapi({ description: "As in RecoveryAction.outcome" }),
        }),
      ),
    }),
    requestsAdvanced: z.number().int().openapi({ description: "Content requests whose status changed" }),
  })
  .openapi("CheckNowReport");
