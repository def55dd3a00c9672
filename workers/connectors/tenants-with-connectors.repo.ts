// Pages through the tenants that have a connector, in id order, so a run can resume where it stopped; and the
// lease each tenant's hub holds on its own check schedule (connectors.check_lease_until).
import { and, asc, eq, gt, isNull, lt, or, type SQL } from "drizzle-orm";
import { connectors } from "../platform/db/schema";
import type { Database } from "../platform/db/database";

async function* tenantPages(db: Database, where: SQL | undefined, pageSize: number): AsyncGenerator<string[]> {
  let after = "";
  for (;;) {
    const rows = await db
      .selectDistinct({ tenantId: connectors.tenantId })
      .from(connectors)
      .where(and(gt(connectors.tenantId, after), where))
      .orderBy(asc(connectors.tenantId))
      .limit(pageSize);
    if (rows.length === 0) return;
    yield rows.map((r) => r.tenantId);
    after = rows[rows.length - 1]!.tenantId;
    if (rows.length < pageSize) return;
  }
}

export function tenantsWithConnectors(db: Database, pageSize = 500): AsyncGenerator<string[]> {
  return tenantPages(db, undefined, pageSize);
}

/** Tenants with a connector whose hub's lease is missing or ran out: their check alarm may be gone. */
export function tenantsWithLapsedCheckLease(db: Database, now: Date, pageSize = 500): AsyncGenerator<string[]> {
  return tenantPages(db, or(isNull(connectors.checkLeaseUntil), lt(connectors.checkLeaseUntil, now)), pageSize);
}

export async function renewCheckLease(db: Database, tenantId: string, until: Date): Promise<void> {
  await db.update(connectors).set({ checkLeaseUntil: until }).where(eq(connectors.tenantId, tenantId));
}
