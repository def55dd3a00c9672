// The two-minute cron: hands every tenant with a paired connector to its hub, one call each, for both background
// jobs (the queue check, then moving its content requests along), a bounded number at a time. Each hub runs each job
// serially, so overlapping cron runs cannot act twice.
// After a key rotation it also re-seals a batch of secrets still under the previous key (reseal-pass.ts).
//
// Scale: one invocation fans out to hubs (the work itself happens in the Durable Objects), so a run costs one
// D1 page per 500 tenants plus one RPC per tenant. Past a few thousand tenants the next step is to let each
// hub schedule its own two-minute alarm (the check is already a hub method) or to fan out through a Queue.
import pLimit from "p-limit";
import type { Env } from "./platform/env";
import { createLogger } from "./platform/logger";
import { database } from "./platform/db/database";
import { hubFor } from "./connectors/hub-client";
import { resealStaleSecrets, type ResealSummary } from "./connectors/reseal-pass.service";
import { tenantsWithConnectors } from "./connectors/tenants-with-connectors.repo";

const CONCURRENT_TENANTS = 25;

export interface ScheduledSummary {
  tenants: number;
  failed: number;
  detections: number;
  actions: number;
  requestsAdvanced: number;
}

export async function runQueueChecks(env: Env): Promise<ScheduledSummary> {
  const logger = createLogger("cron");
  const limit = pLimit(CONCURRENT_TENANTS);
  const summary: ScheduledSummary = { tenants: 0, failed: 0, detections: 0, actions: 0, requestsAdvanced: 0 };
  for await (const page of tenantsWithConnectors(database(env.DB))) {
    await Promise.all(
      page.map((tenantId) =>
        limit(async () => {
          summary.tenants++;
          try {
            const { queue, requestsAdvanced } = await hubFor(env, tenantId).runChecks();
            summary.detections += queue.detections;
            summary.actions += queue.actions.length;
            summary.requestsAdvanced += requestsAdvanced;
          } catch (error) {
            summary.failed++;
            logger.error("queue check failed", { tenant_id: tenantId, error: error instanceof Error ? error.message : String(error) });
          }
        }),
      ),
    );
  }
  return summary;
}

/** A failed re-seal pass is logged and tried again on the next run; it never stops the queue checks. */
async function resealQuietly(env: Env): Promise<ResealSummary | { secretsResealFailed: true }> {
  try {
    return await resealStaleSecrets(env);
  } catch (error) {
    createLogger("cron").error("re-seal pass failed", { error });
    return { secretsResealFailed: true };
  }
}

export async function runScheduled(controller: ScheduledController, env: Env, _ctx: ExecutionContext): Promise<void> {
  const started = Date.now();
  const summary = await runQueueChecks(env);
  const resealed = await resealQuietly(env);
  createLogger("cron").info("queue checks done", { cron: controller.cron, ...summary, ...resealed, duration_ms: Date.now() - started });
}
