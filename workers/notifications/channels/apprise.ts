// An Apprise API server (caronc/apprise-api): stateless POST /notify/ with the Apprise URLs in the request, or
// stateful POST /notify/{KEY} for a configuration saved on the server.
// https://github.com/caronc/apprise-api#api-details (urls, body, title, type info|success|warning|failure, format,
// tag; {KEY} is 1-64 of letters, digits, _ and -; JSON with Content-Type: application/json).
import { z } from "zod";
import type { ChannelAdapter } from "../channel-adapter";
import { absoluteLink, oneLine, plainBody } from "../markup";
import type { NotificationMessage } from "../notification-message";
import { httpUrl, joinUrl } from "./url-field";

const AppriseConfig = z
  .object({
    serverUrl: httpUrl,
    /** A configuration saved on the server under this key. */
    key: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, "must be 1-64 letters, digits, _ or -")
      .optional(),
    /** Apprise URLs (comma or space separated), sent with every message: they carry the services' credentials. */
    urls: z.string().min(3).max(2000).optional(),
    /** Only the server's URLs with this tag (stateful). */
    tag: z.string().min(1).max(100).optional(),
  })
  .strict()
  .refine((config) => (config.key === undefined) !== (config.urls === undefined), { message: "give exactly one of key or urls" });
type AppriseConfig = z.infer<typeof AppriseConfig>;

const GOOD_NEWS = new Set<NotificationMessage["kind"]>(["recovered", "app_up", "connector_up", "request_available"]);

function notifyUrl(config: AppriseConfig): string {
  return joinUrl(config.serverUrl, config.key ? `/notify/${config.key}` : "/notify/");
}

function appriseType(message: NotificationMessage): "info" | "success" | "warning" | "failure" {
  if (message.severity === "critical") return "failure";
  if (message.severity === "warning") return "warning";
  return GOOD_NEWS.has(message.kind) ? "success" : "info";
}

export const appriseAdapter: ChannelAdapter<AppriseConfig> = {
  kind: "apprise",
  label: "Apprise",
  config: AppriseConfig,
  secretFields: ["urls", "key"],
  officialHosts: [],
  // POST /notify/{key} answers 204 "There was no configuration found." when nothing is saved under the key (apprise-api NotifyView).
  notSentStatuses: [204],
  target: notifyUrl,
  request(config, message, context) {
    const link = absoluteLink(message, context);
    const body = {
      ...(config.urls ? { urls: config.urls } : {}),
      title: oneLine(message.title),
      body: [plainBody(message) || oneLine(message.title), ...(link ? [link] : [])].join("\n\n"),
      type: appriseType(message),
      // Plain text: Apprise escapes it for each service it forwards to.
      format: "text",
      ...(config.tag ? { tag: config.tag } : {}),
    };
    return { url: notifyUrl(config), method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
  },
};
