// Recovery actions in D1: one row per decision taken on a detected failure.
import { and, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import { recoveryActions } from "../platform/db/schema";
import type { Database } from "../platform/db/database";

/** handled_by_app: Sonarr/Radarr processed the failure themselves (blocklist, new search), so AutoArr did nothing more. */
export type RecoveryOutcome = "succeeded" | "failed" | "alerted" | "dry_run" | "awaiting_approval" | "rejected" | "exhausted" | "handled_by_app";

export type RecoveryActionRow = typeof recoveryActions.$inferSelect;

export async function insertRecoveryAction(
  db: Database,
  row: Omit<RecoveryActionRow, "id" | "createdAt" | "updatedAt" | "decidedBy" | "detail"> & { decidedBy?: string; detail?: unknown },
): Promise<RecoveryActionRow> {
  const now = new Date();
  const [inserted] = await db
    .insert(recoveryActions)
    .values({ ...row, id: crypto.randomUUID(), createdAt: now, updatedAt: now })
    .returning();
  return inserted!;
}

/** Outcomes of an action AutoArr carried out (a write that failed was still a try); alerts and dry runs are not attempts. */
const CARRIED_OUT: RecoveryOutcome[] = ["succeeded", "failed"];

/** Recovery actions carried out on one release, and on its episode or movie across all releases. */
export async function countAttempts(
  db: Database,
  tenantId: string,
  identity: { releaseKey: string; mediaKey: string | null },
): Promise<{ release: number; item: number }> {
  const onRelease = eq(recoveryActions.releaseKey, identity.releaseKey);
  const onItem = identity.mediaKey === null ? undefined : eq(recoveryActions.mediaKey, identity.mediaKey);
  const [row] = await db
    .select({ release: sql<number>`coalesce(sum(${onRelease}), 0)`, item: onItem ? sql<number>`coalesce(sum(${onItem}), 0)` : sql<number>`0` })
    .from(recoveryActions)
    .where(and(eq(recoveryActions.tenantId, tenantId), inArray(recoveryActions.outcome, CARRIED_OUT), onItem ? or(onRelease, onItem) : onRelease));
  return { release: Number(row?.release ?? 0), item: Number(row?.item ?? 0) };
}

export async function listRecoveryActions(db: Database, tenantId: string, limit: number, before?: Date) {
  return db
    .select()
    .from(recoveryActions)
    .where(and(eq(recoveryActions.tenantId, tenantId), before ? lt(recoveryActions.createdAt, before) : undefined))
    .orderBy(desc(recoveryActions.createdAt), desc(recoveryActions.id))
    .limit(limit);
}

export async function getRecoveryAction(db: Database, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(recoveryActions)
    .where(and(eq(recoveryActions.tenantId, tenantId), eq(recoveryActions.id, id)))
    .limit(1);
  return row;
}

export async function updateRecoveryAction(
  db: Database,
  tenantId: string,
  id: string,
  fields: { outcome: RecoveryOutcome; strategy?: string; detail?: unknown },
) {
  await db
    .update(recoveryActions)
    .set({ ...fields, updatedAt: new Date() })
    .where(and(eq(recoveryActions.tenantId, tenantId), eq(recoveryActions.id, id)));
}
