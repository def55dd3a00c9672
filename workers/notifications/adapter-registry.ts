// Every channel kind this deployment offers: the eight service adapters, and web push when a VAPID key is set.
import type { ChannelAdapter } from "./channel-adapter";
import { CHANNEL_ADAPTERS } from "./channels";
import { vapidFromEnv } from "./web-push/vapid";
import { webPushAdapter } from "./web-push/web-push.adapter";
import type { Env } from "../platform/env";
import { createLogger } from "../platform/logger";

export const WEB_PUSH_KIND = "webpush";

const registries = new WeakMap<object, Record<string, ChannelAdapter>>();

/**
 * The deployment's VAPID key, or null without one. A key that is set but broken turns web push off with an error
 * in the log, so the rest of notifications (and GET /push/key, which then answers null) keep working.
 */
export function configuredVapid(env: Pick<Env, "VAPID_PRIVATE_KEY" | "VAPID_SUBJECT">) {
  try {
    return vapidFromEnv(env);
  } catch (error) {
    createLogger("notifications").error("VAPID_PRIVATE_KEY or VAPID_SUBJECT is set but invalid: web push is off", {
      error: error instanceof Error ? error.message : String(error),
    });
    return null;
  }
}

export function channelAdapters(env: Pick<Env, "VAPID_PRIVATE_KEY" | "VAPID_SUBJECT">): Record<string, ChannelAdapter> {
  let adapters = registries.get(env);
  if (!adapters) {
    const vapid = configuredVapid(env);
    adapters = {
      ...(CHANNEL_ADAPTERS as Record<string, ChannelAdapter>),
      ...(vapid ? { [WEB_PUSH_KIND]: webPushAdapter(vapid) as unknown as ChannelAdapter } : {}),
    };
    registries.set(env, adapters);
  }
  return adapters;
}
