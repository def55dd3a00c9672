// Every channel kind this deployment offers: the eight service adapters, and web push when a VAPID key is set.
import type { ChannelAdapter } from "./channel-adapter";
import { CHANNEL_ADAPTERS } from "./channels";
import { vapidFromEnv } from "./web-push/vapid";
import { webPushAdapter } from "./web-push/web-push.adapter";
import type { Env } from "../platform/env";

export const WEB_PUSH_KIND = "webpush";

const registries = new WeakMap<object, Record<string, ChannelAdapter>>();

export function channelAdapters(env: Pick<Env, "VAPID_PRIVATE_KEY" | "VAPID_SUBJECT">): Record<string, ChannelAdapter> {
  let adapters = registries.get(env);
  if (!adapters) {
    const vapid = vapidFromEnv(env);
    adapters = { ...(CHANNEL_ADAPTERS as Record<string, ChannelAdapter>), ...(vapid ? { [WEB_PUSH_KIND]: webPushAdapter(vapid) as unknown as ChannelAdapter } : {}) };
    registries.set(env, adapters);
  }
  return adapters;
}
