// Every place D1 holds a sealed secret, with how to find the values due for re-sealing and how to swap one for its
// re-sealed form. Reading a stale value re-seals it (resealIfStale) and the cron's pass re-seals the rest, both through here.
import { type AnyColumn, and, asc, eq, gte, lt, or, type SQL, sql } from "drizzle-orm";
import { connectors, notificationChannels, tenantSettings } from "../platform/db/schema";
import { createLogger } from "../platform/logger";
import { sealPurpose } from "./connectors.service";
import type { Database } from "../platform/db/database";
import type { KeyRing } from "../platform/crypto/key-ring";
import { type OpenedSecret, seal } from "../platform/crypto/secret-box";

export interface SealedValue {
  /** The row's id (connector id, tenant id). */
  key: string;
  sealed: string;
}

/** Keys from `from` (inclusive) up to `until` (exclusive, when given). */
export interface KeyRange {
  from: string;
  until?: string;
}

export interface SealedColumn {
  name: string;
  purpose(key: string): string;
  /** Up to `limit` values that begin with one of `prefixes`, in key order within `range`. */
  page(db: Database, prefixes: string[], range: KeyRange, limit: number): Promise<SealedValue[]>;
  /** Stores `to` in place of `from`, unless the row changed meanwhile (a save or another re-seal got there first). */
  replace(db: Database, key: string, from: string, to: string): Promise<void>;
}

export const webhookPurpose = (tenantId: string) => `recovery-webhook:${tenantId}`;

function beginsWithAny(value: SQL, prefixes: string[]): SQL {
  return or(...prefixes.map((prefix) => sql`${value} LIKE ${`${prefix}%`}`))!;
}

function inRange(key: AnyColumn, range: KeyRange): SQL {
  return range.until === undefined ? gte(key, range.from) : and(gte(key, range.from), lt(key, range.until))!;
}

export const connectorSecrets: SealedColumn = {
  name: "connectors.secret_ciphertext",
  purpose: sealPurpose,
  async page(db, prefixes, range, limit) {
    return db
      .select({ key: connectors.id, sealed: connectors.secretCiphertext })
      .from(connectors)
      .where(and(beginsWithAny(sql`${connectors.secretCiphertext}`, prefixes), inRange(connectors.id, range)))
      .orderBy(asc(connectors.id))
      .limit(limit);
  },
  async replace(db, key, from, to) {
    await db
      .update(connectors)
      .set({ secretCiphertext: to })
      .where(and(eq(connectors.id, key), eq(connectors.secretCiphertext, from)));
  },
};

const sealedWebhookUrl = sql<string>`json_extract(${tenantSettings.recovery}, '$.webhookUrlSealed')`;

export const webhookUrls: SealedColumn = {
  name: "tenant_settings.recovery.webhookUrlSealed",
  purpose: webhookPurpose,
  async page(db, prefixes, range, limit) {
    return db
      .select({ key: tenantSettings.tenantId, sealed: sealedWebhookUrl })
      .from(tenantSettings)
      .where(and(beginsWithAny(sealedWebhookUrl, prefixes), inRange(tenantSettings.tenantId, range)))
      .orderBy(asc(tenantSettings.tenantId))
      .limit(limit);
  },
  async replace(db, key, from, to) {
    await db
      .update(tenantSettings)
      .set({ recovery: sql`json_set(${tenantSettings.recovery}, '$.webhookUrlSealed', ${to})` })
      .where(and(eq(tenantSettings.tenantId, key), eq(sealedWebhookUrl, from)));
  },
};

/** The key is the channel's id: its config is sealed for that channel alone. */
export const notificationChannelConfigs: SealedColumn = {
  name: "notification_channels.config_sealed",
  purpose: (channelId) => `notification-channel:${channelId}`,
  async page(db, prefixes, range, limit) {
    return db
      .select({ key: notificationChannels.id, sealed: notificationChannels.configSealed })
      .from(notificationChannels)
      .where(and(beginsWithAny(sql`${notificationChannels.configSealed}`, prefixes), inRange(notificationChannels.id, range)))
      .orderBy(asc(notificationChannels.id))
      .limit(limit);
  },
  async replace(db, key, from, to) {
    await db
      .update(notificationChannels)
      .set({ configSealed: to })
      .where(and(eq(notificationChannels.id, key), eq(notificationChannels.configSealed, from)));
  },
};

export const SEALED_COLUMNS: readonly SealedColumn[] = [connectorSecrets, webhookUrls, notificationChannelConfigs];

/** Seals `opened` again under the ring's current key when it was not; a failed write is left to the cron's pass. */
export async function resealIfStale(db: Database, ring: KeyRing, column: SealedColumn, value: SealedValue, opened: OpenedSecret): Promise<void> {
  if (!opened.stale) return;
  try {
    await column.replace(db, value.key, value.sealed, await seal(opened.plaintext, ring, column.purpose(value.key)));
  } catch (error) {
    createLogger("secrets").warn("could not re-seal a secret on read", { column: column.name, key: value.key, error });
  }
}
