// Discord webhook: Execute Webhook with one embed.
// https://discord.com/developers/docs/resources/webhook#execute-webhook (wait, allowed_mentions, embeds) and
// https://discord.com/developers/docs/resources/message#embed-object-embed-limits (256/4096/25 fields/6000 total).
import { z } from "zod";
import type { ChannelAdapter } from "../channel-adapter";
import { absoluteLink, escapeDiscordMarkdown, oneLine, truncate } from "../markup";
import type { NotificationSeverity } from "../notification-message";
import { httpUrl, pathOf } from "./url-field";

export const DISCORD_HOSTS = ["discord.com", "discordapp.com"] as const;

/** The path Discord gives a webhook: /api/webhooks/{id}/{token} (optionally /api/v10/…). */
export const DISCORD_WEBHOOK_PATH = /\/api\/(?:v\d+\/)?webhooks\/\d{1,25}\/[A-Za-z0-9_-]{1,100}$/;

const DiscordConfig = z
  .object({
    webhookUrl: httpUrl.refine((value) => DISCORD_WEBHOOK_PATH.test(pathOf(value) ?? ""), {
      message: "must be a Discord webhook URL (…/api/webhooks/<id>/<token>)",
    }),
  })
  .strict();
type DiscordConfig = z.infer<typeof DiscordConfig>;

const LIMITS = { title: 256, description: 4096, fields: 25, fieldName: 256, fieldValue: 1024, total: 6000 };

/** Escaped and cut to `max`; the cut is made in the text before escaping, so it never splits an escape. */
function fitted(text: string, max: number): string {
  let keep = max;
  for (;;) {
    const escaped = escapeDiscordMarkdown(keep >= text.length ? text : truncate(text, keep));
    if (escaped.length <= max) return escaped;
    if (keep <= 1) return "…";
    keep -= Math.max(1, Math.ceil((escaped.length - max) / 2));
  }
}

const COLOURS: Record<NotificationSeverity, number> = { info: 0x3498db, warning: 0xf1c40f, critical: 0xe74c3c };

export const discordAdapter: ChannelAdapter<DiscordConfig> = {
  kind: "discord",
  label: "Discord",
  config: DiscordConfig,
  secretFields: ["webhookUrl"],
  officialHosts: DISCORD_HOSTS,
  target: (config) => config.webhookUrl,
  request(config, message, context) {
    const url = new URL(config.webhookUrl);
    url.searchParams.set("wait", "true");
    const title = fitted(oneLine(message.title), LIMITS.title) || "AutoArr";
    // Everything counts toward the 6000 characters: the title, then the fields, and the description gets what is left.
    let budget = LIMITS.total - title.length;
    const fields = (message.items ?? []).slice(0, LIMITS.fields).flatMap((item) => {
      const name = fitted(oneLine(item.title), LIMITS.fieldName) || "—";
      const value = fitted(item.body, LIMITS.fieldValue) || "—";
      if (name.length + value.length > budget - 1) return [];
      budget -= name.length + value.length;
      return [{ name, value, inline: false }];
    });
    const description = budget > 1 ? fitted(message.body, Math.min(LIMITS.description, budget)) : "";
    const link = absoluteLink(message, context);
    const embed = {
      title,
      ...(description ? { description } : {}),
      ...(link ? { url: link } : {}),
      timestamp: message.at,
      color: COLOURS[message.severity],
      ...(fields.length ? { fields } : {}),
    };
    return {
      url: url.href,
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username: "AutoArr", embeds: [embed], allowed_mentions: { parse: [] } }),
    };
  },
};
