// The signature of AutoArr's generic webhook (docs/notifications.md, "Verifying AutoArr's webhook signature"): the
// Stripe and Slack scheme, HMAC-SHA256 with the channel's secret over "<unix seconds>.<raw body>", sent as lowercase
// hex after "v1=", so a receiver can tell a forged body and, by the timestamp, a replayed one.
export const TIMESTAMP_HEADER = "X-AutoArr-Timestamp";
export const SIGNATURE_HEADER = "X-AutoArr-Signature";
export const SIGNATURE_VERSION = "v1";
/** How old a timestamp a receiver accepts (either way, for clock skew). */
export const REPLAY_WINDOW_SECONDS = 300;

const encoder = new TextEncoder();

function hmacKey(secret: string, usage: "sign" | "verify"): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [usage]);
}

function toHex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function fromHex(hex: string): Uint8Array | null {
  if (!/^(?:[0-9a-f]{2})+$/.test(hex)) return null;
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
}

/** The two headers for `body` sent at `now`. */
export async function signWebhook(secret: string, body: string, now: Date): Promise<Record<string, string>> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const mac = await crypto.subtle.sign("HMAC", await hmacKey(secret, "sign"), encoder.encode(`${timestamp}.${body}`));
  return { [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: `${SIGNATURE_VERSION}=${toHex(mac)}` };
}

/**
 * Why a received webhook is not AutoArr's, or null when it is: the timestamp within the replay window of `now`, and
 * one of the signature header's comma-separated "v1=" values the HMAC of "<timestamp>.<body>" (compared in constant
 * time by Web Crypto's verify).
 */
export async function verifyWebhook(
  secret: string,
  headers: { timestamp: string | null; signature: string | null },
  body: string,
  now: Date,
): Promise<string | null> {
  if (!headers.timestamp || !/^\d{1,12}$/.test(headers.timestamp)) return "missing or malformed timestamp";
  if (Math.abs(now.getTime() / 1000 - Number(headers.timestamp)) > REPLAY_WINDOW_SECONDS) return "timestamp outside the replay window";
  const candidates = (headers.signature ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.startsWith(`${SIGNATURE_VERSION}=`))
    .map((part) => fromHex(part.slice(SIGNATURE_VERSION.length + 1)));
  const key = await hmacKey(secret, "verify");
  const signed = encoder.encode(`${headers.timestamp}.${body}`);
  for (const mac of candidates) {
    if (mac && (await crypto.subtle.verify("HMAC", key, mac, signed))) return null;
  }
  return "signature does not match";
}
