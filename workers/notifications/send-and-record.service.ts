// One attempt to deliver one message to one channel, written to the channel's delivery log; the channel's run of
// failures is counted, and past the limit the channel is turned off. Shared by the hub's dispatch and "send a test".
import type { Database } from "../platform/db/database";
import type { KeyRing } from "../platform/crypto/key-ring";
import { envVars, type Env } from "../platform/env";
import { channelAdapters } from "./adapter-registry";
import { deliver, type DeliveryResult } from "./delivery";
import { type ChannelRow, deleteChannel, insertDelivery, noteChannelOutcome, updateDelivery } from "./channels.repo";
import { openConfig } from "./channels.service";
import { FAILURES_BEFORE_DISABLE, MAX_ATTEMPTS, retryDelayMs } from "./dispatch.logic";
import type { NotificationMessage } from "./notification-message";
import type { DeliveryStatus } from "./notifications.schema";

export interface Attempt {
  deliveryId: string;
  /** Which attempt this is, from 1. */
  attempt: number;
  /** Whether a retry may follow a retryable answer (false for "send a test", which answers at once). */
  mayRetry: boolean;
}

export interface AttemptOutcome {
  status: DeliveryStatus;
  result: DeliveryResult;
  /** When the next attempt is due, for status "retrying". */
  nextAttemptAt?: number;
  /** The channel was turned off (it kept failing) or removed (its target is gone). */
  channelEnded?: "disabled" | "removed";
}

export interface SendDeps {
  db: Database;
  env: Env;
  ring: KeyRing;
  tenantId: string;
  appUrl: string;
  now: () => number;
}

export function deliveryOptions(deps: Pick<SendDeps, "env" | "appUrl" | "now">) {
  const vars = envVars(deps.env);
  return {
    appUrl: vars.PUBLIC_APP_URL ?? deps.appUrl,
    now: new Date(deps.now()),
    resolverUrl: vars.DNS_RESOLVER_URL,
    allowLoopback: vars.AUTOARR_ALLOW_LOOPBACK_NOTIFICATIONS,
  };
}

export async function sendAndRecord(deps: SendDeps, channel: ChannelRow, message: NotificationMessage, attempt: Attempt): Promise<AttemptOutcome> {
  const adapter = channelAdapters(deps.env)[channel.kind];
  let result: DeliveryResult;
  if (!adapter) result = { status: "failed", answer: `This deployment no longer offers ${channel.kind} channels` };
  else {
    try {
      result = await deliver(adapter, await openConfig(channel, deps.ring, deps.db), message, deliveryOptions(deps));
    } catch (error) {
      result = { status: "failed", answer: `AutoArr could not build the message: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  const retrying = result.status === "retry" && attempt.mayRetry && attempt.attempt < MAX_ATTEMPTS;
  const status: DeliveryStatus = result.status === "retry" ? (retrying ? "retrying" : "failed") : result.status;
  const nextAttemptAt = retrying ? deps.now() + retryDelayMs(attempt.attempt, result.status === "retry" ? result.retryAfterMs : undefined) : undefined;
  const fields = {
    status,
    attempts: attempt.attempt,
    httpStatus: "httpStatus" in result ? (result.httpStatus ?? null) : null,
    answer: "answer" in result ? result.answer : null,
    nextAttemptAt: nextAttemptAt === undefined ? null : new Date(nextAttemptAt),
  };
  const now = new Date(deps.now());
  if (attempt.attempt === 1)
    await insertDelivery(deps.db, {
      id: attempt.deliveryId,
      tenantId: deps.tenantId,
      channelId: channel.id,
      event: message.kind,
      title: message.title.slice(0, 200),
      ...fields,
      createdAt: now,
      updatedAt: now,
    });
  else await updateDelivery(deps.db, deps.tenantId, attempt.deliveryId, fields);
  if (status === "gone") {
    await deleteChannel(deps.db, deps.tenantId, channel.id);
    return { status, result, channelEnded: "removed" };
  }
  const { disabled } = await noteChannelOutcome(deps.db, deps.tenantId, channel.id, status !== "sent", FAILURES_BEFORE_DISABLE);
  return { status, result, ...(nextAttemptAt !== undefined ? { nextAttemptAt } : {}), ...(disabled ? { channelEnded: "disabled" as const } : {}) };
}
