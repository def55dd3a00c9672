// Pages through the tenants that have a connector, in id order, so a run can resume where it stopped.
import { asc, gt } from "drizzle-orm";
import { connectors } from "../platform/db/schema";
import type { Database } from "../platform/db/database";

export async function* tenantsWithConnectors(db: Database, pageSize = 500): AsyncGenerator<string[]> {
  let after = "";
  for (;;) {
    const rows = await db
      .selectDistinct({ tenantId: connectors.tenantId })
      .from(connectors)
      .where(gt(connectors.tenantId, after))
      .orderBy(asc(connectors.tenantId))
      .limit(pageSize);
    if (rows.length === 0) return;
    yield rows.map((r) => r.tenantId);
    after = rows[rows.length - 1]!.tenantId;
    if (rows.length < pageSize) return;
  }
}
