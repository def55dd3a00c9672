// What the service worker (web/public/push-handler.js) receives for one message: a small JSON object in plain text,
// cut to fit one push record. Text is shortened, never the JSON, so the worker can always parse what arrives.
import { z } from "zod";
import { base64url } from "../../platform/encoding";
import type { AdapterContext } from "../channel-adapter";
import type { NotificationMessage } from "../notification-message";

/** Well under the 3993 octets one 4096-octet aes128gcm record holds, so a push service never refuses it as too big. */
export const MAX_PAYLOAD_BYTES = 3 * 1024;
/** A notification shows a line or two; longer text is cut here rather than by each platform differently. */
const TITLE_MAX_CHARACTERS = 120;
const BODY_MAX_CHARACTERS = 1_000;
const ELLIPSIS = "…";

export const PushPayload = z.object({
  title: z.string(),
  body: z.string(),
  /** Absolute, on the web app's origin; the service worker opens only same-origin links. */
  link: z.string(),
  /** Same tag, same notification: a repeat replaces the one on screen instead of stacking. */
  tag: z.string(),
  at: z.string(),
});
export type PushPayload = z.infer<typeof PushPayload>;

const encoder = new TextEncoder();

/** Control characters other than newlines and tabs have no place in a notification and some platforms choke on them. */
function plainText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return text.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, "");
}

/** At most `max` code points (never half a surrogate pair), with an ellipsis when something was cut. */
function clip(text: string, max: number): string {
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, Math.max(0, max - 1)).join("")}${ELLIPSIS}`;
}

function bodyText(message: NotificationMessage): string {
  const lines = [message.body.trim(), ...(message.items ?? []).map((item) => `• ${item.title}`)];
  return lines.filter((line) => line !== "").join("\n");
}

/** A collapse key for repeats of one event (same kind, same title): RFC 8030 §5.4 allows 32 base64url characters. */
export async function collapseKey(message: Pick<NotificationMessage, "kind" | "title">): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", encoder.encode(`${message.kind}\n${message.title}`));
  return base64url(new Uint8Array(digest).slice(0, 24));
}

function byteLength(payload: PushPayload): number {
  return encoder.encode(JSON.stringify(payload)).length;
}

/** The longest clip of `field` (in code points) for which the JSON still fits; a binary search over its length. */
function fitField(payload: PushPayload, field: "title" | "body"): PushPayload {
  const full = payload[field];
  const length = Array.from(full).length;
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (byteLength({ ...payload, [field]: clip(full, mid) }) <= MAX_PAYLOAD_BYTES) low = mid;
    else high = mid - 1;
  }
  return { ...payload, [field]: low === 0 ? "" : clip(full, low) };
}

export async function pushPayload(message: NotificationMessage, context: AdapterContext): Promise<PushPayload> {
  let payload: PushPayload = {
    title: clip(plainText(message.title).replace(/\s+/g, " ").trim(), TITLE_MAX_CHARACTERS) || "AutoArr",
    body: clip(plainText(bodyText(message)), BODY_MAX_CHARACTERS),
    link: new URL(message.link ?? "/", context.appUrl).href,
    tag: await collapseKey(message),
    at: message.at,
  };
  if (byteLength(payload) > MAX_PAYLOAD_BYTES) payload = fitField(payload, "body");
  if (byteLength(payload) > MAX_PAYLOAD_BYTES) payload = fitField(payload, "title");
  return payload;
}
