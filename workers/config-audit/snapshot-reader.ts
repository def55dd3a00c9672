// Reads the apps' configuration through the orchestrator (one callMany, all apps in parallel) into a StackSnapshot.
import { type AnyToolRef, type ArrAppId, type ToolOutput, tools } from "@autoarr/contract";
import type { z } from "zod";
import { appSnapshotSchemas, stackSnapshotSchema, type AppSnapshot, type StackSnapshot } from "./snapshot.schema";
import type { App } from "./rule.schema";
import { cacheKey } from "../platform/cache-keys";
import type { Env } from "../platform/env";
import { Cache } from "../platform/cache";
import { hubFor } from "../connectors/hub-client";
import { type ToolCall, toolCall } from "../connectors/tool-call";

type AppRead = { ok: true; config: unknown } | { ok: false; error: string };

/** What each call of an app's reader answered, typed by its ref; an optional read that failed is undefined. */
type Answers<C extends Record<string, ToolCall>, Optional extends keyof C> = { [K in Exclude<keyof C, Optional>]: ToolOutput<C[K]["tool"]> } & {
  [K in Optional]?: ToolOutput<C[K]["tool"]>;
};

/** How one app's part of the snapshot is read: the connector calls by key, and how their answers are gathered. */
interface AppReader {
  calls: Array<[key: string, call: ToolCall]>;
  /** Reads an audit can do without (a connector older than the tool still gets its audit). */
  optional: ReadonlySet<string>;
  gather(answers: Record<string, unknown>): unknown;
}

function reader<const C extends Record<string, ToolCall<AnyToolRef>>, S, Optional extends keyof C & string = never>(
  calls: C,
  gather: (answers: Answers<C, Optional>) => S,
  optional: readonly Optional[] = [],
): AppReader {
  return {
    calls: Object.entries(calls),
    optional: new Set(optional),
    // Each answer was checked against its own ref's output schema by the hub client's callMany.
    gather: (answers) => gather(answers as Answers<C, Optional>),
  };
}

type Gathered<A extends App> = z.input<(typeof appSnapshotSchemas)[A]>;

const sabnzbdReader = reader(
  {
    version: toolCall(tools.sabnzbd.version),
    misc: toolCall(tools.sabnzbd.getConfig, { section: "misc" }),
    servers: toolCall(tools.sabnzbd.getConfig, { section: "servers" }),
    categories: toolCall(tools.sabnzbd.getConfig, { section: "categories" }),
    sorters: toolCall(tools.sabnzbd.getConfig, { section: "sorters" }),
    warnings: toolCall(tools.sabnzbd.warnings),
  },
  // Each section's `config` is SABnzbd's own object, open in the contract: the snapshot schema checks its shape.
  // SABnzbd answers null for a section with nothing in it.
  (a) => ({
    version: a.version.version,
    config: { misc: a.misc.config ?? {}, servers: a.servers.config ?? [], categories: a.categories.config ?? [], sorters: a.sorters.config ?? [] },
    ...(a.warnings ? { warnings: a.warnings.warnings } : {}),
  }),
  ["warnings"],
);

function arrReader(app: ArrAppId): AppReader {
  const t = tools[app];
  return reader(
    {
      status: toolCall(t.systemStatus),
      host: toolCall(t.configGet, { resource: "host" }),
      mediamanagement: toolCall(t.configGet, { resource: "mediamanagement" }),
      naming: toolCall(t.configGet, { resource: "naming" }),
      downloadclientConfig: toolCall(t.configGet, { resource: "downloadclient" }),
      downloadClients: toolCall(t.downloadClients),
      indexers: toolCall(t.indexers),
      qualityProfiles: toolCall(t.qualityProfiles),
      rootFolders: toolCall(t.rootFolders),
      health: toolCall(t.health),
    },
    (a): Gathered<ArrAppId> => ({
      status: a.status,
      host: a.host.values,
      mediamanagement: a.mediamanagement.values,
      naming: a.naming.values,
      downloadclientConfig: a.downloadclientConfig.values,
      downloadClients: a.downloadClients.downloadClients,
      indexers: a.indexers.indexers,
      qualityProfiles: a.qualityProfiles.profiles,
      rootFolders: a.rootFolders.rootFolders,
      health: a.health.issues,
    }),
  );
}

