// Reads the apps' configuration through the orchestrator (one callMany, all apps in parallel) into a StackSnapshot.
import type { CallOutcome } from "@autoarr/contract";
import { flattenPlexPrefs, stackSnapshotSchema, type StackSnapshot } from "./snapshot.schema";
import { APPS, type App } from "./rule.schema";
import { cacheKey } from "../platform/cache-keys";
import type { Env } from "../platform/env";
import { Cache } from "../platform/cache";
import { hubFor } from "../connectors/hub-client";

type Call = { tool: string; arguments?: Record<string, unknown> };
type Data = Record<string, unknown>;
type AppRead = { ok: true; config: Data } | { ok: false; error: string };

const ARR_CONFIG = { host: "host", mediamanagement: "mediamanagement", naming: "naming", downloadclientConfig: "downloadclient" } as const;
const SAB_SECTIONS = ["misc", "servers", "categories", "sorters"] as const;
/** Reads an audit can do without: a connector older than the sabnzbd_warnings tool still gets its audit. */
const OPTIONAL_READS = new Set(["sabnzbd:warnings"]);

/** The connector calls that read one app's configuration, keyed by where each answer goes in the snapshot. */
export function callsFor(app: App): Array<[key: string, call: Call]> {
  if (app === "sabnzbd") {
    return [
      ["version", { tool: "sabnzbd_version" }],
      ...SAB_SECTIONS.map((section): [string, Call] => [section, { tool: "sabnzbd_get_config", arguments: { section } }]),
      ["warnings", { tool: "sabnzbd_warnings" }],
    ];
  }
  if (app === "plex") return [["identity", { tool: "plex_identity" }], ["prefs", { tool: "plex_preferences" }], ["libraries", { tool: "plex_libraries" }]];
  return [
    ["status", { tool: `${app}_system_status` }],
    ...Object.entries(ARR_CONFIG).map(([key, resource]): [string, Call] => [key, { tool: `${app}_config_get`, arguments: { resource } }]),
    ["downloadClients", { tool: `${app}_download_clients` }],
    ["indexers", { tool: `${app}_indexers` }],
    ["qualityProfiles", { tool: `${app}_quality_profiles` }],
    ["rootFolders", { tool: `${app}_root_folders` }],
    ["health", { tool: `${app}_health` }],
  ];
}

const asRecord = (value: unknown): Data => (value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Data) : {});
const asList = (value: unknown): Data[] => (Array.isArray(value) ? value.map(asRecord) : []);
/** The connector flattens provider `fields[]` to `settings`; rules read them the way the apps serve them. */
const withFields = (item: Data): Data => ({ ...item, fields: Object.entries(asRecord(item.settings)).map(([name, value]) => ({ name, value })) });

/** Turns the connector's projections back into the shapes the apps' own APIs serve, which is what the rules read. */
export function assemble(app: App, answers: Record<string, unknown>): Data {
  if (app === "sabnzbd") {
    const config = Object.fromEntries(SAB_SECTIONS.map((section) => [section, asRecord(answers[section]).config ?? (section === "misc" ? {} : [])]));
    return { version: String(asRecord(answers.version).version ?? ""), config, warnings: asList(asRecord(answers.warnings).warnings) };
  }
  if (app === "plex") {
    const settings = asList(asRecord(answers.prefs).settings).map((s) => ({ id: String(s.id ?? ""), value: s.value }));
    return {
      identity: asRecord(answers.identity),
      prefs: flattenPlexPrefs(settings),
      libraries: asList(asRecord(answers.libraries).libraries).map((library) => ({
        ...library,
        Location: (Array.isArray(library.locations) ? library.locations : []).map((path) => ({ path })),
      })),
    };
  }
  return {
    status: asRecord(answers.status),
    ...Object.fromEntries(Object.keys(ARR_CONFIG).map((key) => [key, asRecord(asRecord(answers[key]).values)])),
    downloadClients: asList(asRecord(answers.downloadClients).downloadClients).map(withFields),
    indexers: asList(asRecord(answers.indexers).indexers).map(withFields),
    qualityProfiles: asList(asRecord(answers.qualityProfiles).profiles).map((profile) => ({
      ...profile,
      items: (Array.isArray(profile.allowedQualities) ? profile.allowedQualities : []).map((name) => ({ name, allowed: true })),
    })),
    rootFolders: asList(asRecord(answers.rootFolders).rootFolders),
    health: asList(asRecord(answers.health).issues),
  };
}

