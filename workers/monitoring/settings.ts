// Per-tenant recovery settings: zod is the source of truth; missing rows mean the defaults.
import { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { tenantSettings } from "../db/schema";
import type { Database } from "../services/db";
import { publicWebhookUrl } from "./webhook-url";

export const RecoverySettings = z
  .object({
    enabled: z.boolean().default(true),
    mode: z.enum(["auto", "dry-run", "approval"]).default("auto"),
    maxAttempts: z.number().int().min(1).max(10).default(3),
    allowLowerQuality: z.boolean().default(false),
    stallChecks: z.number().int().min(2).max(30).default(3).openapi({ description: "Checks without progress before a download counts as stalled" }),
    webhookUrl: publicWebhookUrl.nullable().default(null),
    webhookFormat: z.enum(["json", "discord"]).default("json"),
  })
  .openapi("RecoverySettings");
export type RecoverySettings = z.infer<typeof RecoverySettings>;

export const DEFAULT_RECOVERY_SETTINGS: RecoverySettings = RecoverySettings.parse({});

export async function readRecoverySettings(db: Database, tenantId: string): Promise<RecoverySettings> {
  const [row] = await db.select().from(tenantSettings).where(eq(tenantSettings.tenantId, tenantId)).limit(1);
  const parsed = RecoverySettings.safeParse(row?.recovery ?? {});
  return parsed.success ? parsed.data : DEFAULT_RECOVERY_SETTINGS;
}

export async function writeRecoverySettings(db: Database, tenantId: string, settings: RecoverySettings): Promise<RecoverySettings> {
  const now = new Date();
  await db
    .insert(tenantSettings)
    .values({ tenantId, recovery: settings, updatedAt: now })
    .onConflictDoUpdate({ target: tenantSettings.tenantId, set: { recovery: settings, updatedAt: now } });
  return settings;
}
