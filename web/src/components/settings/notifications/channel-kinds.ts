// The config form of each channel kind: the exact field names the API takes, which ones are secrets, and where a
// person finds the values. Priorities follow each service's documentation:
// Pushover https://pushover.net/api#priority, ntfy https://docs.ntfy.sh/publish/#message-priority,
// Gotify https://github.com/gotify/android#message-priorities (0–10), Apprise API https://github.com/caronc/apprise-api (key or urls).
import type { NotificationChannel, NotificationChannelConfig, NotificationChannelKind } from "../../../api/api-types";

type Choice = { value: string; label: string };

export type ConfigField<Name extends string = string> = {
  name: Name;
  label: string;
  /** Written once and shown back only as its last four characters. */
  secret?: boolean;
  required?: boolean;
  type: "text" | "url" | "tags" | "select";
  choices?: Choice[];
  placeholder?: string;
  defaultValue?: string;
  hint?: string;
};

export type ChannelKind = { kind: NotificationChannelKind; label: string; hint: string; fields: ConfigField[] };

/** One kind's form, its field names checked against the config the API takes for that kind. */
function defineKind<K extends NotificationChannelKind>(
  kind: K,
  form: { label: string; hint: string; fields: ConfigField<Extract<keyof NotificationChannelConfig<K>, string>>[] },
): ChannelKind {
  return { kind, ...form };
}

// Unset, the adapters pick a priority by how serious the event is.
const BY_SEVERITY: Choice = { value: "", label: "By how serious the event is" };

const numberChoices = (from: number, to: number, names: Record<number, string> = {}): Choice[] => [
  BY_SEVERITY,
  ...Array.from({ length: to - from + 1 }, (_, index) => {
    const value = from + index;
    return { value: String(value), label: names[value] ? `${value} — ${names[value]}` : String(value) };
  }),
];

export const CHANNEL_KINDS: ChannelKind[] = [
  defineKind("ntfy", {
    label: "ntfy",
    hint: "Pick a hard-to-guess topic and subscribe to it in the ntfy app. A token is only needed when your server protects the topic.",
    fields: [
      { name: "serverUrl", label: "Server URL", type: "url", required: true, defaultValue: "https://ntfy.sh" },
      { name: "topic", label: "Topic", type: "text", required: true, placeholder: "autoarr-7f3k2q" },
      { name: "token", label: "Access token", type: "text", secret: true, placeholder: "tk_…", hint: "Optional." },
      { name: "priority", label: "Priority", type: "select", choices: numberChoices(1, 5, { 1: "min", 2: "low", 3: "default", 4: "high", 5: "urgent" }) },
      { name: "tags", label: "Tags", type: "tags", placeholder: "warning, tv", hint: "Optional, separated by commas. Emoji short codes show as emoji." },
    ],
  }),
  defineKind("discord", {
    label: "Discord",
    hint: "In Discord: Server Settings → Integrations → Webhooks → New Webhook, then Copy Webhook URL.",
    fields: [{ name: "webhookUrl", label: "Webhook URL", type: "url", secret: true, required: true, placeholder: "https://discord.com/api/webhooks/…" }],
  }),
  defineKind("telegram", {
    label: "Telegram",
    hint: "Create a bot with @BotFather and copy its token. Send the bot a message first; for a channel, add the bot to it and use @channelname.",
    fields: [
      { name: "botToken", label: "Bot token", type: "text", secret: true, required: true, placeholder: "123456:ABC-…" },
      { name: "chatId", label: "Chat id", type: "text", required: true, placeholder: "123456789 or @mychannel" },
      {
        name: "apiUrl",
        label: "Bot API server",
        type: "url",
        placeholder: "https://api.telegram.org",
        hint: "Optional: only for a self-hosted Bot API server.",
      },
    ],
  }),
  defineKind("pushover", {
    label: "Pushover",
    hint: "Your user key is on your Pushover dashboard; create an application there (Create an Application/API Token) for its token.",
    fields: [
      { name: "userKey", label: "User key", type: "text", secret: true, required: true },
      { name: "appToken", label: "Application API token", type: "text", secret: true, required: true },
      {
        name: "priority",
        label: "Priority",
        type: "select",
        choices: numberChoices(-2, 2, {
          [-2]: "lowest, no alert",
          [-1]: "low, quiet",
          0: "normal",
          1: "high, bypasses quiet hours",
          2: "emergency, repeats until acknowledged",
        }),
      },
      { name: "device", label: "Device", type: "text", hint: "Optional: a device name, or several separated by commas. Empty sends to all your devices." },
    ],
  }),
  defineKind("gotify", {
    label: "Gotify",
    hint: "In Gotify's web UI: Apps → Create Application, then copy its token.",
    fields: [
      { name: "serverUrl", label: "Server URL", type: "url", required: true, placeholder: "https://gotify.example.com" },
      { name: "appToken", label: "Application token", type: "text", secret: true, required: true },
      {
        name: "priority",
        label: "Priority",
        type: "select",
        choices: numberChoices(0, 10, { 0: "no notification", 1: "quiet", 4: "with sound", 8: "with sound and pop-up" }),
      },
    ],
  }),
  defineKind("slack", {
    label: "Slack",
    hint: "Create a Slack app, turn on Incoming Webhooks, add a webhook to a channel and copy its URL.",
    fields: [{ name: "webhookUrl", label: "Webhook URL", type: "url", secret: true, required: true, placeholder: "https://hooks.slack.com/services/…" }],
  }),
  defineKind("apprise", {
    label: "Apprise",
    hint: "The address of your Apprise API server, then either the key of a configuration saved there or the Apprise URLs to notify — one of the two.",
    fields: [
      { name: "serverUrl", label: "Apprise API URL", type: "url", required: true, placeholder: "https://apprise.example.com" },
      { name: "key", label: "Configuration key", type: "text", secret: true, hint: "The {KEY} of a configuration saved on the server." },
      {
        name: "urls",
        label: "Apprise URLs",
        type: "text",
        secret: true,
        placeholder: "ntfys://topic, tgram://…",
        hint: "Instead of a key: one or more URLs, separated by commas or spaces.",
      },
      { name: "tag", label: "Tag", type: "text", hint: "Optional, with a key: notify only the URLs with this tag." },
    ],
  }),
  defineKind("webhook", {
    label: "Signed webhook",
    hint: "AutoArr POSTs JSON to your address, signed with HMAC-SHA256 over the timestamp and body; the README shows how to check it.",
    fields: [
      { name: "url", label: "Receiver URL", type: "url", required: true, placeholder: "https://example.com/hooks/autoarr" },
      {
        name: "secret",
        label: "Signing secret",
        type: "text",
        secret: true,
        hint: "Leave empty and AutoArr makes one; your own must be at least 32 characters.",
      },
    ],
  }),
];

