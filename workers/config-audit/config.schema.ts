// Shapes of the configuration audit: audits with their recommendations grouped by app, applies and the change history.
import { z } from "@hono/zod-openapi";
import { AppName } from "../downloads/downloads.schema";

const SettingValue = z.unknown().openapi({ description: "A setting's value as the app serves it (any JSON)" });

export const SettingWrite = z
  .object({
    setting: z.string().openapi({ description: "Concrete setting path" }),
    before: SettingValue,
    after: SettingValue,
  })
  .openapi("SettingWrite");

export const AuditRequest = z
  .object({
    apps: z.array(AppName).min(1).max(4).optional().openapi({ description: "Apps to audit; all four when omitted" }),
    refresh: z.boolean().optional().openapi({ description: "Read the apps again instead of using configuration cached in the last 5 minutes" }),
  })
  .openapi("AuditRequest");

export const Recommendation = z
  .object({
    id: z.string(),
    ruleId: z.string(),
    app: AppName,
    setting: z.string().openapi({ description: "Concrete setting path, e.g. sonarr.host.logLevel" }),
    title: z.string(),
    priority: z.enum(["high", "medium", "low"]),
    currentValue: SettingValue,
    recommendedValue: SettingValue,
    why: z.string(),
    source: z.object({ name: z.string(), url: z.string().nullable() }),
    status: z.enum(["open", "applied", "dismissed"]),
    fix: z
      .enum(["apply", "manual", "none"])
      .openapi({ description: "apply: AutoArr can change it; manual: follow the instructions; none: what the app reports about itself, nothing to change" }),
    instructions: z.string().optional(),
    writes: z
      .array(SettingWrite)
      .optional()
      .openapi({ description: "A fix that changes several settings at once: each one, with its value at the audit (before) and the value it gets (after)" }),
  })
  .openapi("Recommendation");

export const AppAudit = z
  .object({
    status: z.enum(["ok", "unavailable"]),
    error: z.string().optional(),
    recommendations: z.array(Recommendation).openapi({ description: "Highest priority first" }),
  })
  .openapi("AppAudit");

export const Audit = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    path: z.enum(["rules", "llm"]).openapi({ description: "Whether the rules alone or Claude's vetted review decided" }),
    pathReason: z.string().optional().openapi({ description: "Why that path was taken" }),
    apps: z.record(z.string(), AppAudit),
  })
  .openapi("Audit");

export const ApplyRequest = z
  .object({
    recommendationId: z.string().min(1).max(100),
    dryRun: z.boolean().optional(),
  })
  .openapi("ApplyRequest");

export const DryRunResult = z
  .object({
    app: AppName,
    setting: z.string(),
    before: SettingValue,
    after: SettingValue,
    writes: z.array(SettingWrite).openapi({ description: "Every setting the apply would write, in order; the first is setting/before/after" }),
  })
  .openapi("ApplyDryRun");

export const ConfigChange = z
  .object({
    id: z.string(),
    app: AppName,
    setting: z.string(),
    before: SettingValue,
    after: SettingValue,
    at: z.string(),
    user: z.string().nullable(),
    rolledBackAt: z.string().nullable(),
    recommendationId: z.string().nullable(),
    rollbackOf: z.string().nullable(),
    writes: z
      .array(SettingWrite)
      .openapi({ description: "Every setting the change wrote, in order (applied and rolled back as one); the first is setting/before/after" }),
  })
  .openapi("ConfigChange");

export const ChangeResult = z.object({ change: ConfigChange }).openapi("ConfigChangeResult");
export const ApplyResponse = z.union([DryRunResult, ChangeResult]).openapi("ApplyResult");
export const HistoryResponse = z.object({ items: z.array(ConfigChange) }).openapi("ConfigHistory");
