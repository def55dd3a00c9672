// AutoArr's own generic webhook: a JSON body signed with the channel's secret (webhook-signature.ts). The format and
// the verification are documented in docs/notifications.md, "Generic webhook" and "Verifying AutoArr's webhook
// signature"; the scheme is Stripe's (https://docs.stripe.com/webhooks#verify-manually) with AutoArr's header names.
import { z } from "zod";
import type { ChannelAdapter } from "../channel-adapter";
import { absoluteLink } from "../markup";
import { signWebhook } from "../webhook-signature";
import { httpUrl } from "./url-field";

export const MIN_WEBHOOK_SECRET_LENGTH = 32;

const WebhookConfig = z
  .object({
    url: httpUrl,
    secret: z.string().min(MIN_WEBHOOK_SECRET_LENGTH, `must be at least ${MIN_WEBHOOK_SECRET_LENGTH} characters`).max(256),
  })
  .strict();
type WebhookConfig = z.infer<typeof WebhookConfig>;

export const webhookAdapter: ChannelAdapter<WebhookConfig> = {
  kind: "webhook",
  label: "Webhook",
  config: WebhookConfig,
  secretFields: ["secret"],
  officialHosts: [],
  target: (config) => config.url,
  async request(config, message, context) {
    const link = absoluteLink(message, context);
    const body = JSON.stringify({
      source: "autoarr",
      version: 1,
      kind: message.kind,
      title: message.title,
      body: message.body,
      severity: message.severity,
      ...(link ? { link } : {}),
      at: message.at,
      ...(message.items ? { items: message.items.map(({ title, body }) => ({ title, body })) } : {}),
    });
    return {
      url: config.url,
      method: "POST",
      headers: { "Content-Type": "application/json", "User-Agent": "AutoArr-Webhook/1", ...(await signWebhook(config.secret, body, context.now)) },
      body,
    };
  },
};
