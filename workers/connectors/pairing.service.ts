// Pairing material for a connector: shown to the user once, pasted into `autoarr-connector pair <code>`.
import { base64url, fromBase64url, randomToken } from "../platform/encoding";

export const PAIRING_PREFIX = "aac1.";

export interface Pairing {
  v: 1;
  tenantId: string;
  connectorId: string;
  /** base64url of 32 random bytes; the HS256 key both sides sign and verify call tokens with. */
  secret: string;
}

export function newPairing(tenantId: string, connectorId: string): Pairing {
  return { v: 1, tenantId, connectorId, secret: randomToken(32) };
}

export function encodePairing(pairing: Pairing): string {
  return PAIRING_PREFIX + base64url(new TextEncoder().encode(JSON.stringify(pairing)));
}

export function decodePairing(code: string): Pairing {
  if (!code.startsWith(PAIRING_PREFIX)) throw new Error("not an AutoArr pairing code");
  return JSON.parse(new TextDecoder().decode(fromBase64url(code.slice(PAIRING_PREFIX.length)))) as Pairing;
}
