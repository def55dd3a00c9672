// The cron's share of hunting: every two minutes, the tenants whose hourly hunt is due (one indexed D1 query), a
// bounded number per run and a few at a time; a tenant left over is due on the next tick.
import pLimit from "p-limit";
import type { Env } from "../platform/env";
import { createLogger } from "../platform/logger";
import { database } from "../platform/db/database";
import { hubFor } from "../connectors/hub-client";
import { tenantsWithDueHunts } from "./hunting.repo";
import { runHunt } from "./hunt.service";

const HUNTS_PER_CRON_RUN = 100;
const CONCURRENT_HUNTS = 10;

export interface HuntSummary {
  huntsRun: number;
  huntsFailed: number;
}

export async function runDueHunts(env: Env, now: Date): Promise<HuntSummary> {
  const logger = createLogger("hunting");
  const db = database(env.DB);
  const limit = pLimit(CONCURRENT_HUNTS);
  const summary: HuntSummary = { huntsRun: 0, huntsFailed: 0 };
  const due = await tenantsWithDueHunts(db, now, HUNTS_PER_CRON_RUN);
  await Promise.all(
    due.map((tenantId) =>
      limit(async () => {
        try {
          const report = await runHunt({ db, tenantId, hub: hubFor(env, tenantId), now });
          summary.huntsRun++;
          logger.info("hunt ran", {
            tenant_id: tenantId,
            round_trips: report.roundTrips,
            apps: report.apps.map((a) => `${a.app}:${a.status}:${a.searched.length}`),
          });
        } catch (error) {
          summary.huntsFailed++;
          logger.error("hunt failed", { tenant_id: tenantId, error: error instanceof Error ? error.message : String(error) });
        }
      }),
    ),
  );
  return summary;
}
