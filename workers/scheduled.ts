// The two-minute cron does no tenant work: each tenant's hub runs its own check on a Durable Object alarm
// (durable-objects/tenant-hub/check-schedule.ts) and renews a lease in D1 while it does. The cron only repairs hubs
// whose lease is missing or ran out (a connector paired before the alarms, an alarm lost): one D1 page of those per
// 500 and one cheap ensureScheduled RPC each, a bounded number at a time, so an idle run costs one indexed query.
// After a key rotation it also re-seals a batch of secrets still under the previous key (reseal-pass.ts), and it starts
// the hourly hunts that are due (workers/hunting/hunt-cron.ts; one indexed query when none is).
import pLimit from "p-limit";
import type { Env } from "./platform/env";
import { createLogger } from "./platform/logger";
import { database } from "./platform/db/database";
import { hubFor } from "./connectors/hub-client";
import { resealStaleSecrets, type ResealSummary } from "./connectors/reseal-pass.service";
import { tenantsWithLapsedCheckLease } from "./connectors/tenants-with-connectors.repo";
import { type HuntSummary, runDueHunts } from "./hunting/hunt-cron";

const CONCURRENT_REPAIRS = 25;

export interface RepairSummary {
  /** Hubs whose lease had lapsed and that were asked to arm their check. */
  hubsAsked: number;
  /** Of those, the ones with a connector that now have a check scheduled. */
  hubsScheduled: number;
  failed: number;
}

export async function repairCheckSchedules(env: Env, now = new Date()): Promise<RepairSummary> {
  const logger = createLogger("cron");
  const limit = pLimit(CONCURRENT_REPAIRS);
  const summary: RepairSummary = { hubsAsked: 0, hubsScheduled: 0, failed: 0 };
  for await (const page of tenantsWithLapsedCheckLease(database(env.DB), now)) {
    await Promise.all(
      page.map((tenantId) =>
        limit(async () => {
          summary.hubsAsked++;
          try {
            if ((await hubFor(env, tenantId).ensureScheduled()).scheduled) summary.hubsScheduled++;
          } catch (error) {
            summary.failed++;
            logger.error("could not arm a hub's check", { tenant_id: tenantId, error: error instanceof Error ? error.message : String(error) });
          }
        }),
      ),
    );
  }
  return summary;
}

/** A failed re-seal pass is logged and tried again on the next run; it never stops the repairs. */
async function resealQuietly(env: Env): Promise<ResealSummary | { secretsResealFailed: true }> {
  try {
    return await resealStaleSecrets(env);
  } catch (error) {
    createLogger("cron").error("re-seal pass failed", { error });
    return { secretsResealFailed: true };
  }
}

/** Gentle hunting's hourly searches, for the tenants whose slot has come (workers/hunting/); a failure waits a tick. */
async function huntQuietly(env: Env, now: Date): Promise<HuntSummary | { huntsFailed: true }> {
  try {
    return await runDueHunts(env, now);
  } catch (error) {
    createLogger("cron").error("hunting pass failed", { error });
    return { huntsFailed: true };
  }
}

export async function runScheduled(controller: ScheduledController, env: Env, _ctx: ExecutionContext): Promise<void> {
  const started = Date.now();
  const summary = await repairCheckSchedules(env);
  const resealed = await resealQuietly(env);
  const hunted = await huntQuietly(env, new Date(controller.scheduledTime));
  createLogger("cron").info("check schedules repaired", { cron: controller.cron, ...summary, ...resealed, ...hunted, duration_ms: Date.now() - started });
}
