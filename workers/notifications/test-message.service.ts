// "Send a test": one attempt to one channel at once, the answer read back from the delivery log. The route and the
// MCP tool both use it; who may change which channel is decided here too.
import type { Database } from "../platform/db/database";
import type { AuthContext, Env } from "../platform/env";
import { keyRing } from "../platform/crypto/key-ring";
import { randomToken } from "../platform/encoding";
import { AppError, notFound } from "../platform/errors";
import { type ChannelRow, type DeliveryRow, findChannel, listDeliveries } from "./channels.repo";
import type { Delivery } from "./notifications.schema";
import { sendAndRecord } from "./send-and-record.service";

/** A member may change their own web push devices; the household's channels are the owner's. */
export async function findChangeableChannel(db: Database, auth: AuthContext, channelId: string): Promise<ChannelRow> {
  const row = await findChannel(db, auth.tenantId, channelId, auth.userId);
  if (!row) throw notFound("channel");
  if (row.userId === null && auth.role !== "owner") throw new AppError("forbidden", "Only the household's owner can change its channels");
  return row;
}

export function deliveryView(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    channelId: row.channelId,
    event: row.event,
    title: row.title,
    status: row.status,
    attempts: row.attempts,
    httpStatus: row.httpStatus,
    answer: row.answer,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
  };
}

export async function sendTestMessage(env: Env, db: Database, channel: ChannelRow, appUrl: string): Promise<Delivery> {
  const deliveryId = randomToken(12);
  const at = new Date().toISOString();
  const outcome = await sendAndRecord(
    { db, env, ring: await keyRing(env), tenantId: channel.tenantId, appUrl, now: () => Date.now() },
    channel,
    {
      kind: "test",
      severity: "info",
      title: "AutoArr test message",
      body: `This is a test from AutoArr to "${channel.name}". If you can read it, this channel works.`,
      link: "/settings",
      at,
    },
    { deliveryId, attempt: 1, mayRetry: false },
  );
  const [row] = (await listDeliveries(db, channel.tenantId, channel.id, 5)).filter((d) => d.id === deliveryId);
  if (row) return deliveryView(row);
  // A web push device whose subscription is gone was removed with its log: say so from the attempt itself.
  const answer = outcome.result.status === "sent" ? null : outcome.result.answer;
  return {
    id: deliveryId,
    channelId: channel.id,
    event: "test",
    title: "AutoArr test message",
    status: outcome.status,
    attempts: 1,
    httpStatus: null,
    answer,
    createdAt: at,
    updatedAt: at,
    nextAttemptAt: null,
  };
}
