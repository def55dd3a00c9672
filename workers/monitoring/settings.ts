// Per-tenant recovery settings: zod is the source of truth; missing rows mean the defaults.
import { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { tenantSettings } from "../platform/db/schema";
import type { Database } from "../platform/db/database";
import type { KeyRing } from "../platform/crypto/key-ring";
import { resealIfStale, webhookPurpose, webhookUrls } from "../connectors/sealed-columns";
import { open, seal } from "../platform/crypto/secret-box";
import { isPublicHttpsUrl, publicWebhookUrl } from "./webhook-url";

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

/** What D1 holds: the settings with the webhook URL sealed, since a Discord or Slack webhook URL is a credential. */
const StoredSettings = z.looseObject({ webhookUrlSealed: z.string().nullish(), webhookUrl: z.string().nullish() });

/**
 * A URL sealed under a key the Worker no longer holds cannot be opened: the webhook is off until it is saved again.
 * One sealed under the previous key is re-sealed under the current one as it is read.
 */
async function openWebhookUrl(db: Database, sealed: string, ring: KeyRing, tenantId: string): Promise<string | null> {
  let opened;
  try {
    opened = await open(sealed, ring, webhookPurpose(tenantId));
  } catch {
    return null;
  }
  await resealIfStale(db, ring, webhookUrls, { key: tenantId, sealed }, opened);
  return opened.plaintext;
}

export async function readRecoverySettings(db: Database, ring: KeyRing, tenantId: string): Promise<RecoverySettings> {
  const [row] = await db.select().from(tenantSettings).where(eq(tenantSettings.tenantId, tenantId)).limit(1);
  const stored = StoredSettings.safeParse(row?.recovery ?? {});
  if (!stored.success) return DEFAULT_RECOVERY_SETTINGS;
  const { webhookUrlSealed, ...rest } = stored.data;
  // Rows written before the URL was sealed keep it in plain text until the next save.
  const webhookUrl = webhookUrlSealed ? await openWebhookUrl(db, webhookUrlSealed, ring, tenantId) : (rest.webhookUrl ?? null);
  // A URL saved before the public-URL rule that the rule now refuses turns the webhook off, not the other settings.
  const parsed = RecoverySettings.safeParse({ ...rest, webhookUrl: webhookUrl && isPublicHttpsUrl(webhookUrl) ? webhookUrl : null });
  return parsed.success ? parsed.data : DEFAULT_RECOVERY_SETTINGS;
}

export async function writeRecoverySettings(db: Database, ring: KeyRing, tenantId: string, settings: RecoverySettings): Promise<RecoverySettings> {
  const { webhookUrl, ...rest } = settings;
  const recovery = { ...rest, webhookUrlSealed: webhookUrl ? await seal(webhookUrl, ring, webhookPurpose(tenantId)) : null };
  const now = new Date();
  await db
    .insert(tenantSettings)
    .values({ tenantId, recovery, updatedAt: now })
    .onConflictDoUpdate({ target: tenantSettings.tenantId, set: { recovery, updatedAt: now } });
  return settings;
}
