// Messages on a tenant's WebSocket. Shared with web/ so both ends agree on the shapes.
import { z } from "zod";

export const APP_NAMES = ["sabnzbd", "sonarr", "radarr", "plex"] as const;
export const AppName = z.enum(APP_NAMES);
export type AppName = z.infer<typeof AppName>;

export const ServerEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("hello"), at: z.string(), data: z.object({ tenantId: z.string(), connections: z.number() }) }),
  z.object({ type: z.literal("pong"), at: z.string(), data: z.object({}).optional() }),
  z.object({ type: z.literal("circuit"), at: z.string(), data: z.object({ app: z.string(), state: z.string(), lastError: z.string().nullable() }) }),
  z.object({ type: z.literal("activity"), at: z.string(), data: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal("queue"), at: z.string(), data: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal("request"), at: z.string(), data: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal("recovery"), at: z.string(), data: z.record(z.string(), z.unknown()) }),
]);
export type ServerEvent = z.infer<typeof ServerEvent>;

export const ClientMessage = z.discriminatedUnion("type", [z.object({ type: z.literal("ping") })]);
export type ClientMessage = z.infer<typeof ClientMessage>;

/** The subprotocol the server answers with; the client also offers its access token as a second subprotocol. */
export const WS_PROTOCOL = "autoarr";

export const SocketAttachment = z.object({
  tenantId: z.string(),
  userId: z.string(),
  connectedAt: z.number(),
});
export type SocketAttachment = z.infer<typeof SocketAttachment>;
