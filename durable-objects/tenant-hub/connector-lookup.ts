// Finds the tenant's connector in D1 and opens its pairing secret for signing calls.
import { desc, eq } from "drizzle-orm";
import { connectors } from "../../workers/platform/db/schema";
import { createLogger } from "../../workers/platform/logger";
import type { Database } from "../../workers/platform/db/database";
import type { KeyRing } from "../../workers/platform/crypto/key-ring";
import { connectorSecrets, resealIfStale } from "../../workers/connectors/sealed-columns";
import { open, UnreadableSecretError } from "../../workers/platform/crypto/secret-box";
import type { ConnectorTarget } from "./connector-client";

/** A secret sealed under a key the Worker no longer holds counts as no connector: it has to be paired again. */
export async function findConnectorTarget(db: Database, tenantId: string, ring: KeyRing): Promise<ConnectorTarget | null> {
  const [row] = await db.select().from(connectors).where(eq(connectors.tenantId, tenantId)).orderBy(desc(connectors.createdAt)).limit(1);
  if (!row) return null;
  const sealed = { key: row.id, sealed: row.secretCiphertext };
  try {
    const opened = await open(sealed.sealed, ring, connectorSecrets.purpose(row.id));
    await resealIfStale(db, ring, connectorSecrets, sealed, opened);
    return { url: row.url, tenantId, connectorId: row.id, secret: opened.plaintext };
  } catch (error) {
    if (!(error instanceof UnreadableSecretError)) throw error;
    createLogger("tenant-hub").warn("connector secret cannot be opened; the connector must be paired again", { tenant_id: tenantId, connector_id: row.id });
    return null;
  }
}
