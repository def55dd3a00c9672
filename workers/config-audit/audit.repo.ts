// D1 access for audits, their recommendations and the history of configuration changes. Every query is tenant-scoped.
import { and, desc, eq } from "drizzle-orm";
import { PRIORITY_WEIGHT, type App, type Priority } from "./rule.schema";
import type { Json } from "./template";
import { auditResults, audits, configChanges, recommendations } from "../platform/db/schema";
import type { Database } from "../platform/db/database";

export type AuditPath = "rules" | "llm";
export type RecommendationStatus = "open" | "applied" | "dismissed";

/** apply: AutoArr can change it; manual: follow the instructions; none: what the app reports, nothing to change. */
export type FixKind = "apply" | "manual" | "none";

/** One setting of a change: its value before and after. */
export interface SettingWrite {
  setting: string;
  before: Json;
  after: Json;
}

/** What the columns of `recommendations` do not hold, kept with the audit (audits.apps). */
export interface RecommendationExtra {
  fix: FixKind;
  instructions?: string;
  target?: string;
  rank: number;
  /** A fix that writes several settings: each with its value at the audit and the value it gets. */
  writes?: SettingWrite[];
}

export interface AuditMeta {
  requested: App[];
  /** Why the rules decided when Claude was asked (no key, failure, rejected answer), or what Claude did. */
  pathReason?: string;
  extras: Record<string, RecommendationExtra>;
}

/** What every recommendation says, whether new, stored or proposed by Claude. */
export interface RecommendationFields {
  ruleId: string;
  app: App;
  setting: string;
  title: string;
  priority: Priority;
  currentValue: Json;
  recommendedValue: Json;
  why: string;
  source: { name: string; url: string | null };
}

export interface NewRecommendation extends RecommendationFields {
  id: string;
  extra: RecommendationExtra;
}

export interface RecommendationView extends RecommendationFields {
  id: string;
  status: RecommendationStatus;
  fix: FixKind;
  instructions?: string;
  writes?: SettingWrite[];
}

export interface AuditView {
  id: string;
  createdAt: string;
  path: AuditPath;
  pathReason?: string;
  apps: Partial<Record<App, { status: "ok" | "unavailable"; error?: string; recommendations: RecommendationView[] }>>;
}

const PRIORITY_OF: Record<number, Priority> = { 3: "high", 2: "medium", 1: "low" };

/** Stores one audit with its per-app results and recommendations in one batch, and returns its view (no read-back). */
export async function insertAudit(
  db: Database,
  audit: {
    id: string;
    tenantId: string;
    userId: string | null;
    path: AuditPath;
    meta: AuditMeta;
    results: Array<{ app: App; status: "ok" | "unavailable"; error?: string }>;
    recommendations: NewRecommendation[];
  },
): Promise<AuditView> {
  const now = new Date();
  const auditRow: AuditRow = { id: audit.id, tenantId: audit.tenantId, userId: audit.userId, path: audit.path, apps: audit.meta, createdAt: now };
  const resultRows: AuditResultRow[] = audit.results.map((r) => ({
    id: crypto.randomUUID(),
    tenantId: audit.tenantId,
    auditId: audit.id,
    appName: r.app,
    status: r.status,
    error: r.error ?? null,
    createdAt: now,
  }));
  const recommendationRows: RecommendationRow[] = audit.recommendations.map((r) => ({
    id: r.id,
    tenantId: audit.tenantId,
    auditId: audit.id,
    ruleId: r.ruleId,
    appName: r.app,
    setting: r.setting,
    title: r.title,
    priority: PRIORITY_WEIGHT[r.priority],
    currentValue: r.currentValue,
    recommendedValue: r.recommendedValue,
    why: r.why,
    sourceName: r.source.name,
    sourceUrl: r.source.url,
    status: "open",
    createdAt: now,
    updatedAt: now,
  }));
  const statements = [
    db.insert(audits).values(auditRow),
    ...resultRows.map((row) => db.insert(auditResults).values(row)),
    ...recommendationRows.map((row) => db.insert(recommendations).values(row)),
  ];
  await db.batch(statements as [(typeof statements)[number], ...typeof statements]);
  return auditView(auditRow, resultRows, recommendationRows);
}

type AuditRow = typeof audits.$inferSelect;
type AuditResultRow = typeof auditResults.$inferSelect;
type RecommendationRow = typeof recommendations.$inferSelect;

function toView(row: RecommendationRow, extra: RecommendationExtra | undefined): RecommendationView {
  return {
    id: row.id,
    ruleId: row.ruleId,
    app: row.appName as App,
    setting: row.setting,
    title: row.title,
    priority: PRIORITY_OF[row.priority] ?? "low",
    currentValue: (row.currentValue ?? null) as Json,
    recommendedValue: (row.recommendedValue ?? null) as Json,
    why: row.why,
    source: { name: row.sourceName, url: row.sourceUrl },
    status: row.status,
    fix: extra?.fix ?? "manual",
    ...(extra?.instructions ? { instructions: extra.instructions } : {}),
    ...(extra?.writes ? { writes: extra.writes } : {}),
  };
}

