// Starts a simulator for every registry app (SABnzbd, Sonarr, Radarr, Plex, Prowlarr): one shared demo world, one port each.
import { APP_IDS, type AppId } from "@autoarr/contract";
import { createArrSim } from "./arr/arr.sim.js";
import { createPlexSim } from "./plex/plex.sim.js";
import { createProwlarrSim } from "./prowlarr/prowlarr.sim.js";
import type { Profile } from "./profiles.js";
import { createSabnzbdSim } from "./sabnzbd/sabnzbd.sim.js";
import { createScenario, ScenarioUnavailable, scenarioRequestSchema } from "./scenarios/diagnosis-scenarios.js";
import { NOT_COMPLETE } from "./seed.js";
import {
  startSimServer,
  type Faults,
  type SimApp,
  type LoggedRequest,
  type RunningSim,
  type SimHooks,
  type SimRequest,
  type SimResponse,
} from "./sim-server.js";
import { World, type SimKeys } from "./world.js";

export type SimulatedApp = AppId;

/** One simulator per registry app: a registry entry without one here does not compile. */
export const SIMULATORS: { [A in AppId]: { create(world: World): SimApp; demoPort: number; demoKey: string } } = {
  sabnzbd: { create: createSabnzbdSim, demoPort: 18080, demoKey: "demo5ab0000000000000000000000001" },
  sonarr: { create: (world) => createArrSim("sonarr", world), demoPort: 18989, demoKey: "demo50aa000000000000000000000002" },
  radarr: { create: (world) => createArrSim("radarr", world), demoPort: 17878, demoKey: "demo7ada000000000000000000000003" },
  plex: { create: createPlexSim, demoPort: 32499, demoKey: "demo-plex-token-4xYz" },
  prowlarr: { create: createProwlarrSim, demoPort: 19696, demoKey: "demo9a01000000000000000000000005" },
};

const perApp = <T>(value: (app: SimulatedApp) => T) => Object.fromEntries(APP_IDS.map((app) => [app, value(app)])) as Record<SimulatedApp, T>;

/** Fixed ports used by `autoarr-connector start --demo` and `simulators` (chosen to avoid the apps' real defaults). */
export const DEMO_PORTS: Record<SimulatedApp, number> = perApp((app) => SIMULATORS[app].demoPort);

/** Fixed demo credentials (not secrets: they only open the simulators). */
export const DEMO_KEYS: Record<SimulatedApp, string> = perApp((app) => SIMULATORS[app].demoKey);

export interface SimulatorOptions {
  profile?: Profile;
  /** Port per app; 0 (the default) picks a free port. */
  ports?: Partial<Record<SimulatedApp, number>>;
  host?: string;
  keys?: Partial<Record<SimulatedApp, string>>;
}

export interface RunningSimulators {
  urls: Record<SimulatedApp, string>;
  keys: Record<SimulatedApp, string>;
  world: World;
  /** Fault injection without HTTP (same semantics as POST /__sim/faults). */
  setFaults(app: SimulatedApp, faults: Faults | undefined): void;
  requests(app: SimulatedApp): LoggedRequest[];
  reset(profile?: Profile): void;
  close(): Promise<void>;
}

const json = (status: number, body: unknown): SimResponse => ({ status, json: body });