export const WEB_PUSH_KIND = "webpush";

export function channelKind(kind: string): ChannelKind | undefined {
  return CHANNEL_KINDS.find((entry) => entry.kind === kind);
}

export function kindLabel(kind: string): string {
  if (kind === WEB_PUSH_KIND) return "Web push";
  return channelKind(kind)?.label ?? kind;
}

export type FieldValues = Record<string, string>;

export function initialValues(kind: ChannelKind, channel?: NotificationChannel): FieldValues {
  const values: FieldValues = {};
  for (const field of kind.fields) {
    const stored = channel?.settings[field.name];
    if (channel && isSecret(field, channel)) values[field.name] = "";
    else if (Array.isArray(stored)) values[field.name] = stored.join(", ");
    else if (stored !== undefined && stored !== null) values[field.name] = String(stored);
    else values[field.name] = channel ? "" : (field.defaultValue ?? "");
  }
  return values;
}

/** A field is a secret when the table says so or when the server keeps it among the channel's secrets. */
export function isSecret(field: ConfigField, channel?: NotificationChannel): boolean {
  return Boolean(field.secret || (channel && field.name in channel.secrets));
}

function parsed(field: ConfigField, raw: string): unknown {
  if (field.type === "select") return Number(raw);
  if (field.type === "tags")
    return raw
      .split(",")
      .map((tag) => tag.trim())
      .filter(Boolean);
  return raw;
}

/**
 * The config to send. A new channel gets every filled-in field. An edit sends only what changed: a secret only when
 * typed (left empty it keeps its value), another field only when it differs from what was loaded.
 */
export function configToSend(kind: ChannelKind, values: FieldValues, loaded?: { channel: NotificationChannel; values: FieldValues }): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const field of kind.fields) {
    const raw = (values[field.name] ?? "").trim();
    if (!raw) continue;
    if (loaded && !isSecret(field, loaded.channel) && raw === (loaded.values[field.name] ?? "").trim()) continue;
    const value = parsed(field, raw);
    if (Array.isArray(value) && value.length === 0) continue;
    config[field.name] = value;
  }
  return config;
}