export interface SnapshotRead {
  snapshot: StackSnapshot;
  /** The slowest connector call of the apps read now (0 when everything came from the cache). */
  slowestCallMs: number;
}

export interface ReadOptions {
  cached: boolean;
  traceparent?: string;
}

/** Reads the given apps; an app whose configuration cannot be read is listed under `unavailable`, never thrown. */
export async function readSnapshot(env: Env, tenantId: string, apps: readonly App[], options: ReadOptions): Promise<SnapshotRead> {
  const cache = new Cache(env.CACHE);
  const reads: Partial<Record<App, AppRead>> = {};
  if (options.cached) {
    await Promise.all(apps.map(async (app) => {
      const config = await cache.get<Data>("config", cacheKey.tenant(tenantId, "config", app));
      if (config) reads[app] = { ok: true, config };
    }));
  }
  const toRead = apps.filter((app) => !reads[app]);
  const plan = toRead.flatMap((app) => callsFor(app).map(([key, call]) => ({ app, key, call })));
  let slowestCallMs = 0;
  if (plan.length > 0) {
    const outcomes: CallOutcome[] = await hubFor(env, tenantId).callMany(tenantId, plan.map((p) => p.call), options.traceparent ? { traceparent: options.traceparent } : {});
    const answers: Partial<Record<App, Record<string, unknown>>> = {};
    const errors: Partial<Record<App, string>> = {};
    outcomes.forEach((outcome, i) => {
      const { app, key } = plan[i]!;
      slowestCallMs = Math.max(slowestCallMs, outcome.latencyMs);
      if (outcome.ok) (answers[app] ??= {})[key] = outcome.data;
      else if (!OPTIONAL_READS.has(`${app}:${key}`)) errors[app] ??= outcome.error.message;
    });
    await Promise.all(toRead.map(async (app) => {
      const error = errors[app];
      if (error) return void (reads[app] = { ok: false, error });
      const config = assemble(app, answers[app] ?? {});
      reads[app] = { ok: true, config };
      await cache.put("config", cacheKey.tenant(tenantId, "config", app), config);
    }));
  }
  const raw: Data = {};
  const unavailable: Partial<Record<App, string>> = {};
  for (const app of apps) {
    const read = reads[app]!;
    if (read.ok) raw[app] = read.config;
    else unavailable[app] = read.error;
  }
  const parsed = stackSnapshotSchema.safeParse({ ...raw, ...(Object.keys(unavailable).length > 0 ? { unavailable } : {}) });
  if (parsed.success) return { snapshot: parsed.data, slowestCallMs };
  // One app's answer did not have the expected shape: mark that app unavailable rather than failing the audit.
  for (const issue of parsed.error.issues) {
    const app = issue.path[0] as App;
    if ((APPS as readonly string[]).includes(app) && raw[app]) {
      delete raw[app];
      unavailable[app] = `${app} configuration had an unexpected shape at ${issue.path.join(".")}`;
    }
  }
  return { snapshot: stackSnapshotSchema.parse({ ...raw, unavailable }), slowestCallMs };
}

/** After a write, the cached configuration of that app is stale. */
export async function invalidateConfig(env: Env, tenantId: string, app: App): Promise<void> {
  await new Cache(env.CACHE).delete(cacheKey.tenant(tenantId, "config", app));
}
