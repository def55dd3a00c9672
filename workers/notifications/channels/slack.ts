// Slack incoming webhook with Block Kit blocks.
// https://api.slack.com/messaging/webhooks (POST JSON to the hooks.slack.com/services/… URL, `text` plus `blocks`),
// https://api.slack.com/reference/block-kit/blocks (header plain_text ≤ 150, section text ≤ 3000, context ≤ 10
// elements) and https://api.slack.com/reference/surfaces/formatting#escaping.
import { z } from "zod";
import type { ChannelAdapter } from "../channel-adapter";
import { absoluteLink, escapeSlackMrkdwn, oneLine, plainBody, slackLink, truncate } from "../markup";
import type { NotificationSeverity } from "../notification-message";
import { httpUrl, pathOf } from "./url-field";

/** /services/T…/B…/<secret>, as Slack shows it when the incoming webhook is added. */
export const SLACK_WEBHOOK_PATH = /\/services\/[A-Z0-9]{5,20}\/[A-Z0-9]{5,20}\/[A-Za-z0-9]{10,40}$/;

const SlackConfig = z
  .object({
    webhookUrl: httpUrl.refine((value) => SLACK_WEBHOOK_PATH.test(pathOf(value) ?? ""), {
      message: "must be a Slack incoming webhook URL (https://hooks.slack.com/services/T…/B…/…)",
    }),
  })
  .strict();
type SlackConfig = z.infer<typeof SlackConfig>;

const ICONS: Record<NotificationSeverity, string> = { info: ":information_source:", warning: ":warning:", critical: ":rotating_light:" };

export const slackAdapter: ChannelAdapter<SlackConfig> = {
  kind: "slack",
  label: "Slack",
  config: SlackConfig,
  secretFields: ["webhookUrl"],
  officialHosts: ["hooks.slack.com"],
  target: (config) => config.webhookUrl,
  request(config, message, context) {
    const title = oneLine(message.title);
    const body = plainBody(message);
    const link = absoluteLink(message, context);
    const when = `<!date^${Math.floor(Date.parse(message.at) / 1000)}^{date_short_pretty} {time}|${escapeSlackMrkdwn(message.at)}>`;
    const blocks: unknown[] = [
      // App data goes only into plain_text, which Slack never parses for mentions, links or formatting.
      { type: "header", text: { type: "plain_text", text: truncate(title, 150) || "AutoArr", emoji: false } },
      ...(body ? [{ type: "section", text: { type: "plain_text", text: truncate(body, 3000), emoji: false } }] : []),
      {
        type: "context",
        elements: [{ type: "mrkdwn", text: `${ICONS[message.severity]} ${when}${link ? ` · ${slackLink(link, "Open in AutoArr")}` : ""}` }],
      },
    ];
    return {
      url: config.webhookUrl,
      method: "POST",
      headers: { "Content-Type": "application/json" },
      // The fallback shown in notifications is mrkdwn, so it is escaped.
      body: JSON.stringify({ text: escapeSlackMrkdwn(truncate(title, 3000)), blocks }),
    };
  },
};
