// D1 access for notification channels and their delivery log; every query is scoped to one tenant.
import { and, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { notificationChannels, notificationDeliveries } from "../platform/db/schema";
import type { Database } from "../platform/db/database";

export type ChannelRow = typeof notificationChannels.$inferSelect;
export type DeliveryRow = typeof notificationDeliveries.$inferSelect;
export type NewDelivery = typeof notificationDeliveries.$inferInsert;

/** The household's channels, and the web push devices of `userId` (another member's devices are theirs). */
export async function listChannels(db: Database, tenantId: string, userId?: string): Promise<ChannelRow[]> {
  const visible = userId === undefined ? undefined : or(isNull(notificationChannels.userId), eq(notificationChannels.userId, userId));
  return db
    .select()
    .from(notificationChannels)
    .where(and(eq(notificationChannels.tenantId, tenantId), visible))
    .orderBy(notificationChannels.createdAt);
}

export async function findChannel(db: Database, tenantId: string, channelId: string, userId: string): Promise<ChannelRow | undefined> {
  const [row] = await db
    .select()
    .from(notificationChannels)
    .where(
      and(
        eq(notificationChannels.tenantId, tenantId),
        eq(notificationChannels.id, channelId),
        or(isNull(notificationChannels.userId), eq(notificationChannels.userId, userId)),
      ),
    )
    .limit(1);
  return row;
}

export async function insertChannel(db: Database, row: ChannelRow): Promise<void> {
  await db.insert(notificationChannels).values(row);
}

export async function findByDedupeKey(db: Database, tenantId: string, dedupeKey: string): Promise<ChannelRow | undefined> {
  const [row] = await db
    .select()
    .from(notificationChannels)
    .where(and(eq(notificationChannels.tenantId, tenantId), eq(notificationChannels.dedupeKey, dedupeKey)))
    .limit(1);
  return row;
}

/** A web push device subscribing again replaces its earlier row (same id, so the seal's purpose still fits). */
export async function upsertDeviceChannel(db: Database, row: ChannelRow): Promise<ChannelRow> {
  const [saved] = await db
    .insert(notificationChannels)
    .values(row)
    .onConflictDoUpdate({
      target: [notificationChannels.tenantId, notificationChannels.dedupeKey],
      set: {
        configSealed: row.configSealed,
        secretHints: row.secretHints,
        name: row.name,
        userId: row.userId,
        enabled: true,
        disabledReason: null,
        consecutiveFailures: 0,
        updatedAt: row.updatedAt,
      },
    })
    .returning();
  return saved!;
}

export async function updateChannel(db: Database, tenantId: string, channelId: string, set: Partial<ChannelRow>): Promise<void> {
  await db
    .update(notificationChannels)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(notificationChannels.tenantId, tenantId), eq(notificationChannels.id, channelId)));
}

export async function deleteChannel(db: Database, tenantId: string, channelId: string): Promise<void> {
  await db.delete(notificationChannels).where(and(eq(notificationChannels.tenantId, tenantId), eq(notificationChannels.id, channelId)));
}

/** After a delivery: failures counted up (or reset), and the channel turned off with a reason past the limit. */
export async function noteChannelOutcome(db: Database, tenantId: string, channelId: string, failed: boolean, limit: number): Promise<{ disabled: boolean }> {
  if (!failed) {
    await db
      .update(notificationChannels)
      .set({ consecutiveFailures: 0 })
      .where(and(eq(notificationChannels.tenantId, tenantId), eq(notificationChannels.id, channelId), sql`${notificationChannels.consecutiveFailures} > 0`));
    return { disabled: false };
  }
  const [row] = await db
    .update(notificationChannels)
    .set({ consecutiveFailures: sql`${notificationChannels.consecutiveFailures} + 1` })
    .where(and(eq(notificationChannels.tenantId, tenantId), eq(notificationChannels.id, channelId)))
    .returning({ failures: notificationChannels.consecutiveFailures, enabled: notificationChannels.enabled });
  if (!row?.enabled || row.failures < limit) return { disabled: false };
  await updateChannel(db, tenantId, channelId, { enabled: false, disabledReason: `Turned off after ${row.failures} failed deliveries in a row` });
  return { disabled: true };
}

export async function insertDelivery(db: Database, row: NewDelivery): Promise<void> {
  await db.insert(notificationDeliveries).values(row);
}

export async function updateDelivery(db: Database, tenantId: string, id: string, set: Partial<DeliveryRow>): Promise<void> {
  await db
    .update(notificationDeliveries)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(notificationDeliveries.tenantId, tenantId), eq(notificationDeliveries.id, id)));
}

export async function listDeliveries(db: Database, tenantId: string, channelId: string, limit = 50): Promise<DeliveryRow[]> {
  return db
    .select()
    .from(notificationDeliveries)
    .where(and(eq(notificationDeliveries.tenantId, tenantId), eq(notificationDeliveries.channelId, channelId)))
    .orderBy(desc(notificationDeliveries.createdAt))
    .limit(limit);
}

/** The newest delivery of each channel, for the list (SQLite takes the bare columns from the row holding the max). */
export async function lastDeliveries(db: Database, tenantId: string, channelIds: string[]): Promise<Map<string, { status: DeliveryRow["status"]; at: Date }>> {
  if (channelIds.length === 0) return new Map();
  const rows = await db
    .select({ channelId: notificationDeliveries.channelId, status: notificationDeliveries.status, at: sql<number>`max(${notificationDeliveries.updatedAt})` })
    .from(notificationDeliveries)
    .where(and(eq(notificationDeliveries.tenantId, tenantId), inArray(notificationDeliveries.channelId, channelIds)))
    .groupBy(notificationDeliveries.channelId);
  return new Map(rows.map((row) => [row.channelId, { status: row.status, at: new Date(row.at) }]));
}