function worldHooks(world: World): SimHooks {
  const target = (request: SimRequest) => {
    const body = (request.body ?? {}) as { downloadId?: string; id?: number };
    return world.findDownload({ ...(body.downloadId ? { downloadId: body.downloadId } : {}), ...(body.id !== undefined ? { id: Number(body.id) } : {}) });
  };
  return {
    worldAction: (action, request) => {
      if (action === "diagnosis-scenarios" && request.method === "GET") return json(200, world.seededScenarios);
      if (request.method !== "POST") return undefined;
      if (action === "diagnosis-scenario") return diagnosisScenario(world, request.body);
      const body = (request.body ?? {}) as Record<string, unknown>;
      if (action === "reset") {
        const profile = body.profile === "demo" || body.profile === "well-configured" ? body.profile : undefined;
        world.reset(profile);
        return json(200, { reset: true, profile: world.profile });
      }
      if (action === "tick") return json(200, world.tick(Number(body.seconds ?? 60)));
      if (action === "queue/fail") {
        const download = target(request);
        if (!download) return json(404, { error: "no such download" });
        world.failDownload(download, typeof body.message === "string" ? body.message : NOT_COMPLETE);
        return json(200, { downloadId: download.nzoId, state: download.state });
      }
      if (action === "queue/progress") {
        const download = target(request);
        if (!download) return json(404, { error: "no such download" });
        if (typeof body.percent === "number") download.leftBytes = Math.round(download.sizeBytes * (1 - Math.min(100, Math.max(0, body.percent)) / 100));
        if (body.state === "stalled" || body.state === "downloading" || body.state === "paused") download.state = body.state;
        if (download.leftBytes === 0 && download.state === "downloading") world.importDownload(download);
        return json(200, { downloadId: download.nzoId, state: download.state, leftBytes: download.leftBytes });
      }
      return undefined;
    },
  };
}

/** POST /__sim/diagnosis-scenario {scenario, app?}: a fresh item broken at one link (scenarios/diagnosis-scenarios.ts). */
function diagnosisScenario(world: World, body: unknown): SimResponse {
  const parsed = scenarioRequestSchema.safeParse(body ?? {});
  if (!parsed.success) return json(400, { error: "invalid scenario request", issues: parsed.error.issues });
  try {
    const before = new Set(world.downloads);
    const result = createScenario(world, parsed.data.scenario, parsed.data.app);
    if (parsed.data.downloadId) nameExternalJob(world, before, parsed.data.downloadId);
    return json(200, result);
  } catch (error) {
    if (error instanceof ScenarioUnavailable) return json(409, { error: error.message });
    throw error;
  }
}

/** Points the scenario's new download, and the history naming it, at a job another SABnzbd holds (test/stack's real one). */
function nameExternalJob(world: World, before: Set<World["downloads"][number]>, downloadId: string): void {
  for (const download of world.downloads.filter((d) => !before.has(d))) {
    for (const event of world.history) if (event.downloadId === download.nzoId) event.downloadId = downloadId;
    download.nzoId = downloadId;
  }
}

export async function startSimulators(options: SimulatorOptions = {}): Promise<RunningSimulators> {
  const host = options.host ?? "127.0.0.1";
  const appKeys = perApp((app) => options.keys?.[app] ?? DEMO_KEYS[app]);
  const keys: SimKeys = { ...appKeys, sabnzbdNzb: "demo5ab0nzb0000000000000000000009" };
  // Ports are only known after listening; the world reads them lazily for config values that mention them.
  const ports = perApp((app) => options.ports?.[app] ?? 0);
  const world = new World(keys, ports, options.profile ?? "demo");
  const hooks = worldHooks(world);
  const servers: Partial<Record<SimulatedApp, RunningSim>> = {};
  try {
    for (const app of APP_IDS) servers[app] = await startSimServer(SIMULATORS[app].create(world), hooks, { host, port: ports[app] });
  } catch (error) {
    await Promise.allSettled(Object.values(servers).map((s) => s?.close()));
    throw error;
  }
  const running = servers as Record<SimulatedApp, RunningSim>;
  for (const app of Object.keys(running) as SimulatedApp[]) ports[app] = running[app].port;
  world.reset(world.profile);
  return {
    urls: perApp((app) => running[app].url),
    keys: appKeys,
    world,
    setFaults: (app, faults) => running[app].setFaults(faults),
    requests: (app) => running[app].requests(),
    reset: (profile) => world.reset(profile),
    close: async () => {
      await Promise.all(Object.values(running).map((s) => s.close()));
    },
  };
}

export type { Faults, LoggedRequest, Profile };
