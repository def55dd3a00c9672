// Recovery actions in D1: one row per decision taken on a detected failure.
import { and, count, desc, eq, lt } from "drizzle-orm";
import { recoveryActions } from "../db/schema";
import type { Database } from "../services/db";

export type RecoveryOutcome = "succeeded" | "failed" | "alerted" | "dry_run" | "awaiting_approval" | "rejected" | "exhausted";

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

export async function countAttempts(db: Database, tenantId: string, itemId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(recoveryActions)
    .where(and(eq(recoveryActions.tenantId, tenantId), eq(recoveryActions.itemId, itemId), eq(recoveryActions.outcome, "succeeded")));
  return row?.n ?? 0;
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
  const [row] = await db.select().from(recoveryActions).where(and(eq(recoveryActions.tenantId, tenantId), eq(recoveryActions.id, id))).limit(1);
  return row;
}

export async function updateRecoveryAction(db: Database, tenantId: string, id: string, fields: { outcome: RecoveryOutcome; detail?: unknown }) {
  await db
    .update(recoveryActions)
    .set({ ...fields, updatedAt: new Date() })
    .where(and(eq(recoveryActions.tenantId, tenantId), eq(recoveryActions.id, id)));
}
