// Applies a recommendation or rolls a change back: re-read the settings, refuse if one moved, write each through the
// connector and read it back, and record the change. A fix that writes several settings is applied, recorded and
// rolled back as one: if a later write fails, the earlier ones are put back. A write whose outcome is unknown is
// reconciled by reading.
import { type AnyToolRef, displayName, tools } from "@autoarr/contract";
import { sameValue } from "./coerce";
import { parsePath, resolve, rootOf } from "./path";
import { evaluate } from "./rule-engine";
import { APPS, type App, type Rule } from "./rule.schema";
import type { StackSnapshot } from "./snapshot.schema";
import type { Json } from "./template";
import type { Env } from "../platform/env";
import { AppError, notFound } from "../platform/errors";
import { recordActivity } from "../activity/activity.service";
import { database } from "../platform/db/database";
import { callErrorToAppError, hubFor } from "../connectors/hub-client";
import { type ToolCall, toolCall } from "../connectors/tool-call";
import { findChange, findRecommendation, insertChange, markRolledBack, setRecommendationStatus, type ChangeView, type SettingWrite } from "./audit.repo";
import { loadRules } from "./catalogue.service";
import { invalidateConfig, readSnapshot } from "./snapshot-reader";

export interface Actor {
  env: Env;
  tenantId: string;
  userId: string | null;
  traceparent?: string;
}

const APP_NAMES = Object.fromEntries(APPS.map((app) => [app, displayName(app)])) as Record<App, string>;
/** Where each settings page of Sonarr/Radarr sits in the snapshot, and the resource its config tools take. */
const ARR_RESOURCES = { host: "host", mediamanagement: "mediamanagement", naming: "naming", downloadclientConfig: "downloadclient" } as const;
const isArrPage = (name: string): name is keyof typeof ARR_RESOURCES => Object.hasOwn(ARR_RESOURCES, name);
const show = (value: Json) => JSON.stringify(value);

