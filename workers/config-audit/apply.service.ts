// Applies a recommendation or rolls a change back: re-read the setting, refuse if it moved, write through the
// connector, read it back to verify, and record the change. A write whose outcome is unknown is reconciled by reading.
import type { CallOutcome } from "../../durable-objects/tenant-hub/call-outcome";
import { sameValue } from "../audit/coerce";
import { parsePath, resolve, rootOf } from "../audit/path";
import { evaluate } from "../audit/rule-engine";
import { APPS, type App, type Rule } from "../audit/rule.schema";
import type { StackSnapshot } from "../audit/snapshot.schema";
import type { Json } from "../audit/template";
import type { Env } from "../env";
import { AppError, notFound } from "../errors";
import { recordActivity } from "../services/activity";
import { database } from "../services/db";
import { callErrorToAppError, hubFor } from "../services/tenant-hub";
import { findChange, findRecommendation, insertChange, markRolledBack, setRecommendationStatus, type ChangeView } from "./audit.repo";
import { loadRules } from "./catalogue.service";
import { invalidateConfig, readSnapshot } from "./snapshot-reader";

export interface Actor {
  env: Env;
  tenantId: string;
  userId: string | null;
  traceparent?: string;
}

type ToolCall = { tool: string; arguments: Record<string, Json> };

const APP_NAMES: Record<App, string> = { sabnzbd: "SABnzbd", sonarr: "Sonarr", radarr: "Radarr", plex: "Plex" };
const ARR_RESOURCES: Record<string, string> = { host: "host", mediamanagement: "mediamanagement", naming: "naming", downloadclientConfig: "downloadclient" };
const show = (value: Json) => JSON.stringify(value);

/** Setting values as the apps serve them: SABnzbd's 0/1 and numeric strings, lists as comma-separated text. */
export function valuesMatch(actual: unknown, expected: Json): boolean {
  if (Array.isArray(expected) || Array.isArray(actual)) {
    const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : typeof v === "string" ? v.split(",").map((s) => s.trim()).filter(Boolean) : [String(v)]);
    return JSON.stringify(list(actual)) === JSON.stringify(list(expected));
  }
  if (expected === null || typeof expected === "object") return JSON.stringify(actual ?? null) === JSON.stringify(expected);
  if (actual === null || actual === undefined) return expected === "";
  return sameValue(actual, expected) || (typeof actual !== "object" && sameValue(expected, actual as string | number | boolean));
}

/** The same setting value however the app spells it this time: SABnzbd serves a switch as 0/1 after a start and false/true after a write. */
const sameSetting = (a: Json, b: Json) => JSON.stringify(a) === JSON.stringify(b) || (valuesMatch(a, b) && valuesMatch(b, a));

/** The connector call that sets a concrete setting path to a value, for the settings AutoArr can write. */
export function writeCall(setting: string, value: Json): ToolCall | undefined {
  let steps;
  try {
    steps = parsePath(setting).steps;
  } catch {
    return undefined;
  }
  const names = steps.map((s) => (s.kind === "field" ? s.name : s.kind === "filter" && s.key === "name" ? `[${String(s.value)}]` : undefined));
  if (names.includes(undefined) || value === null || (typeof value === "object" && !Array.isArray(value))) return undefined;
  const [app, a, b, c, d, extra] = names as string[];
  if (app === "sabnzbd" && a === "config" && extra === undefined) {
    const scalar = Array.isArray(value) ? value.join(",") : value;
    if (b === "misc" && c && d === undefined) return { tool: "sabnzbd_set_config", arguments: { section: "misc", keyword: c, value: scalar } };
    if ((b === "servers" || b === "categories") && c?.startsWith("[") && d) return { tool: "sabnzbd_set_config", arguments: { section: b, name: c.slice(1, -1), keyword: d, value: scalar } };
  }
  if ((app === "sonarr" || app === "radarr") && a && ARR_RESOURCES[a] && b && !b.startsWith("[") && c === undefined && !Array.isArray(value)) {
    return { tool: `${app}_config_update`, arguments: { resource: ARR_RESOURCES[a], values: { [b]: value } } };
  }
  return undefined;
}

function appsOf(rule: Rule): App[] {
  const apps = new Set<App>([rule.app]);
  for (const path of rule.reads) {
    const root = rootOf(path);
    if ((APPS as readonly string[]).includes(root ?? "")) apps.add(root as App);
  }
  return [...apps];
}

async function readFresh(actor: Actor, apps: App[], need: App): Promise<StackSnapshot> {
  const { snapshot } = await readSnapshot(actor.env, actor.tenantId, apps, { cached: false, ...(actor.traceparent ? { traceparent: actor.traceparent } : {}) });
  const outage = snapshot.unavailable?.[need];
  if (outage) throw new AppError("upstream_unavailable", `${APP_NAMES[need]} could not be read: ${outage}`, { source: need });
  return snapshot;
}

const valueAt = (snapshot: StackSnapshot, setting: string): Json => (resolve(setting, { root: snapshot })[0] ?? null) as Json;

