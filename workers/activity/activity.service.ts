// The tenant's activity log: detections, recoveries, changes and circuit transitions, newest first.
import { activityLog } from "../platform/db/schema";
import type { Database } from "../platform/db/database";

export interface ActivityEntry {
  app?: string | null;
  kind: string;
  level: "info" | "warning" | "error";
  message: string;
  data?: unknown;
}

export async function recordActivity(db: Database, tenantId: string, entry: ActivityEntry, at = new Date()) {
  const row = {
    id: crypto.randomUUID(),
    tenantId,
    timestamp: at,
    app: entry.app ?? null,
    kind: entry.kind,
    level: entry.level,
    message: entry.message,
    data: entry.data ?? null,
  };
  await db.insert(activityLog).values(row);
  // The same shape GET /api/v1/activity serves, so live events and the log read alike.
  return { id: row.id, at: at.toISOString(), app: row.app, kind: row.kind, level: row.level, message: row.message, data: row.data };
}