export async function findAudit(db: Database, tenantId: string, id: string | "latest"): Promise<AuditView | undefined> {
  const [audit] = await db
    .select()
    .from(audits)
    .where(id === "latest" ? eq(audits.tenantId, tenantId) : and(eq(audits.tenantId, tenantId), eq(audits.id, id)))
    .orderBy(desc(audits.createdAt))
    .limit(1);
  if (!audit) return undefined;
  const [results, rows] = await Promise.all([
    db
      .select()
      .from(auditResults)
      .where(and(eq(auditResults.tenantId, tenantId), eq(auditResults.auditId, audit.id))),
    db
      .select()
      .from(recommendations)
      .where(and(eq(recommendations.tenantId, tenantId), eq(recommendations.auditId, audit.id))),
  ]);
  return auditView(audit, results, rows);
}

/** An audit as the API shows it, from its stored rows: recommendations by priority, then by the review's rank. */
function auditView(audit: AuditRow, results: AuditResultRow[], rows: RecommendationRow[]): AuditView {
  const meta = audit.apps as AuditMeta;
  const apps: AuditView["apps"] = {};
  for (const result of results) {
    apps[result.appName as App] = { status: result.status, ...(result.error ? { error: result.error } : {}), recommendations: [] };
  }
  const sorted = [...rows].sort((a, b) => b.priority - a.priority || (meta.extras[a.id]?.rank ?? 0) - (meta.extras[b.id]?.rank ?? 0));
  for (const row of sorted) apps[row.appName as App]?.recommendations.push(toView(row, meta.extras[row.id]));
  return {
    id: audit.id,
    createdAt: audit.createdAt.toISOString(),
    path: audit.path as AuditPath,
    ...(meta.pathReason ? { pathReason: meta.pathReason } : {}),
    apps,
  };
}

export interface StoredRecommendation extends RecommendationView {
  auditId: string;
  target?: string;
}

export async function findRecommendation(db: Database, tenantId: string, id: string): Promise<StoredRecommendation | undefined> {
  const [row] = await db
    .select()
    .from(recommendations)
    .where(and(eq(recommendations.tenantId, tenantId), eq(recommendations.id, id)))
    .limit(1);
  if (!row) return undefined;
  const [audit] = await db.select({ apps: audits.apps }).from(audits).where(eq(audits.id, row.auditId)).limit(1);
  const extra = (audit?.apps as AuditMeta | undefined)?.extras[row.id];
  return { ...toView(row, extra), auditId: row.auditId, ...(extra?.target !== undefined ? { target: extra.target } : {}) };
}

export async function setRecommendationStatus(db: Database, tenantId: string, id: string, status: RecommendationStatus): Promise<void> {
  await db
    .update(recommendations)
    .set({ status, updatedAt: new Date() })
    .where(and(eq(recommendations.tenantId, tenantId), eq(recommendations.id, id)));
}

export interface ChangeView {
  id: string;
  app: App;
  setting: string;
  before: Json;
  after: Json;
  at: string;
  user: string | null;
  rolledBackAt: string | null;
  recommendationId: string | null;
  rollbackOf: string | null;
  /** Every setting the change wrote, in the order written; the first is setting/before/after above. */
  writes: SettingWrite[];
}

type ChangeRow = typeof configChanges.$inferSelect;
const changeView = (row: ChangeRow): ChangeView => ({
  id: row.id,
  app: row.appName as App,
  setting: row.setting,
  before: (row.before ?? null) as Json,
  after: (row.after ?? null) as Json,
  at: row.createdAt.toISOString(),
  user: row.userId,
  rolledBackAt: row.rolledBackAt ? row.rolledBackAt.toISOString() : null,
  recommendationId: row.recommendationId,
  rollbackOf: row.rollbackOf,
  // Rows from before multi-setting fixes (and single-setting changes) hold their one write in the columns.
  writes:
    Array.isArray(row.writes) && row.writes.length > 0
      ? (row.writes as SettingWrite[])
      : [{ setting: row.setting, before: (row.before ?? null) as Json, after: (row.after ?? null) as Json }],
});

export async function insertChange(
  db: Database,
  change: { tenantId: string; userId: string | null; recommendationId: string | null; app: App; writes: SettingWrite[]; rollbackOf?: string },
): Promise<ChangeView> {
  const [first] = change.writes;
  if (!first) throw new Error("a change writes at least one setting");
  const [row] = await db
    .insert(configChanges)
    .values({
      id: crypto.randomUUID(),
      tenantId: change.tenantId,
      userId: change.userId,
      recommendationId: change.recommendationId,
      appName: change.app,
      setting: first.setting,
      before: first.before,
      after: first.after,
      createdAt: new Date(),
      rollbackOf: change.rollbackOf ?? null,
      writes: change.writes.length > 1 ? change.writes : null,
    })
    .returning();
  return changeView(row!);
}

export async function listChanges(db: Database, tenantId: string, limit = 100): Promise<ChangeView[]> {
  const rows = await db.select().from(configChanges).where(eq(configChanges.tenantId, tenantId)).orderBy(desc(configChanges.createdAt)).limit(limit);
  return rows.map(changeView);
}

export async function findChange(db: Database, tenantId: string, id: string): Promise<ChangeView | undefined> {
  const [row] = await db
    .select()
    .from(configChanges)
    .where(and(eq(configChanges.tenantId, tenantId), eq(configChanges.id, id)))
    .limit(1);
  return row ? changeView(row) : undefined;
}

export async function markRolledBack(db: Database, tenantId: string, id: string): Promise<void> {
  await db
    .update(configChanges)
    .set({ rolledBackAt: new Date() })
    .where(and(eq(configChanges.tenantId, tenantId), eq(configChanges.id, id)));
}
