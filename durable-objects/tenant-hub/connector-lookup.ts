// Finds the tenant's connector and opens its pairing secret for signing calls.
//
// The row is read from D1 and its sealed form kept in the hub's storage, so a hub rebuilt after eviction (between two
// checks, usually) opens the secret without a D1 query — D1 lives in one region, the hub wherever the tenant is. The
// kept copy is forgotten when the tenant's connectors change and checked against D1 again after an hour in any case.
import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { connectors } from "../../workers/platform/db/schema";
import { createLogger } from "../../workers/platform/logger";
import type { Database } from "../../workers/platform/db/database";
import type { KeyRing } from "../../workers/platform/crypto/key-ring";
import { connectorSecrets, resealIfStale } from "../../workers/connectors/sealed-columns";
import { open, UnreadableSecretError } from "../../workers/platform/crypto/secret-box";
import type { ConnectorTarget } from "./connector-client";

const KEPT_KEY = "connector:target";
export const KEPT_TARGET_TTL_MS = 3_600_000;

const KeptTarget = z.object({ connectorId: z.string(), url: z.string(), secretCiphertext: z.string(), readAt: z.number() });

/** Where the hub keeps the sealed row: its storage, and its clock. */
export interface TargetKeeping {
  storage: SyncKvStorage;
  now: number;
}

/** A secret sealed under a key the Worker no longer holds counts as no connector: it has to be paired again. */
export async function findConnectorTarget(db: Database, tenantId: string, ring: KeyRing, keeping?: TargetKeeping): Promise<ConnectorTarget | null> {
  const kept = keeping ? KeptTarget.safeParse(keeping.storage.get(KEPT_KEY)) : undefined;
  if (keeping && kept?.success && keeping.now - kept.data.readAt < KEPT_TARGET_TTL_MS) {
    try {
      const opened = await open(kept.data.secretCiphertext, ring, connectorSecrets.purpose(kept.data.connectorId));
      return { url: kept.data.url, tenantId, connectorId: kept.data.connectorId, secret: opened.plaintext };
    } catch (error) {
      if (!(error instanceof UnreadableSecretError)) throw error;
      // Sealed under a key since retired: D1 holds the re-sealed form.
    }
  }
  if (keeping) forgetConnectorTarget(keeping.storage);

  const [row] = await db.select().from(connectors).where(eq(connectors.tenantId, tenantId)).orderBy(desc(connectors.createdAt)).limit(1);
  if (!row) return null;
  const sealed = { key: row.id, sealed: row.secretCiphertext };
  try {
    const opened = await open(sealed.sealed, ring, connectorSecrets.purpose(row.id));
    await resealIfStale(db, ring, connectorSecrets, sealed, opened);
    // A stale one was just re-sealed in D1: the next lookup reads that rather than keeping the old form.
    if (keeping && !opened.stale) {
      keeping.storage.put(KEPT_KEY, { connectorId: row.id, url: row.url, secretCiphertext: row.secretCiphertext, readAt: keeping.now });
    }
    return { url: row.url, tenantId, connectorId: row.id, secret: opened.plaintext };
  } catch (error) {
    if (!(error instanceof UnreadableSecretError)) throw error;
    createLogger("tenant-hub").warn("connector secret cannot be opened; the connector must be paired again", { tenant_id: tenantId, connector_id: row.id });
    return null;
  }
}

export function forgetConnectorTarget(storage: SyncKvStorage): void {
  storage.delete(KEPT_KEY);
}
