// Pairing material for a connector: shown to the user once, pasted into `autoarr-connector pair <code>`. The codec is
// the contract's; the connector decodes with the same one.
import { encodePairing, type Pairing } from "@autoarr/contract";
import { randomToken } from "../platform/encoding";

export { encodePairing };

export function newPairing(tenantId: string, connectorId: string): Pairing {
  return { v: 1, tenantId, connectorId, secret: randomToken(32) };
}
