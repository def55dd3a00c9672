// /api/v1/notifications: the household's channels (owners manage them), each member's web push devices, the
// delivery log, quiet hours, and "send a test".
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { requireAuth } from "../auth/authentication";
import { createRouter } from "../platform/router";
import { bearerSecurity, errorResponses, IdParam } from "../platform/common.schema";
import { database } from "../platform/db/database";
import { type KeyRing, keyRing } from "../platform/crypto/key-ring";
import type { ChannelAdapter } from "./channel-adapter";
import { AppError, notFound } from "../platform/errors";
import { type AppEnv, envVars } from "../platform/env";
import { randomToken, sha256Hex } from "../platform/encoding";
import { CHANNEL_ADAPTERS } from "./channels";
import { channelAdapters, configuredVapid, WEB_PUSH_KIND } from "./adapter-registry";
import {
  deleteChannel,
  findByDedupeKey,
  findChannel,
  insertChannel,
  listChannels,
  listDeliveries,
  upsertDeviceChannel,
  updateChannel,
  type ChannelRow,
} from "./channels.repo";
import { adapterOf, channelView, channelViews, newChannelRow, newSigningSecret, openConfig, parseConfig, sealConfig } from "./channels.service";
import { noteAppUrl, readNotificationSettings, writeNotificationSettings } from "./notification-settings";
import { deliveryView, findChangeableChannel, sendTestMessage } from "./test-message.service";
import {
  Channel,
  ChannelEvents,
  ChannelList,
  ChannelName,
  CreatedChannel,
  DEFAULT_EVENTS,
  Delivery,
  NotificationSettings,
  PushKey,
  PushSubscriptionBody,
  UpdateChannelBody,
} from "./notifications.schema";

const jsonOf = <T>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });

/** What a new channel's config may leave out: a signed webhook's secret, which AutoArr then makes. */
function creatableConfig(adapter: (typeof CHANNEL_ADAPTERS)[keyof typeof CHANNEL_ADAPTERS]): z.ZodType {
  return adapter.kind === "webhook" ? (adapter.config as unknown as z.ZodObject).partial({ secret: true }) : adapter.config;
}

/** One body shape per channel kind, from each adapter's own config schema. */
const CreateChannelBody = z
  .discriminatedUnion(
    "kind",
    Object.values(CHANNEL_ADAPTERS).map((adapter) =>
      z.object({ kind: z.literal(adapter.kind), name: ChannelName, events: ChannelEvents.optional(), config: creatableConfig(adapter) }).strict(),
    ) as unknown as [z.ZodObject, z.ZodObject],
  )
  .openapi("CreateNotificationChannelRequest");

const allowLoopback = (c: Context<AppEnv>) => envVars(c.env).AUTOARR_ALLOW_LOOPBACK_NOTIFICATIONS;

function requireOwner(c: Context<AppEnv>, what: string) {
  const auth = requireAuth(c);
  if (auth.role !== "owner") throw new AppError("forbidden", `Only the household's owner can ${what}`);
  return auth;
}

async function changeableChannel(c: Context<AppEnv>, id: string): Promise<ChannelRow> {
  return findChangeableChannel(database(c.env.DB), requireAuth(c), id);
}

/** A device's sealed config, with a hash of its endpoint in the clear so a browser can tell its own device in the list. */
async function deviceConfig(adapter: ChannelAdapter, config: Record<string, unknown>, ring: KeyRing, id: string, dedupeKey: string) {
  const sealed = await sealConfig(adapter, config, ring, id);
  return { ...sealed, settings: { ...sealed.settings, endpointHash: dedupeKey.slice("webpush:".length) } };
}

const origin = (c: Context<AppEnv>) => new URL(c.req.url).origin;

