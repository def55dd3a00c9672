// Reads the apps' configuration through the orchestrator into a StackSnapshot: one snapshot-tool call per app, all
// apps in one callMany; an app whose connector predates its snapshot tool is read with the single tools instead.
import { type AnyToolRef, type ArrAppId, type ToolOutput, tools } from "@autoarr/contract";
import type { z } from "zod";
import { appSnapshotSchemas, stackSnapshotSchema, type AppSnapshot, type StackSnapshot } from "./snapshot.schema";
import type { App } from "./rule.schema";
import { cacheKey } from "../platform/cache-keys";
import type { Env } from "../platform/env";
import { Cache } from "../platform/cache";
import { type HubClient, hubFor } from "../connectors/hub-client";
import type { CallContext } from "../../durable-objects/tenant-hub/orchestrator";
import { type ToolCall, toolCall } from "../connectors/tool-call";

type AppRead = { ok: true; config: unknown } | { ok: false; error: string };

/** What each call of an app's reader answered, typed by its ref; an optional read that failed is undefined. */
type Answers<C extends Record<string, ToolCall>, Optional extends keyof C> = { [K in Exclude<keyof C, Optional>]: ToolOutput<C[K]["tool"]> } & {
  [K in Optional]?: ToolOutput<C[K]["tool"]>;
};

/**
 * How one app's part of the snapshot is read: in one call of its snapshot tool or, from a connector older than that
 * tool, with the single tools the snapshot stands for (their answers gathered into what the snapshot tool answers).
 */
interface AppReader {
  snapshot: ToolCall;
  fromSnapshot(answer: unknown): unknown;
  calls: Array<[key: string, call: ToolCall]>;
  /** Reads an audit can do without (a connector older than the tool still gets its audit). */
  optional: ReadonlySet<string>;
  gather(answers: Record<string, unknown>): unknown;
}

function reader<R extends AnyToolRef, const C extends Record<string, ToolCall<AnyToolRef>>, S, Optional extends keyof C & string = never>(
  snapshot: R,
  fromSnapshot: (answer: ToolOutput<R>) => S,
  calls: C,
  gather: (answers: Answers<C, Optional>) => ToolOutput<R>,
  optional: readonly Optional[] = [],
): AppReader {
  return {
    snapshot: toolCall(snapshot as AnyToolRef),
    // Each answer was checked against its own ref's output schema by the hub client's callMany.
    fromSnapshot: (answer) => fromSnapshot(answer as ToolOutput<R>),
    calls: Object.entries(calls),
    optional: new Set(optional),
    gather: (answers) => fromSnapshot(gather(answers as Answers<C, Optional>)),
  };
}

type Gathered<A extends App> = z.input<(typeof appSnapshotSchemas)[A]>;

const sabnzbdReader = reader(
  tools.sabnzbd.configSnapshot,
  // Each section's `config` is SABnzbd's own object, open in the contract: the snapshot schema checks its shape.
  // SABnzbd answers null for a section with nothing in it.
  ({ version, config, warnings }) => ({
    version,
    config: { misc: config.misc ?? {}, servers: config.servers ?? [], categories: config.categories ?? [], sorters: config.sorters ?? [] },
    ...(warnings ? { warnings } : {}),
  }),
  {
    version: toolCall(tools.sabnzbd.version),
    misc: toolCall(tools.sabnzbd.getConfig, { section: "misc" }),
    servers: toolCall(tools.sabnzbd.getConfig, { section: "servers" }),
    categories: toolCall(tools.sabnzbd.getConfig, { section: "categories" }),
    sorters: toolCall(tools.sabnzbd.getConfig, { section: "sorters" }),
    warnings: toolCall(tools.sabnzbd.warnings),
  },
  (a) => ({
    version: a.version.version,
    config: { misc: a.misc.config, servers: a.servers.config, categories: a.categories.config, sorters: a.sorters.config },
    ...(a.warnings ? { warnings: a.warnings.warnings } : {}),
  }),
  ["warnings"],
);