const plexReader = reader(
  { identity: toolCall(tools.plex.identity), preferences: toolCall(tools.plex.preferences, {}), libraries: toolCall(tools.plex.libraries) },
  (a): Gathered<"plex"> => ({ identity: a.identity, preferences: a.preferences.settings, libraries: a.libraries.libraries }),
);

const READERS: Record<App, AppReader> = { sabnzbd: sabnzbdReader, sonarr: arrReader("sonarr"), radarr: arrReader("radarr"), plex: plexReader };

/** The connector calls that read one app's configuration, keyed by the answer they give the snapshot. */
export function callsFor(app: App): Array<[key: string, call: ToolCall]> {
  return READERS[app].calls;
}

/** One app's part of the snapshot from its answers, or why it has not the shape the catalogue reads. */
export function assemble<A extends App>(app: A, answers: Record<string, unknown>): { ok: true; config: AppSnapshot<A> } | { ok: false; error: string } {
  const parsed = appSnapshotSchemas[app].safeParse(READERS[app].gather(answers));
  if (parsed.success) return { ok: true, config: parsed.data as AppSnapshot<A> };
  const where = parsed.error.issues[0]?.path.join(".") ?? "";
  return { ok: false, error: `${app} configuration had an unexpected shape at ${[app, where].filter(Boolean).join(".")}` };
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
    await Promise.all(
      apps.map(async (app) => {
        const cached = await cache.get<unknown>("config", cacheKey.tenant(tenantId, "config", app));
        // An entry cached in an older shape is read again rather than trusted.
        if (cached !== undefined && cached !== null && appSnapshotSchemas[app].safeParse(cached).success) reads[app] = { ok: true, config: cached };
      }),
    );
  }
  const toRead = apps.filter((app) => !reads[app]);
  const plan = toRead.flatMap((app) => callsFor(app).map(([key, call]) => ({ app, key, call })));
  let slowestCallMs = 0;
  if (plan.length > 0) {
    const outcomes = await hubFor(env, tenantId).callMany(
      plan.map((p) => p.call),
      options.traceparent ? { traceparent: options.traceparent } : {},
    );
    const answers: Partial<Record<App, Record<string, unknown>>> = {};
    const errors: Partial<Record<App, string>> = {};
    outcomes.forEach((outcome, i) => {
      const { app, key } = plan[i]!;
      slowestCallMs = Math.max(slowestCallMs, outcome.latencyMs);
      if (outcome.ok) (answers[app] ??= {})[key] = outcome.data;
      else if (!READERS[app].optional.has(key)) errors[app] ??= outcome.error.message;
    });
    await Promise.all(
      toRead.map(async (app) => {
        const error = errors[app];
        if (error) return void (reads[app] = { ok: false, error });
        const assembled = assemble(app, answers[app] ?? {});
        reads[app] = assembled;
        if (assembled.ok) await cache.put("config", cacheKey.tenant(tenantId, "config", app), assembled.config);
      }),
    );
  }
  const snapshot: Record<string, unknown> = {};
  const unavailable: Partial<Record<App, string>> = {};
  for (const app of apps) {
    const read = reads[app]!;
    if (read.ok) snapshot[app] = read.config;
    else unavailable[app] = read.error;
  }
  if (Object.keys(unavailable).length > 0) snapshot.unavailable = unavailable;
  return { snapshot: stackSnapshotSchema.parse(snapshot), slowestCallMs };
}

/** After a write, the cached configuration of that app is stale. */
export async function invalidateConfig(env: Env, tenantId: string, app: App): Promise<void> {
  await new Cache(env.CACHE).delete(cacheKey.tenant(tenantId, "config", app));
}
