// Telegram Bot API sendMessage, HTML parse mode.
// https://core.telegram.org/bots/api#making-requests (https://api.telegram.org/bot<token>/METHOD_NAME, JSON body),
// https://core.telegram.org/bots/api#sendmessage (chat_id, text 1-4096 characters after entities parsing,
// parse_mode, link_preview_options) and https://core.telegram.org/bots/api#formatting-options (HTML style).
import { z } from "zod";
import type { ChannelAdapter } from "../channel-adapter";
import { absoluteLink, escapeTelegramHtml, oneLine, plainBody, truncate } from "../markup";
import type { NotificationSeverity } from "../notification-message";
import { httpUrl, joinUrl } from "./url-field";

export const TELEGRAM_API_URL = "https://api.telegram.org";

const TelegramConfig = z
  .object({
    /** As BotFather gives it: "<bot id>:<secret>". */
    botToken: z.string().regex(/^\d{3,20}:[A-Za-z0-9_-]{30,60}$/, "must be a bot token as BotFather gives it (123456789:AA…)"),
    /** A chat's id (negative for groups and channels) or a public channel's @username. */
    chatId: z.string().regex(/^(?:-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{3,31})$/, "must be a chat id (digits, maybe with a leading -) or @channelname"),
    /** A self-hosted Bot API server (https://github.com/tdlib/telegram-bot-api); api.telegram.org when empty. */
    apiUrl: httpUrl.optional(),
  })
  .strict();
type TelegramConfig = z.infer<typeof TelegramConfig>;

const MAX_TEXT = 4096;
const ICONS: Record<NotificationSeverity, string> = { info: "ℹ️", warning: "⚠️", critical: "🚨" };

function sendMessageUrl(config: TelegramConfig): string {
  return joinUrl(config.apiUrl ?? TELEGRAM_API_URL, `/bot${config.botToken}/sendMessage`);
}

export const telegramAdapter: ChannelAdapter<TelegramConfig> = {
  kind: "telegram",
  label: "Telegram",
  config: TelegramConfig,
  secretFields: ["botToken"],
  officialHosts: ["api.telegram.org"],
  target: sendMessageUrl,
  request(config, message, context) {
    // The limit counts the text after parsing, so the parts are cut as plain text and escaped afterwards.
    const title = truncate(`${ICONS[message.severity]} ${oneLine(message.title)}`, 512);
    const link = absoluteLink(message, context);
    const linkLine = link ? `\n\n${link}` : "";
    const body = truncate(plainBody(message), MAX_TEXT - title.length - 2 - linkLine.length);
    const text = `<b>${escapeTelegramHtml(title)}</b>${body ? `\n\n${escapeTelegramHtml(body)}` : ""}${escapeTelegramHtml(linkLine)}`;
    return {
      url: sendMessageUrl(config),
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ chat_id: config.chatId, text, parse_mode: "HTML", link_preview_options: { is_disabled: true } }),
    };
  },
};
