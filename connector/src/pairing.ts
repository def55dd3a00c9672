// Pairing material: "aac1." + base64url(JSON {v:1, tenantId, connectorId, secret}), secret = base64url of 32 random bytes.
import { randomBytes } from "node:crypto";
import { z } from "zod";

export const PAIRING_PREFIX = "aac1.";

const payloadSchema = z.object({
  v: z.literal(1),
  tenantId: z.string().min(1).max(200),
  connectorId: z.string().min(1).max(200),
  secret: z.string().regex(/^[A-Za-z0-9_-]+$/),
});

export interface PairingMaterial {
  code: string;
  tenantId: string;
  connectorId: string;
  /** HS256 key: the decoded secret bytes. */
  secret: Uint8Array;
}

export class PairingError extends Error {}

export function parsePairingCode(code: string): PairingMaterial {
  const trimmed = code.trim();
  if (!trimmed.startsWith(PAIRING_PREFIX)) throw new PairingError(`Pairing code must start with "${PAIRING_PREFIX}"`);
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(trimmed.slice(PAIRING_PREFIX.length), "base64url").toString("utf8"));
  } catch {
    throw new PairingError("Pairing code is not valid base64url JSON");
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) throw new PairingError("Pairing code is missing tenantId, connectorId or secret, or has an unknown version");
  const secret = new Uint8Array(Buffer.from(parsed.data.secret, "base64url"));
  if (secret.length !== 32) throw new PairingError("Pairing secret must be 32 bytes");
  return { code: trimmed, tenantId: parsed.data.tenantId, connectorId: parsed.data.connectorId, secret };
}

/** Creates a pairing code (the Worker does this in production; used here for demos and tests). */
export function createPairingCode(tenantId: string, connectorId: string, secret: Uint8Array = randomBytes(32)): string {
  const payload = { v: 1, tenantId, connectorId, secret: Buffer.from(secret).toString("base64url") };
  return PAIRING_PREFIX + Buffer.from(JSON.stringify(payload)).toString("base64url");
}
