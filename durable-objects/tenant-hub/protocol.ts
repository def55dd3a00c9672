// Messages on a tenant's WebSocket. Shared with web/ so both ends agree on the shapes.
import { z } from "zod";

export const APP_NAMES = ["sabnzbd", "sonarr", "radarr", "plex"] as const;
export const AppName = z.enum(APP_NAMES);
export type AppName = z.infer<typeof AppName>;

export const ServerEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("hello"), at: z.string(), data: z.object({ tenantId: z.string(), connections: z.number() }) }),
  z.object({ type: z.literal("pong"), at: z.string(), data: z.object({}).optional() }),
  z.object({ type: z.literal("circuit"), at: z.string(), data: z.object({ app: z.string(), state: z.string(), lastError: z.string().nullable(), lastErrorAt: z.string().nullable().optional() }) }),
  z.object({ type: z.literal("activity"), at: z.string(), data: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal("queue"), at: z.string(), data: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal("request"), at: z.string(), data: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal("recovery"), at: z.string(), data: z.record(z.string(), z.unknown()) }),
]);
export type ServerEvent = z.infer<typeof ServerEvent>;

export const ClientMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ping") }),
  // A fresh access token for this socket (after the client refreshed), so it outlives the one it was opened with.
  z.object({ type: z.literal("auth"), token: z.string().min(1).max(4096) }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

/** The subprotocol the server answers with; the client also offers its access token as a second subprotocol. */
export const WS_PROTOCOL = "autoarr";

export const SocketAttachment = z.object({
  tenantId: z.string(),
  userId: z.string(),
  /** The session (refresh family) of the token the socket was opened or last re-authenticated with. */
  sessionId: z.string(),
  /** When that token expires (ms): the socket is closed then unless a fresh token arrives first. */
  expiresAt: z.number(),
  connectedAt: z.number(),
});
export type SocketAttachment = z.infer<typeof SocketAttachment>;

/** Why the server closes a socket (codes 4000-4999 are the application's own). */
export const SOCKET_CLOSE = {
  tokenExpired: { code: 4001, reason: "access token expired" },
  signedOut: { code: 4003, reason: "session signed out" },
  tokenRefused: { code: 4008, reason: "access token refused" },
  unknownSession: { code: 1008, reason: "Unknown session" },
} as const;
