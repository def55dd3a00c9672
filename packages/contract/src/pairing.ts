// Pairing material: "aac1." + base64url(JSON {v:1, tenantId, connectorId, secret}), secret = base64url of 32 random
// bytes. The Worker encodes it once for the user; the connector decodes it at `autoarr-connector pair <code>`.
import { z } from "zod";

export const PAIRING_PREFIX = "aac1.";
export const PAIRING_SECRET_BYTES = 32;

export const Pairing = z.object({
  v: z.literal(1),
  tenantId: z.string().min(1).max(200),
  connectorId: z.string().min(1).max(200),
  /** base64url of 32 random bytes; the HS256 key both sides sign and verify call tokens with. */
  secret: z.string().regex(/^[A-Za-z0-9_-]+$/),
});
export type Pairing = z.infer<typeof Pairing>;

export class PairingError extends Error {}

export function encodePairing(pairing: Pairing): string {
  return PAIRING_PREFIX + base64url(new TextEncoder().encode(JSON.stringify(pairing)));
}

export function decodePairing(code: string): Pairing & { secretBytes: Uint8Array } {
  const trimmed = code.trim();
  if (!trimmed.startsWith(PAIRING_PREFIX)) throw new PairingError(`Pairing code must start with "${PAIRING_PREFIX}"`);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(fromBase64url(trimmed.slice(PAIRING_PREFIX.length))));
  } catch {
    throw new PairingError("Pairing code is not valid base64url JSON");
  }
  const parsed = Pairing.safeParse(json);
  if (!parsed.success) throw new PairingError("Pairing code is missing tenantId, connectorId or secret, or has an unknown version");
  const secretBytes = fromBase64url(parsed.data.secret);
  if (secretBytes.length !== PAIRING_SECRET_BYTES) throw new PairingError(`Pairing secret must be ${PAIRING_SECRET_BYTES} bytes`);
  return { ...parsed.data, secretBytes };
}

export function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function fromBase64url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new PairingError("not base64url");
  const padded = text
    .replace(/-/g, "+")
    .replace(/_/g, "/")
    .padEnd(Math.ceil(text.length / 4) * 4, "=");
  return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
}
