// Finds the tenant's connector in D1 and opens its pairing secret for signing calls.
import { desc, eq } from "drizzle-orm";
import { connectors } from "../../workers/db/schema";
import { sealPurpose } from "../../workers/services/connectors";
import type { Database } from "../../workers/services/db";
import { open } from "../../workers/services/secret-box";
import type { ConnectorTarget } from "./connector-client";

export async function findConnectorTarget(db: Database, tenantId: string, masterSecret: string): Promise<ConnectorTarget | null> {
  const [row] = await db.select().from(connectors).where(eq(connectors.tenantId, tenantId)).orderBy(desc(connectors.createdAt)).limit(1);
  if (!row) return null;
  return { url: row.url, tenantId, connectorId: row.id, secret: await open(row.secretCiphertext, masterSecret, sealPurpose(row.id)) };
}
