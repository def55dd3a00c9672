// A tenant's connectors: registration (with pairing material shown once), listing and removal.
import { and, desc, eq } from "drizzle-orm";
import { connectors } from "../platform/db/schema";
import { AppError, notFound } from "../platform/errors";
import { reachableNow } from "./connector-reachability";
import type { Database } from "../platform/db/database";
import type { KeyRing } from "../platform/crypto/key-ring";
import { encodePairing, newPairing } from "./pairing.service";
import { seal } from "../platform/crypto/secret-box";

export type ConnectorRow = typeof connectors.$inferSelect;

export function connectorView(row: ConnectorRow) {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt?.toISOString() ?? null,
    reachable: reachableNow({ reachable: row.reachable ?? null, lastSeenAt: row.lastSeenAt ?? null }),
    lastError: row.lastError ?? null,
  };
}

export function sealPurpose(connectorId: string): string {
  return `connector:${connectorId}`;
}

export async function createConnector(db: Database, ring: KeyRing, tenantId: string, input: { name: string; url: string }) {
  const existing = await db
    .select({ id: connectors.id })
    .from(connectors)
    .where(and(eq(connectors.tenantId, tenantId), eq(connectors.name, input.name)))
    .limit(1);
  if (existing.length > 0) throw new AppError("conflict", `A connector named '${input.name}' already exists`);

  const id = crypto.randomUUID();
  const pairing = newPairing(tenantId, id);
  const [row] = await db
    .insert(connectors)
    .values({
      id,
      tenantId,
      name: input.name,
      url: input.url,
      secretCiphertext: await seal(pairing.secret, ring, sealPurpose(id)),
      createdAt: new Date(),
    })
    .returning();
  return { connector: connectorView(row!), pairingCode: encodePairing(pairing) };
}

export async function listConnectors(db: Database, tenantId: string) {
  const rows = await db.select().from(connectors).where(eq(connectors.tenantId, tenantId)).orderBy(desc(connectors.createdAt));
  return rows.map(connectorView);
}

export async function getConnector(db: Database, tenantId: string, id: string): Promise<ConnectorRow> {
  const [row] = await db
    .select()
    .from(connectors)
    .where(and(eq(connectors.tenantId, tenantId), eq(connectors.id, id)))
    .limit(1);
  if (!row) throw notFound("Connector");
  return row;
}

export async function deleteConnector(db: Database, tenantId: string, id: string): Promise<void> {
  const deleted = await db
    .delete(connectors)
    .where(and(eq(connectors.tenantId, tenantId), eq(connectors.id, id)))
    .returning({ id: connectors.id });
  if (deleted.length === 0) throw notFound("Connector");
}
