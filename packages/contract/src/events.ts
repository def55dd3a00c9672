// Messages on a tenant's WebSocket, between the hub and the web app.
import { z } from "zod";
import { BREAKER_KEYS, type BreakerKey } from "./apps.js";

export const CIRCUIT_STATES = ["closed", "open", "half_open"] as const;

export const CircuitEventData = z.object({
  app: z.enum(BREAKER_KEYS as [BreakerKey, ...BreakerKey[]]),
  state: z.enum(CIRCUIT_STATES),
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable().optional(),
});

export const RecoveryEventData = z.object({
  app: z.string(),
  title: z.string(),
  reason: z.string(),
  action: z.string(),
  outcome: z.string(),
  at: z.string().optional(),
});

/** The REST resource the event carries (an activity item, a request, a queue): the Worker types it by its REST schema
 *  (workers/live/hub-event.ts), and the web reads it as the type generated from the same schema. */
const Resource = z.record(z.string(), z.unknown());

export const ServerEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("hello"), at: z.string(), data: z.object({ tenantId: z.string(), connections: z.number() }) }),
  z.object({ type: z.literal("pong"), at: z.string(), data: z.object({}).optional() }),
  z.object({ type: z.literal("circuit"), at: z.string(), data: CircuitEventData }),
  z.object({ type: z.literal("activity"), at: z.string(), data: Resource }),
  z.object({ type: z.literal("queue"), at: z.string(), data: Resource }),
  z.object({ type: z.literal("request"), at: z.string(), data: Resource }),
  z.object({ type: z.literal("recovery"), at: z.string(), data: RecoveryEventData }),
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

/** Why the server closes a socket (codes 4000-4999 are the application's own). */
export const SOCKET_CLOSE = {
  tokenExpired: { code: 4001, reason: "access token expired" },
  signedOut: { code: 4003, reason: "session signed out" },
  tokenRefused: { code: 4008, reason: "access token refused" },
  unknownSession: { code: 1008, reason: "Unknown session" },
} as const;
