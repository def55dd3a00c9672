// Text from app data (a release title, an error from SABnzbd) made inert for each service's markup, and the few
// text helpers the adapters share. One function per markup; each is the service's own documented escaping.
import type { AdapterContext } from "./channel-adapter";
import type { NotificationMessage } from "./notification-message";

const ZERO_WIDTH_SPACE = "\u200b";

/**
 * Discord markdown (https://support.discord.com/hc/en-us/articles/210298617): Discord's parser drops a backslash
 * before any ASCII punctuation and shows the character as it is, so every punctuation mark that can start markup
 * (bold, links, headings, lists, quotes, spoilers, code, mentions, custom emoji) is escaped. @everyone and @here get a
 * zero-width space as well, so they neither ping (allowed_mentions is empty too) nor render as a mention.
 */
export function escapeDiscordMarkdown(text: string): string {
  return text.replace(/[\\*_~`|>#\-[\]()<:.]/g, (c) => `\\${c}`).replace(/@(everyone|here)/gi, `@${ZERO_WIDTH_SPACE}$1`);
}

/**
 * Telegram Bot API HTML style (https://core.telegram.org/bots/api#formatting-options): every <, > and & that is not part of
 * a tag or an entity must be replaced with &lt; &gt; &amp;. Nothing else is markup there.
 */
export function escapeTelegramHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Slack mrkdwn (https://api.slack.com/reference/surfaces/formatting#escaping): &, < and > are the control
 * characters ("<!everyone>", "<https://x|y>", "<@U123>"); Slack decodes exactly these three entities and no other.
 * Bold, italic and code marks cannot be escaped in mrkdwn, so app data goes into plain_text objects in blocks and
 * only the notification fallback (`text`) is mrkdwn.
 */
export function escapeSlackMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A Slack link `<url|label>`: the URL is ours, but `|` and `>` would still end it early. */
export function slackLink(url: string, label: string): string {
  return `<${escapeSlackMrkdwn(url).replace(/\|/g, "%7C")}|${escapeSlackMrkdwn(label)}>`;
}

/** At most `max` UTF-16 units, ending in "…" when cut, never splitting a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${text.slice(0, Math.max(0, cut))}…`;
}

/** One line: newlines and other control characters become spaces (for titles). */
export function oneLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return text.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
}

/**
 * `message.link` made absolute with the app's origin; a link that would leave the app (an absolute URL elsewhere,
 * "//evil.example") is dropped, since message fields may come from app data.
 */
export function absoluteLink(message: NotificationMessage, context: AdapterContext): string | undefined {
  if (!message.link) return undefined;
  try {
    const app = new URL(context.appUrl);
    const url = new URL(message.link, app);
    return url.origin === app.origin ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The message as plain text: its body, then one "• title: body" line per item. */
export function plainBody(message: NotificationMessage): string {
  const items = (message.items ?? []).map((item) => `• ${oneLine(item.title)}${item.body ? `: ${item.body}` : ""}`);
  return [message.body, ...items].filter((part) => part !== "").join("\n");
}