export const notificationRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/channels",
      operationId: "listNotificationChannels",
      tags: ["notifications"],
      summary: "The household's channels and your own web push devices; secrets only as their last four characters",
      security: bearerSecurity,
      responses: { 200: jsonOf(ChannelList, "Channels"), ...errorResponses(401, 429) },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const db = database(c.env.DB);
      const rows = await listChannels(db, auth.tenantId, auth.userId);
      return c.json({ channels: await channelViews(db, auth.tenantId, rows), kinds: Object.keys(channelAdapters(c.env)) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/channels",
      operationId: "addNotificationChannel",
      tags: ["notifications"],
      summary: "Add a channel (owners only); a signed webhook left without a secret gets one, shown once",
      security: bearerSecurity,
      request: { body: { content: { "application/json": { schema: CreateChannelBody } }, required: true } },
      responses: { 201: jsonOf(CreatedChannel, "Added"), ...errorResponses(400, 401, 403, 429) },
    }),
    async (c) => {
      const auth = requireOwner(c, "add notification channels");
      const body = c.req.valid("json") as { kind: string; name: string; events?: z.infer<typeof ChannelEvents>; config: Record<string, unknown> };
      const adapter = adapterOf(channelAdapters(c.env), body.kind);
      const generated = body.kind === "webhook" && !body.config.secret ? newSigningSecret() : undefined;
      const config = parseConfig(adapter, generated ? { ...body.config, secret: generated } : body.config, allowLoopback(c));
      const id = randomToken(12);
      const db = database(c.env.DB);
      const row = newChannelRow({
        id,
        tenantId: auth.tenantId,
        userId: null,
        kind: body.kind,
        name: body.name,
        ...(await sealConfig(adapter, config, await keyRing(c.env), id)),
        dedupeKey: null,
        events: body.events ?? DEFAULT_EVENTS,
      });
      await insertChannel(db, row);
      await noteAppUrl(db, auth.tenantId, origin(c));
      return c.json({ channel: channelView(row), ...(generated ? { revealedOnce: { signingSecret: generated } } : {}) }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/channels/{id}",
      operationId: "updateNotificationChannel",
      tags: ["notifications"],
      summary: "Rename, route, mute or turn back on a channel, or change its config (a secret left out keeps its value)",
      security: bearerSecurity,
      request: { params: IdParam, body: { content: { "application/json": { schema: UpdateChannelBody } }, required: true } },
      responses: { 200: jsonOf(Channel, "Changed"), ...errorResponses(400, 401, 403, 404, 429) },
    }),
    async (c) => {
      const row = await changeableChannel(c, c.req.valid("param").id);
      const body = c.req.valid("json");
      const set: Partial<ChannelRow> = {};
      if (body.name !== undefined) set.name = body.name;
      if (body.events !== undefined) set.events = body.events;
      if (body.enabled !== undefined) Object.assign(set, { enabled: body.enabled, disabledReason: null, ...(body.enabled ? { consecutiveFailures: 0 } : {}) });
      if (body.config !== undefined) {
        if (row.kind === WEB_PUSH_KIND) throw new AppError("invalid_request", "A web push device's subscription is changed by subscribing again");
        const adapter = adapterOf(channelAdapters(c.env), row.kind);
        const ring = await keyRing(c.env);
        const merged = { ...(await openConfig(row, ring)), ...body.config };
        Object.assign(set, await sealConfig(adapter, parseConfig(adapter, merged, allowLoopback(c)), ring, row.id));
      }
      const { tenantId } = requireAuth(c);
      const db = database(c.env.DB);
      await updateChannel(db, tenantId, row.id, set);
      const [view] = await channelViews(db, tenantId, [{ ...row, ...set }]);
      return c.json(view!, 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/channels/{id}",
      operationId: "deleteNotificationChannel",
      tags: ["notifications"],
      summary: "Remove a channel or one of your web push devices, with its delivery log",
      security: bearerSecurity,
      request: { params: IdParam },
      responses: { 204: { description: "Removed" }, ...errorResponses(401, 403, 404, 429) },
    }),
    async (c) => {
      const row = await changeableChannel(c, c.req.valid("param").id);
      await deleteChannel(database(c.env.DB), row.tenantId, row.id);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/channels/{id}/test",
      operationId: "testNotificationChannel",
      tags: ["notifications"],
      summary: "Send a test message now (one attempt) and answer with what the service said",
      security: bearerSecurity,
      request: { params: IdParam },
      responses: { 200: jsonOf(z.object({ delivery: Delivery }).openapi("NotificationTestResult"), "Tried"), ...errorResponses(401, 403, 404, 429) },
    }),
    async (c) => {
      const row = await changeableChannel(c, c.req.valid("param").id);
      return c.json({ delivery: await sendTestMessage(c.env, database(c.env.DB), row, origin(c)) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/channels/{id}/deliveries",
      operationId: "listNotificationDeliveries",
      tags: ["notifications"],
      summary: "The channel's delivery log, newest first (the last 50)",
      security: bearerSecurity,
      request: { params: IdParam },
      responses: {
        200: jsonOf(z.object({ deliveries: z.array(Delivery) }).openapi("NotificationDeliveryList"), "Deliveries"),
        ...errorResponses(401, 404, 429),
      },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const db = database(c.env.DB);
      const row = await findChannel(db, auth.tenantId, c.req.valid("param").id, auth.userId);
      if (!row) throw notFound("channel");
      return c.json({ deliveries: (await listDeliveries(db, auth.tenantId, row.id)).map(deliveryView) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/settings",
      operationId: "getNotificationSettings",
      tags: ["notifications"],
      summary: "Quiet hours",
      security: bearerSecurity,
      responses: { 200: jsonOf(NotificationSettings, "Settings"), ...errorResponses(401, 429) },
    }),
    async (c) => {
      const { appUrl: _appUrl, ...settings } = await readNotificationSettings(database(c.env.DB), requireAuth(c).tenantId);
      return c.json(settings, 200);
    },
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/settings",
      operationId: "putNotificationSettings",
      tags: ["notifications"],
      summary: "Change quiet hours (owners only): what arrives during them is sent as one digest when they end",
      security: bearerSecurity,
      request: { body: { content: { "application/json": { schema: NotificationSettings } }, required: true } },
      responses: { 200: jsonOf(NotificationSettings, "Saved"), ...errorResponses(400, 401, 403, 429) },
    }),
    async (c) => {
      const auth = requireOwner(c, "change quiet hours");
      return c.json(await writeNotificationSettings(database(c.env.DB), auth.tenantId, c.req.valid("json"), origin(c)), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/push/key",
      operationId: "getPushKey",
      tags: ["notifications"],
      summary: "The VAPID public key a browser subscribes with (null when this deployment has no web push key)",
      security: bearerSecurity,
      responses: { 200: jsonOf(PushKey, "The key"), ...errorResponses(401, 429) },
    }),
    async (c) => {
      requireAuth(c);
      return c.json({ publicKey: configuredVapid(c.env)?.publicKey ?? null }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/push/subscriptions",
      operationId: "addPushSubscription",
      tags: ["notifications"],
      summary: "Register this browser's push subscription as one of your devices (subscribing again replaces it)",
      security: bearerSecurity,
      request: { body: { content: { "application/json": { schema: PushSubscriptionBody } }, required: true } },
      responses: { 201: jsonOf(Channel, "Registered"), ...errorResponses(400, 401, 404, 429) },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const adapter = channelAdapters(c.env)[WEB_PUSH_KIND];
      if (!adapter) throw new AppError("not_found", "Web push is not configured on this deployment (no VAPID key)");
      const body = c.req.valid("json");
      const config = parseConfig(adapter, { endpoint: body.endpoint, p256dh: body.keys.p256dh, auth: body.keys.auth }, allowLoopback(c));
      const db = database(c.env.DB);
      const dedupeKey = `webpush:${await sha256Hex(body.endpoint)}`;
      const id = (await findByDedupeKey(db, auth.tenantId, dedupeKey))?.id ?? randomToken(12);
      const saved = await upsertDeviceChannel(
        db,
        newChannelRow({
          id,
          tenantId: auth.tenantId,
          userId: auth.userId,
          kind: WEB_PUSH_KIND,
          name: body.deviceName,
          ...(await deviceConfig(adapter, config, await keyRing(c.env), id, dedupeKey)),
          dedupeKey,
          events: body.events ?? DEFAULT_EVENTS,
        }),
      );
      await noteAppUrl(db, auth.tenantId, origin(c));
      return c.json(channelView(saved), 201);
    },
  );