function arrReader(app: ArrAppId): AppReader {
  const t = tools[app];
  return reader(
    t.configSnapshot,
    (answer): Gathered<ArrAppId> => answer,
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
    (a) => ({
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
  tools.plex.configSnapshot,
  (answer): Gathered<"plex"> => answer,
  { identity: toolCall(tools.plex.identity), preferences: toolCall(tools.plex.preferences, {}), libraries: toolCall(tools.plex.libraries) },
  (a) => ({ identity: a.identity, preferences: a.preferences.settings, libraries: a.libraries.libraries }),
);

/**
 * Prowlarr's tools came into the connector together with prowlarr_config_snapshot, and its general settings have no
 * single tool: there is no older connector to read it from piece by piece, so the single-tool read is the snapshot itself.
 */
const prowlarrReader = reader(
  tools.prowlarr.configSnapshot,
  (answer): Gathered<"prowlarr"> => answer,
  { snapshot: toolCall(tools.prowlarr.configSnapshot) },
  (a) => a.snapshot,
);

const READERS: Record<App, AppReader> = {
  sabnzbd: sabnzbdReader,
  sonarr: arrReader("sonarr"),
  radarr: arrReader("radarr"),
  plex: plexReader,
  prowlarr: prowlarrReader,
};

/** The one connector call that reads an app's configuration (its snapshot tool). */
export function snapshotCallFor(app: App): ToolCall {
  return READERS[app].snapshot;
}

/** The connector calls that read one app's configuration without its snapshot tool, keyed by the answer they give. */
export function callsFor(app: App): Array<[key: string, call: ToolCall]> {
  return READERS[app].calls;
}

type Assembled<A extends App> = { ok: true; config: AppSnapshot<A> } | { ok: false; error: string };

function checked<A extends App>(app: A, gathered: unknown): Assembled<A> {
  const parsed = appSnapshotSchemas[app].safeParse(gathered);
  if (parsed.success) return { ok: true, config: parsed.data as AppSnapshot<A> };
  const where = parsed.error.issues[0]?.path.join(".") ?? "";
  return { ok: false, error: `${app} configuration had an unexpected shape at ${[app, where].filter(Boolean).join(".")}` };
}

/** One app's part of the snapshot from its snapshot tool's answer, or why it has not the shape the catalogue reads. */
export function assembleSnapshot<A extends App>(app: A, answer: unknown): Assembled<A> {
  return checked(app, READERS[app].fromSnapshot(answer));
}

/** One app's part of the snapshot from its single tools' answers, or why it has not the shape the catalogue reads. */
export function assemble<A extends App>(app: A, answers: Record<string, unknown>): Assembled<A> {
  return checked(app, READERS[app].gather(answers));
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
  let slowestCallMs = 0;
  if (toRead.length > 0) {
    const hub = hubFor(env, tenantId);
    const context = options.traceparent ? { traceparent: options.traceparent } : {};
    const fresh = await readWithSnapshotTools(hub, toRead, context);
    const older = toRead.filter((app) => !fresh.reads[app]);
    const fallback = older.length > 0 ? await readWithSingleTools(hub, older, context) : { reads: {}, slowestCallMs: 0 };
    slowestCallMs = Math.max(fresh.slowestCallMs, fallback.slowestCallMs);
    await Promise.all(
      toRead.map(async (app) => {
        const read = fresh.reads[app] ?? fallback.reads[app]!;
        reads[app] = read;
        if (read.ok) await cache.put("config", cacheKey.tenant(tenantId, "config", app), read.config);
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

interface Reads {
  reads: Partial<Record<App, AppRead>>;
  slowestCallMs: number;
}

/** One call per app, all in flight at once; an app whose connector does not offer its snapshot tool is left unread. */
async function readWithSnapshotTools(hub: HubClient, apps: readonly App[], context: CallContext): Promise<Reads> {
  const outcomes = await hub.callMany(
    apps.map((app) => READERS[app].snapshot),
    context,
  );
  const reads: Partial<Record<App, AppRead>> = {};
  let slowestCallMs = 0;
  outcomes.forEach((outcome, i) => {
    const app = apps[i]!;
    slowestCallMs = Math.max(slowestCallMs, outcome.latencyMs);
    if (outcome.ok) reads[app] = assembleSnapshot(app, outcome.data);
    else if (outcome.error.kind !== "unknown_tool") reads[app] = { ok: false, error: outcome.error.message };
  });
  return { reads, slowestCallMs };
}

/** A connector older than the snapshot tools: every single tool of every app, in one batch. */
async function readWithSingleTools(hub: HubClient, apps: readonly App[], context: CallContext): Promise<Reads> {
  const plan = apps.flatMap((app) => callsFor(app).map(([key, call]) => ({ app, key, call })));
  const outcomes = await hub.callMany(
    plan.map((p) => p.call),
    context,
  );
  const answers: Partial<Record<App, Record<string, unknown>>> = {};
  const errors: Partial<Record<App, string>> = {};
  let slowestCallMs = 0;
  outcomes.forEach((outcome, i) => {
    const { app, key } = plan[i]!;
    slowestCallMs = Math.max(slowestCallMs, outcome.latencyMs);
    if (outcome.ok) (answers[app] ??= {})[key] = outcome.data;
    else if (!READERS[app].optional.has(key)) errors[app] ??= outcome.error.message;
  });
  const reads: Partial<Record<App, AppRead>> = {};
  for (const app of apps) {
    const error = errors[app];
    reads[app] = error ? { ok: false, error } : assemble(app, answers[app] ?? {});
  }
  return { reads, slowestCallMs };
}

/** After a write, the cached configuration of that app is stale. */
export async function invalidateConfig(env: Env, tenantId: string, app: App): Promise<void> {
  await new Cache(env.CACHE).delete(cacheKey.tenant(tenantId, "config", app));
}