/** Setting values as the apps serve them: SABnzbd's 0/1 and numeric strings, lists as comma-separated text. */
export function valuesMatch(actual: unknown, expected: Json): boolean {
  if (Array.isArray(expected) || Array.isArray(actual)) {
    const list = (v: unknown) =>
      Array.isArray(v)
        ? v.map(String)
        : typeof v === "string"
          ? v
              .split(",")
              .map((s) => s.trim())
              .filter(Boolean)
          : [String(v)];
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
    if (b === "misc" && c && d === undefined) return toolCall(tools.sabnzbd.setConfig, { section: "misc", keyword: c, value: scalar });
    if ((b === "servers" || b === "categories") && c?.startsWith("[") && d)
      return toolCall(tools.sabnzbd.setConfig, { section: b, name: c.slice(1, -1), keyword: d, value: scalar });
  }
  if ((app === "sonarr" || app === "radarr") && a && isArrPage(a) && b && !b.startsWith("[") && c === undefined && !Array.isArray(value)) {
    return toolCall(tools[app].configUpdate, { resource: ARR_RESOURCES[a], values: { [b]: value } });
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

/** The app's connector tool a rule's fix names (`sonarr_config_update`), as its contract ref. */
function refNamed(app: App, name: string): AnyToolRef {
  const ref = Object.values(tools[app] as Record<string, AnyToolRef>).find((r) => r.name === name);
  if (!ref) throw new AppError("conflict", `${name} is not a ${APP_NAMES[app]} tool of the connector; run a new audit`);
  return ref;
}

/** Writes, then reads the setting back. A timeout or unknown outcome is settled by what the app now holds. */
async function writeAndVerify(actor: Actor, app: App, setting: string, call: ToolCall, expected: Json): Promise<Json> {
  const outcome = await hubFor(actor.env, actor.tenantId).call(call.tool, call.arguments ?? {}, actor.traceparent ? { traceparent: actor.traceparent } : {});
  await invalidateConfig(actor.env, actor.tenantId, app);
  const uncertain = !outcome.ok && (outcome.error.kind === "timeout" || outcome.error.kind === "outcome_unknown");
  if (!outcome.ok && !uncertain) throw callErrorToAppError(outcome.error);
  const after = valueAt(await readFresh(actor, [app], app), setting);
  if (valuesMatch(after, expected)) return after;
  if (uncertain)
    throw new AppError("upstream_unavailable", `${APP_NAMES[app]} did not confirm the change and ${setting} still reads ${show(after)}; nothing was recorded`, {
      source: app,
    });
  throw new AppError(
    "upstream_error",
    `${APP_NAMES[app]} accepted the change but ${setting} reads back ${show(after)} instead of ${show(expected)}; nothing was recorded`,
    { source: app, readBack: after },
  );
}

/** A setting to write: the value it holds now, the value it gets, and the connector call that writes it. */
interface Step extends SettingWrite {
  call: ToolCall;
}

const listOf = (settings: string[]) => (settings.length <= 1 ? (settings[0] ?? "") : `${settings.slice(0, -1).join(", ")} and ${settings.at(-1)}`);

/** Puts back, newest first, the settings a half-done change already wrote; says which could not be put back. */
async function undo(
  actor: Actor,
  app: App,
  done: SettingWrite[],
): Promise<{ undone: string[]; stuck: Array<{ setting: string; restoreTo: Json; error: string }> }> {
  const undone: string[] = [];
  const stuck: Array<{ setting: string; restoreTo: Json; error: string }> = [];
  for (const write of [...done].reverse()) {
    const call = writeCall(write.setting, write.before);
    try {
      if (!call) throw new AppError("conflict", "AutoArr cannot write this setting back");
      await writeAndVerify(actor, app, write.setting, call, write.before);
      undone.push(write.setting);
    } catch (error) {
      stuck.push({ setting: write.setting, restoreTo: write.before, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return { undone, stuck };
}

/**
 * Writes the steps in order, each read back. When one fails, the ones already written are put back, so the change
 * happens whole or not at all, and the error says what was undone (or, if SABnzbd refused that too, what was not).
 */
async function writeAll(actor: Actor, app: App, steps: Step[]): Promise<SettingWrite[]> {
  const done: SettingWrite[] = [];
  for (const step of steps) {
    try {
      const after = await writeAndVerify(actor, app, step.setting, step.call, step.after);
      done.push({ setting: step.setting, before: step.before, after });
    } catch (error) {
      if (done.length === 0) throw error;
      const failure = error instanceof AppError ? error : new AppError("upstream_error", String(error));
      const { undone, stuck } = await undo(actor, app, done);
      const told = [
        undone.length > 0 ? `${listOf(undone)} ${undone.length > 1 ? "were" : "was"} changed back` : "",
        ...stuck.map((s) => `${s.setting} could not be changed back (${s.error}): set it to ${show(s.restoreTo)} in ${APP_NAMES[app]}`),
      ]
        .filter(Boolean)
        .join("; ");
      throw new AppError(failure.code, `${step.setting} could not be changed: ${failure.message}. ${told}; nothing was recorded`, {
        failed: step.setting,
        undone,
        notUndone: stuck,
        cause: failure.details ?? null,
      });
    }
  }
  return done;
}

const describeWrites = (app: App, writes: SettingWrite[]) =>
  writes.map((w) => `${APP_NAMES[app]} ${w.setting} from ${show(w.before)} to ${show(w.after)}`).join(", ");

export interface DryRun {
  app: App;
  /** The first setting that would change (every one is in writes). */
  setting: string;
  before: Json;
  after: Json;
  writes: SettingWrite[];
}

export async function applyRecommendation(actor: Actor, id: string, dryRun: boolean): Promise<DryRun | { change: ChangeView }> {
  const db = database(actor.env.DB);
  const rec = await findRecommendation(db, actor.tenantId, id);
  if (!rec) throw notFound("Recommendation");
  if (rec.fix === "none")
    throw new AppError("conflict", `This is what ${APP_NAMES[rec.app]} reports itself; AutoArr has nothing to change for it (dismiss it once read)`);
  if (rec.fix === "manual") throw new AppError("conflict", `This recommendation is changed by hand: ${rec.instructions ?? "see the app's settings"}`);
  if (rec.status !== "open") throw new AppError("conflict", `This recommendation is already ${rec.status}`);

  const rule = (await loadRules(actor.env)).find((r) => r.id === rec.ruleId);
  if (!rule) throw new AppError("conflict", `Rule ${rec.ruleId} is no longer in the catalogue; run a new audit`);
  const snapshot = await readFresh(actor, appsOf(rule), rec.app);
  const finding = evaluate([rule], snapshot).find((f) => f.setting === rec.setting && (rec.target === undefined || f.target === rec.target));
  const now = finding ? finding.currentValue : valueAt(snapshot, rec.setting);
  if (!finding)
    throw new AppError("conflict", `${rec.setting} changed since the audit (was ${show(rec.currentValue)}, now ${show(now)}); run a new audit`, {
      before: rec.currentValue,
      now,
    });
  if (finding.fix.kind !== "apply")
    throw new AppError(
      "conflict",
      `This recommendation is changed by hand: ${finding.fix.kind === "manual" ? finding.fix.instructions : "see the app's settings"}`,
    );

  const writes = finding.fix.writes;
  const needed = writes.filter((w) => !w.skip && !valuesMatch(w.current, w.value));
  if (needed.length === 0) {
    const held = writes.map((w) => `${w.setting} is already set to ${show(w.current)}`).join(", ");
    throw new AppError("conflict", `${held}; nothing was changed`, { now });
  }
  // Each setting must still hold what the audit saw (the audit kept the others' values beside the recommendation).
  const seen = new Map<string, Json>((rec.writes ?? []).map((w) => [w.setting, w.before]));
  seen.set(rec.setting, rec.currentValue);
  const moved = writes.filter((w) => seen.has(w.setting) && !sameSetting(w.current, seen.get(w.setting)!));
  if (moved.length > 0) {
    const what = moved.map((w) => `${w.setting} was ${show(seen.get(w.setting)!)}, now ${show(w.current)}`).join("; ");
    throw new AppError("conflict", `${listOf(moved.map((w) => w.setting))} changed since the audit (${what}); run a new audit`, {
      before: seen.get(moved[0]!.setting),
      now: moved[0]!.current,
      changed: moved.map((w) => ({ setting: w.setting, before: seen.get(w.setting), now: w.current })),
    });
  }
  const plan: Step[] = needed.map((w) => ({
    setting: w.setting,
    before: w.current,
    after: w.value,
    call: { tool: refNamed(rec.app, w.tool), arguments: w.arguments },
  }));
  const first = plan[0]!;
  if (dryRun) return { app: rec.app, setting: first.setting, before: first.before, after: first.after, writes: plan.map(({ call: _call, ...write }) => write) };

  const written = await writeAll(actor, rec.app, plan);
  const change = await insertChange(db, { tenantId: actor.tenantId, userId: actor.userId, recommendationId: rec.id, app: rec.app, writes: written });
  await setRecommendationStatus(db, actor.tenantId, rec.id, "applied");
  await recordActivity(db, actor.tenantId, {
    app: rec.app,
    kind: "change",
    level: "info",
    message: `Changed ${describeWrites(rec.app, written)} (${rec.title})`,
    data: {
      changeId: change.id,
      recommendationId: rec.id,
      setting: written[0]!.setting,
      before: written[0]!.before,
      after: written[0]!.after,
      writes: written,
    },
  });
  return { change };
}

export async function rollbackChange(actor: Actor, id: string): Promise<{ change: ChangeView }> {
  const db = database(actor.env.DB);
  const original = await findChange(db, actor.tenantId, id);
  if (!original) throw notFound("Change");
  if (original.rolledBackAt) throw new AppError("conflict", "This change was already rolled back");
  const calls = original.writes.map((w) => ({ write: w, call: writeCall(w.setting, w.before) }));
  const unwritable = calls.filter((c) => !c.call).map((c) => c.write);
  if (unwritable.length > 0) {
    throw new AppError(
      "conflict",
      `${unwritable.map((w) => `${w.setting} cannot be restored to ${show(w.before)} automatically`).join("; ")}; change it in ${APP_NAMES[original.app]}`,
    );
  }
  const snapshot = await readFresh(actor, [original.app], original.app);
  const current = original.writes.map((w) => ({ ...w, now: valueAt(snapshot, w.setting) }));
  const moved = current.filter((w) => !valuesMatch(w.now, w.after));
  if (moved.length > 0) {
    const what = moved.map((w) => `${w.setting}: expected ${show(w.after)}, now ${show(w.now)}`).join("; ");
    throw new AppError(
      "conflict",
      `${listOf(moved.map((w) => w.setting))} ${moved.length > 1 ? "were" : "was"} changed again since (${what}); nothing was rolled back`,
      {
        expected: moved[0]!.after,
        now: moved[0]!.now,
        changed: moved.map((w) => ({ setting: w.setting, expected: w.after, now: w.now })),
      },
    );
  }
  // Restored newest first, so settings that depend on each other come back in the reverse order they were changed.
  const plan: Step[] = [...calls]
    .reverse()
    .map(({ write, call }) => ({ setting: write.setting, before: current.find((c) => c.setting === write.setting)!.now, after: write.before, call: call! }));
  const restored = await writeAll(actor, original.app, plan);
  const change = await insertChange(db, {
    tenantId: actor.tenantId,
    userId: actor.userId,
    recommendationId: original.recommendationId,
    app: original.app,
    writes: restored,
    rollbackOf: original.id,
  });
  await markRolledBack(db, actor.tenantId, original.id);
  if (original.recommendationId) await setRecommendationStatus(db, actor.tenantId, original.recommendationId, "open");
  await recordActivity(db, actor.tenantId, {
    app: original.app,
    kind: "change",
    level: "info",
    message: `Rolled back ${restored.map((w) => `${APP_NAMES[original.app]} ${w.setting} to ${show(w.after)}`).join(", ")}`,
    data: {
      changeId: change.id,
      rollbackOf: original.id,
      setting: restored[0]!.setting,
      before: restored[0]!.before,
      after: restored[0]!.after,
      writes: restored,
    },
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
