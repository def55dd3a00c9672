// Gotify: create a message with an application token.
// https://gotify.net/docs/pushmsg (POST /message, X-Gotify-Key header, title, message, priority) and
// https://gotify.net/docs/msgextras (client::display contentType, client::notification click.url).
import { z } from "zod";
import type { ChannelAdapter } from "../channel-adapter";
import { absoluteLink, oneLine, plainBody, truncate } from "../markup";
import type { NotificationSeverity } from "../notification-message";
import { httpUrl, joinUrl } from "./url-field";

const GotifyConfig = z
  .object({
    serverUrl: httpUrl,
    /** The token of an application created under Apps in Gotify's web UI. */
    appToken: z.string().regex(/^[A-Za-z0-9._-]{10,64}$/, "must be a Gotify application token"),
    /** Every message's priority; by severity when unset. */
    priority: z.number().int().min(0).max(10).optional(),
  })
  .strict();
type GotifyConfig = z.infer<typeof GotifyConfig>;

/** Gotify's Android app: 1-3 quiet, 4-7 a notification, 8-10 with sound and a pop-up. */
const PRIORITY_BY_SEVERITY: Record<NotificationSeverity, number> = { info: 4, warning: 6, critical: 8 };

function messageUrl(config: GotifyConfig): string {
  return joinUrl(config.serverUrl, "/message");
}

export const gotifyAdapter: ChannelAdapter<GotifyConfig> = {
  kind: "gotify",
  label: "Gotify",
  config: GotifyConfig,
  secretFields: ["appToken"],
  officialHosts: [],
  target: messageUrl,
  request(config, message, context) {
    const link = absoluteLink(message, context);
    const body = {
      title: truncate(oneLine(message.title), 250),
      message: truncate(plainBody(message) || oneLine(message.title), 4000),
      priority: config.priority ?? PRIORITY_BY_SEVERITY[message.severity],
      extras: {
        "client::display": { contentType: "text/plain" },
        ...(link ? { "client::notification": { click: { url: link } } } : {}),
      },
    };
    return {
      url: messageUrl(config),
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Gotify-Key": config.appToken },
      body: JSON.stringify(body),
    };
  },
};
