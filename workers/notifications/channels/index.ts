// Every notification channel AutoArr speaks, by kind, and the rule for the URLs a user puts in a channel's config.
import { z } from "zod";
import { isLoopbackUrl, publicUrlProblem } from "../../platform/public-url";
import type { ChannelAdapter } from "../channel-adapter";
import { appriseAdapter } from "./apprise";
import { discordAdapter } from "./discord";
import { gotifyAdapter } from "./gotify";
import { ntfyAdapter } from "./ntfy";
import { pushoverAdapter } from "./pushover";
import { slackAdapter } from "./slack";
import { telegramAdapter } from "./telegram";
import { webhookAdapter } from "./webhook";

export const ChannelKind = z.enum(["discord", "telegram", "pushover", "ntfy", "gotify", "slack", "apprise", "webhook"]);
export type ChannelKind = z.infer<typeof ChannelKind>;

/**
 * A typed adapter as the registry holds it: config typed as a plain record. Safe because whatever calls `request`
 * parses the config with the adapter's own zod `config` first (delivery.ts does).
 */
function registered<C extends Record<string, unknown>>(adapter: ChannelAdapter<C>): ChannelAdapter {
  return adapter as unknown as ChannelAdapter;
}

export const CHANNEL_ADAPTERS: Readonly<Record<ChannelKind, ChannelAdapter>> = {
  discord: registered(discordAdapter),
  telegram: registered(telegramAdapter),
  pushover: registered(pushoverAdapter),
  ntfy: registered(ntfyAdapter),
  gotify: registered(gotifyAdapter),
  slack: registered(slackAdapter),
  apprise: registered(appriseAdapter),
  webhook: registered(webhookAdapter),
};

/** Each kind's URL fields, and whether the URL must be on one of the service's own hosts. */
const URL_FIELDS: Record<ChannelKind, { field: string; officialOnly: boolean }[]> = {
  discord: [{ field: "webhookUrl", officialOnly: true }],
  telegram: [{ field: "apiUrl", officialOnly: false }],
  pushover: [],
  ntfy: [{ field: "serverUrl", officialOnly: false }],
  gotify: [{ field: "serverUrl", officialOnly: false }],
  slack: [{ field: "webhookUrl", officialOnly: true }],
  apprise: [{ field: "serverUrl", officialOnly: false }],
  webhook: [{ field: "url", officialOnly: false }],
};

export interface ChannelConfigRules {
  /** Local development and tests: also accept http://127.0.0.1 / localhost (the fakes). */
  allowLoopback?: boolean;
}

/**
 * Why this config cannot be saved, or null when it can: its shape (the adapter's zod config), then every URL in it
 * under the public-URL rule (https, default port, no private or internal names), and Discord's and Slack's webhook
 * URLs on their own hosts. Names that resolve inside are caught again when sending (delivery.ts).
 */
export function channelConfigProblem(kind: ChannelKind, config: unknown, rules: ChannelConfigRules = {}): string | null {
  const adapter = CHANNEL_ADAPTERS[kind];
  const parsed = adapter.config.safeParse(config);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
    return `${where}${issue?.message ?? "invalid config"}`;
  }
  const values = parsed.data as Record<string, unknown>;
  for (const { field, officialOnly } of URL_FIELDS[kind]) {
    const value = values[field];
    if (typeof value !== "string") continue;
    const loopbackFake = rules.allowLoopback === true && isLoopbackUrl(value);
    const problem = publicUrlProblem(value, { allowLoopback: rules.allowLoopback });
    if (problem) return `${field}: ${problem}`;
    if (officialOnly && !loopbackFake && !adapter.officialHosts.includes(new URL(value).hostname.toLowerCase())) {
      return `${field}: it must be on ${adapter.officialHosts.join(" or ")}`;
    }
  }
  return null;
}
