// Web push to one browser subscription: the Web Push protocol (RFC 8030, https://www.rfc-editor.org/rfc/rfc8030),
// the payload encrypted as RFC 8291 aes128gcm (aes128gcm.ts) and the sender identified with VAPID (RFC 8292, vapid.ts).
// Push services and their hosts: Chrome's is FCM (fcm.googleapis.com/fcm/send/…, as listed at
// https://github.com/web-push-libs/webpush-java/wiki/Endpoints), Firefox's is Mozilla's autopush
// (updates.push.services.mozilla.com/wpush/…, https://mozilla-services.github.io/autopush-rs/http.html), Safari's is
// Apple's (web.push.apple.com, https://developer.apple.com/documentation/usernotifications/sending-web-push-notifications-in-web-apps-and-browsers),
// Edge's is WNS (*.notify.windows.com, https://learn.microsoft.com/en-us/microsoft-edge/progressive-web-apps/how-to/push).
// Apple and WNS take only aes128gcm, and Apple refuses a VAPID subject it cannot reach (such as "@localhost").
import { z } from "zod";
import { fromBase64url } from "../../platform/encoding";
import type { ChannelAdapter } from "../channel-adapter";
import type { NotificationSeverity } from "../notification-message";
import { encryptForSubscription } from "./aes128gcm";
import { pushPayload } from "./push-payload";
import { type Vapid, vapidAuthorization } from "./vapid";

/** RFC 8030 §5.2: how long the push service keeps a message for a device that is offline. A day-old alert is stale. */
const TIME_TO_LIVE_SECONDS = 24 * 60 * 60;

/** RFC 8030 §5.3: "high" wakes a sleeping phone, which only a critical problem deserves. */
const URGENCY: Record<NotificationSeverity, "low" | "normal" | "high"> = { info: "low", warning: "normal", critical: "high" };

/** Decoded octets, or null for text that is not base64url (zod runs a refinement even after its regex failed). */
function decodedOrNull(value: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(value)) return null;
  try {
    return fromBase64url(value.replace(/=+$/, ""));
  } catch {
    return null;
  }
}

const base64urlBytes = (bytes: number, check: (decoded: Uint8Array) => boolean, what: string) =>
  z.string().refine((value) => {
    const decoded = decodedOrNull(value);
    return decoded !== null && decoded.length === bytes && check(decoded);
  }, `${what}, in base64url`);

export const WebPushConfig = z.object({
  /** The subscription's push resource. https for every real push service; the outbound rule decides about http. */
  endpoint: z.url({ protocol: /^https?$/ }).max(2048),
  /** The browser's ECDH key (PushSubscription.getKey("p256dh")): an uncompressed P-256 point, 65 octets. */
  p256dh: base64urlBytes(65, (decoded) => decoded[0] === 0x04, "an uncompressed P-256 public key (65 octets)"),
  /** The browser's authentication secret (PushSubscription.getKey("auth")): 16 octets. */
  auth: base64urlBytes(16, () => true, "a 16-octet authentication secret"),
});
export type WebPushConfig = z.infer<typeof WebPushConfig>;

export function webPushAdapter(vapid: Vapid): ChannelAdapter<WebPushConfig> {
  return {
    kind: "webpush",
    label: "Web push",
    config: WebPushConfig,
    // The endpoint is a capability URL: whoever holds it can push to the device (with a valid VAPID token).
    secretFields: ["endpoint", "auth"],
    officialHosts: ["fcm.googleapis.com", "updates.push.services.mozilla.com", "web.push.apple.com", "*.notify.windows.com"],
    // RFC 8030 §8.3 / RFC 8291: 404 and 410 mean the subscription expired or the browser unsubscribed.
    goneStatuses: [404, 410],
    target: (config) => config.endpoint,
    async request(config, message, context) {
      const payload = await pushPayload(message, context);
      const body = await encryptForSubscription(new TextEncoder().encode(JSON.stringify(payload)), config);
      return {
        url: config.endpoint,
        method: "POST",
        headers: {
          "Content-Type": "application/octet-stream",
          "Content-Encoding": "aes128gcm",
          TTL: String(TIME_TO_LIVE_SECONDS),
          Urgency: URGENCY[message.severity],
          // RFC 8030 §5.4: a newer message with the same topic replaces one still waiting for the device.
          Topic: payload.tag,
          Authorization: await vapidAuthorization(vapid, config.endpoint, context.now),
        },
        body,
      };
    },
  };
}
