// Pairing material: the contract's codec ("aac1." + base64url JSON), read into the key the connector verifies with.
import { randomBytes } from "node:crypto";
import { base64url, decodePairing, encodePairing, PAIRING_PREFIX, PairingError } from "@autoarr/contract";

export { PAIRING_PREFIX, PairingError };

export interface PairingMaterial {
  code: string;
  tenantId: string;
  connectorId: string;
  /** HS256 key: the decoded secret bytes. */
  secret: Uint8Array;
}

export function parsePairingCode(code: string): PairingMaterial {
  const pairing = decodePairing(code);
  return { code: code.trim(), tenantId: pairing.tenantId, connectorId: pairing.connectorId, secret: pairing.secretBytes };
}

/** Creates a pairing code (the Worker does this in production; used here for demos and tests). */
export function createPairingCode(tenantId: string, connectorId: string, secret: Uint8Array = randomBytes(32)): string {
  return encodePairing({ v: 1, tenantId, connectorId, secret: base64url(secret) });
}
