// The rule engine: evaluates catalogue rules against a stack snapshot. Pure functions, no I/O.
import { displayName } from "@autoarr/contract";
import type { Check } from "./check.schema";
import { evaluateCheck } from "./dsl";
import { resolve, rootOf, sectionOf, type Scope } from "./path";
import { APPS, PRIORITY_WEIGHT, type App, type Priority, type Rule } from "./rule.schema";
import type { StackSnapshot } from "./snapshot.schema";
import { renderTemplate, renderText, toJson, type Json, type TemplateContext } from "./template";

export type FindingStatus = "pass" | "fail" | "not_applicable" | "not_evaluated";

/** One concrete write of a fix, with the value the setting holds now; `skip` when it already does its job. */
export interface ResolvedWrite {
  setting: string;
  current: Json;
  value: Json;
  tool: string;
  arguments: Record<string, Json>;
  skip: boolean;
}

/** `none`: a finding to read, not to fix (e.g. a warning the app reports itself). */
export type ResolvedFix = { kind: "apply"; writes: ResolvedWrite[] } | { kind: "manual"; instructions: string } | { kind: "none" };

export interface Finding {
  ruleId: string;
  app: App;
  title: string;
  status: FindingStatus;
  /** Why the rule was not applicable or not evaluated. */
  reason?: string;
  /** The item of a per-item rule, e.g. the SABnzbd server's name. */
  target?: string;
  /** Concrete path of the setting a fix changes. */
  setting: string;
  currentValue: Json;
  recommendedValue: Json;
  priority: Priority;
  category: Rule["category"];
  why: string;
  source: Rule["source"];
  fix: ResolvedFix;
  /** Listed before every other finding (nothing works until it is fixed). */
  blocking?: boolean;
}

const isApp = (name: string | undefined): name is App => (APPS as readonly string[]).includes(name ?? "");

function appsRead(rule: Rule): App[] {
  return [...new Set([rule.app, ...rule.reads.map(rootOf).filter(isApp)])];
}

/** Why the rule cannot be evaluated at all (an app or a settings section is missing), or undefined when it can. */
function missingInput(rule: Rule, snapshot: StackSnapshot): string | undefined {
  for (const app of appsRead(rule)) {
    if (snapshot[app] !== undefined) continue;
    const outage = snapshot.unavailable?.[app];
    return outage ? `${displayName(app)} was unavailable: ${outage}` : `${displayName(app)} was not part of this audit`;
  }
  for (const path of rule.reads) {
    const section = sectionOf(path);
    if (section.length === 2 && resolve(section.join("."), { root: snapshot }).length === 0) {
      return `${section.join(".")} could not be read`;
    }
  }
  return undefined;
}

function concreteSetting(rule: Rule, template: string, context: TemplateContext): string {
  const setting = renderText(template, context);
  if (!rule.forEach || !setting.startsWith("@")) return setting;
  const item = context.scope.current as Record<string, unknown> | undefined;
  const base = rule.forEach.path.replace(/\[\*\]$/, "");
  return `${base}[${rule.forEach.key}=${String(item?.[rule.forEach.key] ?? "")}]${setting.slice(1)}`;
}

function skipped(check: Check | undefined, scope: Scope): boolean {
  if (!check) return false;
  try {
    return evaluateCheck(check, scope);
  } catch {
    return false;
  }
}

function resolveFix(rule: Rule, context: TemplateContext): ResolvedFix {
  const { fix } = rule;
  if (fix.kind === "manual") return { kind: "manual", instructions: renderText(fix.instructions, context) };
  const writes = "writes" in fix ? fix.writes : [{ setting: rule.setting, value: "{{recommended}}" as Json, tool: fix.tool, arguments: fix.arguments }];
  return {
    kind: "apply",
    writes: writes.map((write) => {
      const setting = concreteSetting(rule, write.setting, context);
      return {
        setting,
        current: currentValueOf(setting, context.scope),
        value: renderTemplate(write.value as Json, context),
        tool: write.tool,
        arguments: renderTemplate(write.arguments, context) as Record<string, Json>,
        skip: skipped("skipWhen" in write ? write.skipWhen : undefined, context.scope),
      };
    }),
  };
}

function currentValueOf(setting: string, scope: Scope): Json {
  try {
    return toJson(resolve(setting, scope));
  } catch {
    return null;
  }
}

function judge(rule: Rule, scope: Scope): { status: FindingStatus; reason?: string } {
  try {
    if (rule.appliesWhen && !evaluateCheck(rule.appliesWhen, scope)) return { status: "not_applicable", reason: "The rule's precondition does not hold" };
    return { status: evaluateCheck(rule.check, scope) ? "pass" : "fail" };
  } catch (error) {
    return { status: "not_evaluated", reason: `The rule could not be evaluated: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function finding(rule: Rule, scope: Scope, verdict: { status: FindingStatus; reason?: string }): Finding {
  // The recommended value may itself name a snapshot value, e.g. the category Sonarr is configured to use.
  const recommended = renderTemplate(rule.recommended as Json, { scope, recommended: null });
  const context: TemplateContext = { scope, recommended };
  const setting = concreteSetting(rule, rule.setting, context);
  const target = rule.forEach ? String((scope.current as Record<string, unknown> | undefined)?.[rule.forEach.key] ?? "") : undefined;
  return {
    ruleId: rule.id,
    app: rule.app,
    title: rule.title,
    status: verdict.status,
    ...(verdict.reason ? { reason: verdict.reason } : {}),
    ...(target !== undefined ? { target } : {}),
    setting,
    currentValue: verdict.status === "not_evaluated" ? null : currentValueOf(setting, scope),
    recommendedValue: recommended,
    priority: rule.priority,
    category: rule.category,
    why: rule.why,
    source: rule.source,
    fix: resolveFix(rule, context),
    ...(rule.blocking ? { blocking: true } : {}),
  };
}

function evaluateRule(rule: Rule, snapshot: StackSnapshot): Finding[] {
  const root: Scope = { root: snapshot };
  const missing = missingInput(rule, snapshot);
  if (missing) return [finding(rule, root, { status: "not_evaluated", reason: missing })];
  if (!rule.forEach) return [finding(rule, root, judge(rule, root))];
  const items = resolve(rule.forEach.path, root).flatMap((value) => (Array.isArray(value) ? value : [value]));
  if (items.length === 0) return [finding(rule, root, { status: "not_applicable", reason: `Nothing configured at ${rule.forEach.path}` })];
  return items.map((item) => {
    const scope: Scope = { root: snapshot, current: item };
    return finding(rule, scope, judge(rule, scope));
  });
}

/** One finding per rule (per item for forEach rules); an app missing from the snapshot gives not_evaluated, never an error. */
export function evaluate(rules: readonly Rule[], snapshot: StackSnapshot): Finding[] {
  return rules.flatMap((rule) => evaluateRule(rule, snapshot));
}

/** Only the failures, most important first (blocking, then priority high → low), then by app, rule and item. */
export function recommendations(findings: readonly Finding[]): Finding[] {
  return findings
    .filter((f) => f.status === "fail")
    .sort(
      (a, b) =>
        Number(b.blocking === true) - Number(a.blocking === true) ||
        PRIORITY_WEIGHT[b.priority] - PRIORITY_WEIGHT[a.priority] ||
        a.app.localeCompare(b.app) ||
        a.ruleId.localeCompare(b.ruleId) ||
        (a.target ?? "").localeCompare(b.target ?? ""),
    );
}
