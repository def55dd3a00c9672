// Pushover Message API: a form POST to https://api.pushover.net/1/messages.json.
// https://pushover.net/api (token, user, message ≤ 1024, title ≤ 250, url ≤ 512, url_title ≤ 100, priority,
// timestamp, device) and https://pushover.net/api#priority (2 needs retry ≥ 30 s and expire ≤ 10800 s).
import { z } from "zod";
import type { ChannelAdapter } from "../channel-adapter";
import { absoluteLink, oneLine, plainBody, truncate } from "../markup";
import type { NotificationSeverity } from "../notification-message";

export const PUSHOVER_API_BASE = "https://api.pushover.net";

/** Pushover keys and tokens: 30 characters of [A-Za-z0-9] (https://pushover.net/api#identifiers). */
const pushoverKey = (what: string) => z.string().regex(/^[A-Za-z0-9]{30}$/, `must be your Pushover ${what} (30 letters and digits)`);

const PushoverConfig = z
  .object({
    userKey: pushoverKey("user or group key"),
    appToken: pushoverKey("application API token"),
    /** Every message's priority; by severity when unset. 2 (emergency) repeats until acknowledged. */
    priority: z.number().int().min(-2).max(2).optional(),
    /** One device's name, or several separated by commas; all of the user's devices when unset. */
    device: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,25}(?:,[A-Za-z0-9_-]{1,25})*$/, "must be device names (letters, digits, _ and -, up to 25 each)")
      .max(200)
      .optional(),
  })
  .strict();
type PushoverConfig = z.infer<typeof PushoverConfig>;

const PRIORITY_BY_SEVERITY: Record<NotificationSeverity, number> = { info: -1, warning: 0, critical: 1 };
/** Emergency priority: resend every minute until acknowledged, for at most an hour. */
const EMERGENCY = { retry: 60, expire: 3600 };

/**
 * The adapter for one API base: the service's own for users, a local fake's in tests (Pushover has no
 * self-hosted server, so its base is not part of a user's config).
 */
export function pushoverAdapterFor(apiBase: string): ChannelAdapter<PushoverConfig> {
  const endpoint = `${apiBase.replace(/\/+$/, "")}/1/messages.json`;
  return {
    kind: "pushover",
    label: "Pushover",
    config: PushoverConfig,
    secretFields: ["userKey", "appToken"],
    officialHosts: ["api.pushover.net"],
    target: () => endpoint,
    request(config, message, context) {
      const priority = config.priority ?? PRIORITY_BY_SEVERITY[message.severity];
      const form = new URLSearchParams({
        token: config.appToken,
        user: config.userKey,
        title: truncate(oneLine(message.title), 250),
        message: truncate(plainBody(message) || oneLine(message.title), 1024),
        priority: String(priority),
        timestamp: String(Math.floor(Date.parse(message.at) / 1000)),
      });
      if (priority === 2) {
        form.set("retry", String(EMERGENCY.retry));
        form.set("expire", String(EMERGENCY.expire));
      }
      const link = absoluteLink(message, context);
      if (link && link.length <= 512) {
        form.set("url", link);
        form.set("url_title", "Open in AutoArr");
      }
      if (config.device) form.set("device", config.device);
      return { url: endpoint, method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: form.toString() };
    },
  };
}

export const pushoverAdapter = pushoverAdapterFor(PUSHOVER_API_BASE);
