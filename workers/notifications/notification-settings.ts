// The tenant's notification settings (quiet hours), kept beside the recovery settings; a missing row means defaults.
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { tenantSettings } from "../platform/db/schema";
import type { Database } from "../platform/db/database";
import { NotificationSettings } from "./notifications.schema";

/** Links in messages before any request told AutoArr its origin (PUBLIC_APP_URL overrides both): `npm start`'s. */
export const FALLBACK_APP_URL = "http://localhost:8787";

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = NotificationSettings.parse({});

/** What D1 holds: the settings, and the web app's origin as last seen (for links in messages). */
const Stored = z.looseObject({ appUrl: z.string().optional() });

export async function readNotificationSettings(db: Database, tenantId: string): Promise<NotificationSettings & { appUrl?: string }> {
  const [row] = await db.select({ notifications: tenantSettings.notifications }).from(tenantSettings).where(eq(tenantSettings.tenantId, tenantId)).limit(1);
  const stored = Stored.safeParse(row?.notifications ?? {});
  const { appUrl, ...rest } = stored.success ? stored.data : {};
  const parsed = NotificationSettings.safeParse(rest);
  return { ...(parsed.success ? parsed.data : DEFAULT_NOTIFICATION_SETTINGS), ...(appUrl ? { appUrl } : {}) };
}

export async function writeNotificationSettings(db: Database, tenantId: string, settings: NotificationSettings, appUrl: string): Promise<NotificationSettings> {
  const notifications = { ...settings, appUrl };
  const now = new Date();
  await db
    .insert(tenantSettings)
    .values({ tenantId, notifications, updatedAt: now })
    .onConflictDoUpdate({ target: tenantSettings.tenantId, set: { notifications, updatedAt: now } });
  return settings;
}

/** Remembers the web app's origin without touching the settings (a channel added before any settings were saved). */
export async function noteAppUrl(db: Database, tenantId: string, appUrl: string): Promise<void> {
  const now = new Date();
  await db
    .insert(tenantSettings)
    .values({ tenantId, notifications: { appUrl }, updatedAt: now })
    .onConflictDoUpdate({
      target: tenantSettings.tenantId,
      set: { notifications: sql`json_set(coalesce(${tenantSettings.notifications}, '{}'), '$.appUrl', ${appUrl})`, updatedAt: now },
    });
}
