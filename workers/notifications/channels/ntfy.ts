// ntfy: publish as JSON to the server's root.
// https://docs.ntfy.sh/publish/#publish-as-json (topic, message, title, tags, priority 1-5, click; markdown off unless
// set) and https://docs.ntfy.sh/publish/#access-tokens (Authorization: Bearer tk_…).
import { z } from "zod";
import type { ChannelAdapter } from "../channel-adapter";
import { absoluteLink, oneLine, plainBody, truncate } from "../markup";
import type { NotificationSeverity } from "../notification-message";
import { httpUrl } from "./url-field";

export const NTFY_SERVER_URL = "https://ntfy.sh";

const NtfyConfig = z
  .object({
    serverUrl: httpUrl.optional(),
    /** ntfy's topic rule: 1-64 of letters, digits, - and _ (https://docs.ntfy.sh/publish/). */
    topic: z.string().regex(/^[-_A-Za-z0-9]{1,64}$/, "must be 1-64 letters, digits, - or _"),
    /** An access token (tk_…) for a protected topic. */
    token: z
      .string()
      .regex(/^tk_[A-Za-z0-9]{20,60}$/, "must be an ntfy access token (tk_…)")
      .optional(),
    /** Every message's priority; by severity when unset. */
    priority: z.number().int().min(1).max(5).optional(),
    /** Tags or emoji short codes shown with the message. */
    tags: z
      .array(z.string().regex(/^[^,\s]{1,40}$/, "tags are single words without commas"))
      .max(5)
      .optional(),
  })
  .strict();
type NtfyConfig = z.infer<typeof NtfyConfig>;

const PRIORITY_BY_SEVERITY: Record<NotificationSeverity, number> = { info: 3, warning: 4, critical: 5 };
/** Emoji short codes (https://docs.ntfy.sh/emojis/) ntfy shows before the title. */
const TAG_BY_SEVERITY: Record<NotificationSeverity, string> = { info: "information_source", warning: "warning", critical: "rotating_light" };

function serverRoot(config: NtfyConfig): string {
  const url = new URL(config.serverUrl ?? NTFY_SERVER_URL);
  url.pathname = url.pathname.replace(/\/*$/, "/");
  url.search = "";
  return url.href;
}

export const ntfyAdapter: ChannelAdapter<NtfyConfig> = {
  kind: "ntfy",
  label: "ntfy",
  config: NtfyConfig,
  secretFields: ["token"],
  // Only ntfy.sh itself: a self-hosted server is checked like any tenant URL.
  officialHosts: ["ntfy.sh"],
  target: serverRoot,
  request(config, message, context) {
    const link = absoluteLink(message, context);
    const body = {
      topic: config.topic,
      title: truncate(oneLine(message.title), 250),
      message: truncate(plainBody(message) || oneLine(message.title), 4000),
      priority: config.priority ?? PRIORITY_BY_SEVERITY[message.severity],
      tags: [TAG_BY_SEVERITY[message.severity], ...(config.tags ?? [])],
      ...(link ? { click: link } : {}),
    };
    return {
      url: serverRoot(config),
      method: "POST",
      headers: { "Content-Type": "application/json", ...(config.token ? { Authorization: `Bearer ${config.token}` } : {}) },
      body: JSON.stringify(body),
    };
  },
};
