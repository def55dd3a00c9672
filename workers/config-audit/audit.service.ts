// Runs an audit: read the configuration (cached 5 min), evaluate the rules, let Claude review when configured, store.
import { sabnzbdReportedFindings } from "./app-reports";
import { evaluate, recommendations, type Finding } from "./rule-engine";
import { APPS, type App } from "./rule.schema";
import type { Env } from "../platform/env";
import { database } from "../platform/db/database";
import { insertAudit, type AuditMeta, type AuditView, type NewRecommendation, type SettingWrite } from "./audit.repo";
import { loadRules } from "./catalogue.service";
import { review } from "./llm-review";
import { readSnapshot } from "./snapshot-reader";
import { hubFor } from "../connectors/hub-client";
import { createLogger } from "../platform/logger";
import { auditNotification } from "../notifications/notification-events";

export interface AuditRequest {
  env: Env;
  tenantId: string;
  userId: string | null;
  apps?: App[];
  /** Bypass the 5-minute configuration cache. */
  refresh?: boolean;
  traceparent?: string;
}

export async function runAudit({
  env,
  tenantId,
  userId,
  apps,
  refresh,
  traceparent,
}: AuditRequest): Promise<AuditView & { timings: { readMs: number; slowestCallMs: number } }> {
  const requested = apps && apps.length > 0 ? [...new Set(apps)] : [...APPS];
  const auditId = crypto.randomUUID();
  const started = Date.now();
  const [rules, read] = await Promise.all([
    loadRules(env),
    readSnapshot(env, tenantId, requested, { cached: refresh !== true, ...(traceparent ? { traceparent } : {}) }),
  ]);
  const readMs = Date.now() - started;
  const { snapshot } = read;
  const audited = requested.filter((app) => snapshot[app] !== undefined);
  const findings = recommendations([
    ...evaluate(
      rules.filter((rule) => requested.includes(rule.app)),
      snapshot,
    ),
    ...(requested.includes("sabnzbd") ? sabnzbdReportedFindings(snapshot) : []),
  ]);
  const reviewed =
    audited.length > 0
      ? await review(env, { auditId, tenantId, findings, rules, snapshot, audited })
      : { path: "rules" as const, reason: "No app could be read", items: [] };

  const meta: AuditMeta = { requested, pathReason: reviewed.reason, extras: {} };
  const recs: NewRecommendation[] = reviewed.items.map((item, rank) => {
    const id = crypto.randomUUID();
    const writes = plannedWrites(item.finding);
    meta.extras[id] = {
      fix: item.fix.kind,
      rank,
      ...(item.fix.kind === "manual" ? { instructions: item.fix.instructions } : {}),
      ...(writes ? { writes } : {}),
      ...(item.target !== undefined ? { target: item.target } : {}),
    };
    return {
      id,
      ruleId: item.ruleId,
      app: item.app,
      setting: item.setting,
      title: item.title,
      priority: item.priority,
      currentValue: item.currentValue,
      recommendedValue: item.recommendedValue,
      why: item.why,
      source: item.source,
      extra: meta.extras[id]!,
    };
  });
  const results = requested.map((app) => {
    const error = snapshot.unavailable?.[app];
    return error ? { app, status: "unavailable" as const, error } : { app, status: "ok" as const };
  });
  const db = database(env.DB);
  const view = await insertAudit(db, { id: auditId, tenantId, userId, path: reviewed.path, meta, results, recommendations: recs });
  await tellImportantFindings(env, tenantId, recs);
  return { ...view, timings: { readMs, slowestCallMs: read.slowestCallMs } };
}

/**
 * High-priority findings go to the tenant's channels routed to audit findings, each told once (the hub remembers
 * a finding it told for a week, so one still open after that is told again). A failure to queue them never fails the audit.
 */
async function tellImportantFindings(env: Env, tenantId: string, recs: readonly NewRecommendation[]): Promise<void> {
  const at = new Date().toISOString();
  const important = recs
    .filter((rec) => rec.priority === "high")
    .map((rec) => auditNotification({ findingId: `${rec.ruleId}:${rec.setting}`, app: rec.app, title: rec.title, explanation: rec.why, at }));
  if (important.length === 0) return;
  try {
    await hubFor(env, tenantId).notify(important);
  } catch (error) {
    createLogger("config-audit").warn("could not queue the audit's notifications", { tenant_id: tenantId, error: String(error) });
  }
}

/** For a fix that writes several settings: each setting with the value it had at the audit and the value it gets. */
function plannedWrites(finding: Finding | undefined): SettingWrite[] | undefined {
  if (finding?.fix.kind !== "apply" || finding.fix.writes.length < 2) return undefined;
  return finding.fix.writes.filter((w) => !w.skip).map((w) => ({ setting: w.setting, before: w.current, after: w.value }));
}
