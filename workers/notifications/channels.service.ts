// Adding, editing and reading notification channels: the config is checked by its adapter, sealed whole, and shown
// back only as its plain fields and each secret's last four characters.
import type { Database } from "../platform/db/database";
import type { KeyRing } from "../platform/crypto/key-ring";
import { open, seal } from "../platform/crypto/secret-box";
import { notificationChannelConfigs, resealIfStale } from "../connectors/sealed-columns";
import { AppError, notFound } from "../platform/errors";
import { randomToken } from "../platform/encoding";
import type { ChannelAdapter } from "./channel-adapter";
import { type ChannelKind, channelConfigProblem } from "./channels";
import { type ChannelRow, lastDeliveries } from "./channels.repo";
import type { Channel, DeliveryStatus } from "./notifications.schema";
import { publicUrlProblem } from "../platform/public-url";
import { WEB_PUSH_KIND } from "./adapter-registry";

export const channelPurpose = notificationChannelConfigs.purpose;

/** The last four characters of a secret, so a person can tell which one is stored. */
export function secretHint(value: string): string {
  return value.length <= 8 ? "…" : `…${value.slice(-4)}`;
}

/** Validates a config for its kind; issues come back under ["config", …] like any other field's. */
export function parseConfig(adapter: ChannelAdapter, config: unknown, allowLoopback: boolean): Record<string, unknown> {
  const parsed = adapter.config.safeParse(config);
  // As the request validator answers (the envelope's details are the zod issues), with the paths under "config".
  if (!parsed.success)
    throw new AppError(
      "invalid_request",
      "The request is not valid",
      parsed.error.issues.map((issue) => ({ ...issue, path: ["config", ...issue.path] })),
    );
  const problem =
    adapter.kind === WEB_PUSH_KIND
      ? webPushEndpointProblem(parsed.data, allowLoopback)
      : channelConfigProblem(adapter.kind as ChannelKind, parsed.data, { allowLoopback });
  if (problem) throw new AppError("invalid_request", `This ${adapter.label} channel is refused: ${problem}`, [{ path: ["config"], message: problem }]);
  return parsed.data;
}

function webPushEndpointProblem(config: Record<string, unknown>, allowLoopback: boolean): string | null {
  return publicUrlProblem(String(config.endpoint), { allowLoopback });
}

export interface SealedConfig {
  configSealed: string;
  settings: Record<string, unknown>;
  secretHints: Record<string, string>;
}

export async function sealConfig(adapter: ChannelAdapter, config: Record<string, unknown>, ring: KeyRing, channelId: string): Promise<SealedConfig> {
  const settings: Record<string, unknown> = {};
  const secretHints: Record<string, string> = {};
  for (const [field, value] of Object.entries(config)) {
    if (value === undefined) continue;
    if ((adapter.secretFields as readonly string[]).includes(field)) secretHints[field] = secretHint(String(value));
    else settings[field] = value;
  }
  return { configSealed: await seal(JSON.stringify(config), ring, channelPurpose(channelId)), settings, secretHints };
}

/** Opens a channel's config; one sealed under the previous key is re-sealed under the current one when `db` is given. */
export async function openConfig(row: Pick<ChannelRow, "id" | "configSealed">, ring: KeyRing, db?: Database): Promise<Record<string, unknown>> {
  const opened = await open(row.configSealed, ring, channelPurpose(row.id));
  if (db) await resealIfStale(db, ring, notificationChannelConfigs, { key: row.id, sealed: row.configSealed }, opened);
  return JSON.parse(opened.plaintext) as Record<string, unknown>;
}

/** A signing secret for a webhook whose owner left it empty: 32 random bytes, base64url. */
export function newSigningSecret(): string {
  return randomToken(32);
}

/** A new, enabled channel row with no failures yet. */
export function newChannelRow(fields: Pick<ChannelRow, "id" | "tenantId" | "userId" | "kind" | "name" | "dedupeKey" | "events"> & SealedConfig): ChannelRow {
  const now = new Date();
  return { ...fields, enabled: true, disabledReason: null, consecutiveFailures: 0, createdAt: now, updatedAt: now };
}

export function adapterOf(adapters: Record<string, ChannelAdapter>, kind: string): ChannelAdapter {
  const adapter = adapters[kind];
  if (!adapter) throw notFound("channel kind");
  return adapter;
}

export async function channelViews(db: Database, tenantId: string, rows: ChannelRow[]): Promise<Channel[]> {
  const latest = await lastDeliveries(
    db,
    tenantId,
    rows.map((row) => row.id),
  );
  return rows.map((row) => channelView(row, latest.get(row.id)));
}

export function channelView(row: ChannelRow, last?: { status: DeliveryStatus; at: Date }): Channel {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    events: row.events as Channel["events"],
    settings: row.settings as Record<string, unknown>,
    secrets: row.secretHints as Record<string, string>,
    consecutiveFailures: row.consecutiveFailures,
    lastDelivery: last ? { status: last.status, at: last.at.toISOString() } : null,
    createdAt: row.createdAt.toISOString(),
  };
}
