// The two-minute cron. Queue checks and recovery are not built yet (see README, "What is not built yet");
// for now each run only records that it happened.
import type { Env } from "../env";
import { createLogger } from "../lib/logger";

export async function runScheduled(controller: ScheduledController, _env: Env, _ctx: ExecutionContext): Promise<void> {
  createLogger("cron").info("scheduled run", { cron: controller.cron, scheduled_time: new Date(controller.scheduledTime).toISOString() });
}