/** Writes, then reads the setting back. A timeout or unknown outcome is settled by what the app now holds. */
async function writeAndVerify(actor: Actor, app: App, setting: string, call: ToolCall, expected: Json): Promise<Json> {
  const outcome: CallOutcome = await hubFor(actor.env, actor.tenantId).callTool(actor.tenantId, call.tool, call.arguments, actor.traceparent ? { traceparent: actor.traceparent } : {});
  await invalidateConfig(actor.env, actor.tenantId, app);
  const uncertain = !outcome.ok && (outcome.error.kind === "timeout" || outcome.error.kind === "outcome_unknown");
  if (!outcome.ok && !uncertain) throw callErrorToAppError(outcome.error);
  const after = valueAt(await readFresh(actor, [app], app), setting);
  if (valuesMatch(after, expected)) return after;
  if (uncertain) throw new AppError("upstream_unavailable", `${APP_NAMES[app]} did not confirm the change and ${setting} still reads ${show(after)}; nothing was recorded`, { source: app });
  throw new AppError("upstream_error", `${APP_NAMES[app]} accepted the change but ${setting} reads back ${show(after)} instead of ${show(expected)}; nothing was recorded`, { source: app, readBack: after });
}

export interface DryRun {
  app: App;
  setting: string;
  before: Json;
  after: Json;
}

export async function applyRecommendation(actor: Actor, id: string, dryRun: boolean): Promise<DryRun | { change: ChangeView }> {
  const db = database(actor.env.DB);
  const rec = await findRecommendation(db, actor.tenantId, id);
  if (!rec) throw notFound("Recommendation");
  if (rec.fix === "manual") throw new AppError("conflict", `This recommendation is changed by hand: ${rec.instructions ?? "see the app's settings"}`);
  if (rec.status !== "open") throw new AppError("conflict", `This recommendation is already ${rec.status}`);

  const rule = (await loadRules(actor.env)).find((r) => r.id === rec.ruleId);
  if (!rule) throw new AppError("conflict", `Rule ${rec.ruleId} is no longer in the catalogue; run a new audit`);
  const snapshot = await readFresh(actor, appsOf(rule), rec.app);
  const finding = evaluate([rule], snapshot).find((f) => f.setting === rec.setting && (rec.target === undefined || f.target === rec.target));
  const now = finding ? finding.currentValue : valueAt(snapshot, rec.setting);
  if (valuesMatch(now, rec.recommendedValue)) {
    throw new AppError("conflict", `${rec.setting} is already set to ${show(now)}; nothing was changed`, { now });
  }
  if (!finding || !sameSetting(now, rec.currentValue)) {
    throw new AppError("conflict", `${rec.setting} changed since the audit (was ${show(rec.currentValue)}, now ${show(now)}); run a new audit`, { before: rec.currentValue, now });
  }
  if (finding.fix.kind !== "apply") throw new AppError("conflict", `This recommendation is changed by hand: ${finding.fix.instructions}`);
  if (dryRun) return { app: rec.app, setting: rec.setting, before: now, after: rec.recommendedValue };

  const after = await writeAndVerify(actor, rec.app, rec.setting, { tool: finding.fix.tool, arguments: finding.fix.arguments }, rec.recommendedValue);
  const change = await insertChange(db, { tenantId: actor.tenantId, userId: actor.userId, recommendationId: rec.id, app: rec.app, setting: rec.setting, before: now, after });
  await setRecommendationStatus(db, actor.tenantId, rec.id, "applied");
  await recordActivity(db, actor.tenantId, {
    app: rec.app, kind: "change", level: "info",
    message: `Changed ${APP_NAMES[rec.app]} ${rec.setting} from ${show(now)} to ${show(after)} (${rec.title})`,
    data: { changeId: change.id, recommendationId: rec.id, setting: rec.setting, before: now, after },
  });
  return { change };
}

export async function rollbackChange(actor: Actor, id: string): Promise<{ change: ChangeView }> {
  const db = database(actor.env.DB);
  const original = await findChange(db, actor.tenantId, id);
  if (!original) throw notFound("Change");
  if (original.rolledBackAt) throw new AppError("conflict", "This change was already rolled back");
  const call = writeCall(original.setting, original.before);
  if (!call) throw new AppError("conflict", `${original.setting} cannot be restored to ${show(original.before)} automatically; change it in ${APP_NAMES[original.app]}`);
  const now = valueAt(await readFresh(actor, [original.app], original.app), original.setting);
  if (!valuesMatch(now, original.after)) {
    throw new AppError("conflict", `${original.setting} was changed again since (expected ${show(original.after)}, now ${show(now)}); nothing was rolled back`, { expected: original.after, now });
  }
  const restored = await writeAndVerify(actor, original.app, original.setting, call, original.before);
  const change = await insertChange(db, {
    tenantId: actor.tenantId, userId: actor.userId, recommendationId: original.recommendationId, app: original.app, setting: original.setting,
    before: now, after: restored, rollbackOf: original.id,
  });
  await markRolledBack(db, actor.tenantId, original.id);
  if (original.recommendationId) await setRecommendationStatus(db, actor.tenantId, original.recommendationId, "open");
  await recordActivity(db, actor.tenantId, {
    app: original.app, kind: "change", level: "info",
    message: `Rolled back ${APP_NAMES[original.app]} ${original.setting} to ${show(restored)}`,
    data: { changeId: change.id, rollbackOf: original.id, setting: original.setting, before: now, after: restored },
  });
  return { change };
}

export async function dismissRecommendation(env: Env, tenantId: string, id: string) {
  const db = database(env.DB);
  const rec = await findRecommendation(db, tenantId, id);
  if (!rec) throw notFound("Recommendation");
  await setRecommendationStatus(db, tenantId, id, "dismissed");
  const { auditId: _a, target: _t, ...view } = rec;
  return { ...view, status: "dismissed" as const };
}
