// Gentle hunting end to end: the cron (called with a moved clock, its scheduledTime) starts each tenant's hourly hunt
// at its slot; the hunt reads the wanted lists through a real connector against the simulators and starts one search
// command per app. Batch limits across hours, skipping what was searched, dry run, pause, failures, isolation.
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../workers/index";
import { HOUR_MS } from "../../workers/hunting/hunt.logic";
import { api, type Session, signUp } from "../helpers";
import { pairedTenantsForThisFile, type SimApp, sim, type Stack } from "../stacks";

const paired = pairedTenantsForThisFile();

async function cronAt(ms: number) {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron: "*/2 * * * *", scheduledTime: ms }), env, ctx);
  await waitOnExecutionContext(ctx);
}

interface AppState {
  settings: Record<string, unknown>;
  nextRunAt: string | null;
  searchedLastHour: number;
}
interface Overview {
  apps: Record<"sonarr" | "radarr", AppState>;
  recentRuns: { app: string; status: string; searched: number; dryRun: boolean; message: string; roundTrips: number; at: string }[];
}

async function overview(owner: Session): Promise<Overview> {
  const response = await api("/api/v1/hunting", { token: owner.accessToken });
  expect(response.status).toBe(200);
  return (await response.json()) as Overview;
}

async function configure(owner: Session, app: "sonarr" | "radarr", patch: Record<string, unknown>): Promise<AppState> {
  const response = await api(`/api/v1/hunting/${app}`, { method: "PUT", token: owner.accessToken, json: patch });
  expect(response.status).toBe(200);
  return (await response.json()) as AppState;
}

async function huntLog(owner: Session, query = "") {
  const response = await api(`/api/v1/hunting/log${query}`, { token: owner.accessToken });
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: { app: string; itemId: number; dryRun: boolean; searchedAt: string; label: string }[] }).items;
}

/** The search commands the simulated app received, with the ids each was given. */
async function searchCommands(stack: Stack, app: SimApp): Promise<number[][]> {
  const response = await fetch(`${stack.simulators[app]}/api/v3/command`, { headers: { "X-Api-Key": stack.keys[app] } });
  const commands = (await response.json()) as { name: string; body: { episodeIds?: number[]; movieIds?: number[] } }[];
  return commands.filter((c) => c.name === "EpisodeSearch" || c.name === "MoviesSearch").map((c) => c.body.episodeIds ?? c.body.movieIds ?? []);
}

async function wantedEpisodeIds(stack: Stack): Promise<number[]> {
  const response = await fetch(`${stack.simulators.sonarr}/api/v3/wanted/missing?page=1&pageSize=100&monitored=true`, {
    headers: { "X-Api-Key": stack.keys.sonarr },
  });
  return ((await response.json()) as { records: { id: number }[] }).records.map((r) => r.id);
}

async function huntActivity(owner: Session) {
  const response = await api("/api/v1/activity?kind=hunt&limit=50", { token: owner.accessToken });
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: { app: string; level: string; message: string }[] }).items;
}

/** Sets a Prowlarr indexer's query limit through Prowlarr's own API (PUT /api/v1/indexer/{id}, as its UI saves it). */
async function setQueryLimit(stack: Stack, indexerId: number, queryLimit: number | null, limitsUnit: 0 | 1 = 0) {
  const url = `${stack.simulators.prowlarr}/api/v1/indexer/${indexerId}`;
  const headers = { "Content-Type": "application/json", "X-Api-Key": stack.keys.prowlarr };
  const indexer = (await (await fetch(url, { headers })).json()) as { fields: { name: string; value?: unknown }[] };
  const fields = indexer.fields.map((f) =>
    f.name === "baseSettings.queryLimit" ? { ...f, value: queryLimit } : f.name === "baseSettings.limitsUnit" ? { ...f, value: limitsUnit } : f,
  );
  const response = await fetch(`${url}?forceSave=true`, { method: "PUT", headers, body: JSON.stringify({ ...indexer, fields }) });
  expect(response.status).toBe(202);
}

/** What Prowlarr's limit counts for an indexer since a time: its searches and RSS queries (IndexerLimitService.AtQueryLimit). */
async function queriesSince(stack: Stack, indexerId: number, since: number): Promise<number> {
  const response = await fetch(`${stack.simulators.prowlarr}/api/v1/indexerstats?startDate=${new Date(since).toISOString()}`, {
    headers: { "X-Api-Key": stack.keys.prowlarr },
  });
  const stats = (await response.json()) as { indexers: { indexerId: number; numberOfQueries: number; numberOfRssQueries: number }[] };
  const row = stats.indexers.find((s) => s.indexerId === indexerId);
  return row ? row.numberOfQueries + row.numberOfRssQueries : 0;
}

const dueOf = (state: AppState) => Date.parse(state.nextRunAt ?? "");

describe("hunting on the cron's schedule", () => {
  it("searches at most perHour items an hour in one EpisodeSearch, skipping what it searched, and only at the tenant's slot", async () => {
    const { owner, stack } = await paired("hunt-batches");
    const wanted = await wantedEpisodeIds(stack);
    expect(wanted.length).toBeGreaterThanOrEqual(4);
    const state = await configure(owner, "sonarr", { enabled: true, perHour: 2, lists: ["missing"], skipSearchedWithinHours: 24 });
    const due = dueOf(state);
    expect(due).toBeGreaterThan(Date.now());
    expect(due - Date.now()).toBeLessThanOrEqual(HOUR_MS);

    // A tick before the slot does nothing.
    await cronAt(due - 120_000);
    expect(await searchCommands(stack, "sonarr")).toEqual([]);

    await cronAt(due);
    const first = await searchCommands(stack, "sonarr");
    expect(first).toHaveLength(1);
    expect(first[0]).toHaveLength(2);
    // The next ticks within the hour start nothing more.
    await cronAt(due + 120_000);
    await cronAt(due + 30 * 60_000);
    expect(await searchCommands(stack, "sonarr")).toHaveLength(1);

    await cronAt(due + HOUR_MS);
    const second = await searchCommands(stack, "sonarr");
    expect(second).toHaveLength(2);
    expect(second[1]).toHaveLength(2);
    expect(second[1]!.some((id) => first[0]!.includes(id))).toBe(false);

    const log = await huntLog(owner, "?app=sonarr");
    expect(log).toHaveLength(4);
    expect(new Set(log.map((l) => l.itemId)).size).toBe(4);
    const { recentRuns } = await overview(owner);
    expect(recentRuns.map((r) => [r.app, r.status, r.searched])).toEqual([
      ["sonarr", "searched", 2],
      ["sonarr", "searched", 2],
    ]);
    // One round trip reads every list and Prowlarr's limits, one more starts the searches.
    for (const run of recentRuns) expect(run.roundTrips).toBeLessThanOrEqual(2);
    const activity = await huntActivity(owner);
    expect(activity[0]!.message).toMatch(/^Searched 2 missing episodes of .+ in Sonarr$/);
    await configure(owner, "sonarr", { enabled: false });
  });

  it("a dry run asks the app for nothing and records what it would have searched, every hour again", async () => {
    const { owner, stack } = await paired("hunt-dry");
    const state = await configure(owner, "sonarr", { enabled: true, dryRun: true, perHour: 3, lists: ["missing"] });
    await fetch(`${stack.simulators.sonarr}/__sim/requests`, { method: "DELETE" });
    await cronAt(dueOf(state));
    await cronAt(dueOf(state) + HOUR_MS);
    const commandsSent = (await sim.requests(stack, "sonarr")).filter((r) => r.method !== "GET");
    expect(commandsSent).toEqual([]);
    expect(await searchCommands(stack, "sonarr")).toEqual([]);
    const log = await huntLog(owner);
    expect(log).toHaveLength(6);
    expect(log.every((l) => l.dryRun)).toBe(true);
    // Dry runs neither skip items nor use the hour's room: the second hour would search the same three.
    const hours = [...new Set(log.map((l) => l.searchedAt))];
    expect(hours).toHaveLength(2);
    const idsAt = (at: string) =>
      log
        .filter((l) => l.searchedAt === at)
        .map((l) => l.itemId)
        .sort();
    expect(idsAt(hours[0]!)).toEqual(idsAt(hours[1]!));
    const activity = await huntActivity(owner);
    expect(activity).toHaveLength(2);
    expect(activity[0]!.message).toMatch(/^Would search 3 missing episodes of .+ \(dry run\)$/);
    expect((await overview(owner)).apps.sonarr.searchedLastHour).toBe(0);
    await configure(owner, "sonarr", { enabled: false });
  });

  it("pause stops the hunt without losing the settings; resume picks it up at the next slot", async () => {
    const { owner, stack } = await paired("hunt-pause");
    const state = await configure(owner, "radarr", { enabled: true, perHour: 1, lists: ["missing"] });
    const paused = (await (await api("/api/v1/hunting/radarr/pause", { method: "POST", token: owner.accessToken })).json()) as AppState;
    expect(paused.settings).toMatchObject({ enabled: true, paused: true, perHour: 1 });
    expect(paused.nextRunAt).toBeNull();
    await cronAt(dueOf(state));
    await cronAt(dueOf(state) + HOUR_MS);
    expect(await searchCommands(stack, "radarr")).toEqual([]);

    const resumed = (await (await api("/api/v1/hunting/radarr/resume", { method: "POST", token: owner.accessToken })).json()) as AppState;
    expect(resumed.settings.paused).toBe(false);
    await cronAt(dueOf(resumed));
    const commands = await searchCommands(stack, "radarr");
    expect(commands).toHaveLength(1);
    expect(commands[0]).toHaveLength(1);
    expect((await huntActivity(owner))[0]!.message).toMatch(/^Searched 1 missing movie in Radarr: /);
    await configure(owner, "radarr", { enabled: false });
  });

  it("an app that fails is recorded as a warning, uses none of the hour's room, and the next hour searches in full", async () => {
    const { owner, stack } = await paired("hunt-failure");
    const state = await configure(owner, "sonarr", { enabled: true, perHour: 2, lists: ["missing"] });
    await sim.faults(stack, "sonarr", { down: true });
    await cronAt(dueOf(state));
    await sim.clearFaults(stack, "sonarr");
    const failed = await overview(owner);
    expect(failed.recentRuns[0]).toMatchObject({ app: "sonarr", status: "failed", searched: 0 });
    expect(failed.apps.sonarr.searchedLastHour).toBe(0);
    const activity = await huntActivity(owner);
    expect(activity[0]).toMatchObject({ app: "sonarr", level: "warning" });
    expect(activity[0]!.message).toMatch(/^Hunting in Sonarr stopped: /);
    expect(await huntLog(owner)).toEqual([]);

    // The app is back 40 minutes later: the next slot searches the full two, as the failure used no budget.
    const next = Date.parse(failed.apps.sonarr.nextRunAt ?? "");
    expect(next).toBe(dueOf(state) + HOUR_MS);
    await cronAt(next);
    expect((await searchCommands(stack, "sonarr")).flat()).toHaveLength(2);
    await configure(owner, "sonarr", { enabled: false });
  });

  it("never searches more than the indexers' own limits leave, shared between Sonarr and Radarr", async () => {
    const { owner, stack } = await paired("hunt-indexers");
    const sonarr = await configure(owner, "sonarr", { enabled: true, perHour: 5, lists: ["missing"] });
    await configure(owner, "radarr", { enabled: true, perHour: 5, lists: ["missing"] });
    const due = dueOf(sonarr);
    // NZBgeek may answer three more searches in its day: each item searched queries every indexer once.
    const used = await queriesSince(stack, 1, due - 24 * HOUR_MS);
    await setQueryLimit(stack, 1, used + 3);
    await setQueryLimit(stack, 2, null);

    await cronAt(due);
    const searched = [...(await searchCommands(stack, "sonarr")), ...(await searchCommands(stack, "radarr"))].flat();
    expect(searched).toHaveLength(3);
    const runs = (await overview(owner)).recentRuns;
    expect(runs.map((r) => r.searched).reduce((a, b) => a + b, 0)).toBe(3);
    expect(runs.every((r) => r.searched >= 1)).toBe(true);

    // Used up (the simulated Sonarr and Radarr do not report their searches to Prowlarr, so the limit is lowered to
    // what it counted): the next hour is held back and says by which indexer.
    await setQueryLimit(stack, 1, await queriesSince(stack, 1, due + HOUR_MS - 24 * HOUR_MS));
    await cronAt(due + HOUR_MS);
    expect([...(await searchCommands(stack, "sonarr")), ...(await searchCommands(stack, "radarr"))]).toHaveLength(2);
    const held = (await overview(owner)).recentRuns.slice(0, 2);
    expect(held.map((r) => r.status)).toEqual(["held", "held"]);
    expect(held[0]!.message).toMatch(/NZBgeek has no searches left within its own limit/);
    await configure(owner, "sonarr", { enabled: false });
    await configure(owner, "radarr", { enabled: false });
  });
});

describe("hunting's settings", () => {
  it("starts off, keeps what a partial change leaves out, and refuses bad input with 400", async () => {
    const owner = await signUp("hunt-settings");
    const initial = await overview(owner);
    expect(initial.apps.sonarr.settings).toEqual({
      enabled: false,
      paused: false,
      dryRun: false,
      perHour: 5,
      lists: ["missing", "cutoff"],
      skipSearchedWithinHours: 24,
    });
    expect(initial.apps.sonarr.nextRunAt).toBeNull();
    expect(initial.recentRuns).toEqual([]);

    const changed = await configure(owner, "radarr", { perHour: 7 });
    expect(changed.settings).toMatchObject({ enabled: false, perHour: 7, lists: ["missing", "cutoff"] });
    expect((await configure(owner, "radarr", { lists: ["cutoff"] })).settings).toMatchObject({ perHour: 7, lists: ["cutoff"] });

    for (const bad of [
      { perHour: 0 },
      { perHour: 51 },
      { perHour: 2.5 },
      { lists: [] },
      { lists: ["missing", "missing"] },
      { lists: ["wanted"] },
      { skipSearchedWithinHours: 0 },
      { colour: "red" },
    ]) {
      const response = await api("/api/v1/hunting/radarr", { method: "PUT", token: owner.accessToken, json: bad });
      expect(response.status, JSON.stringify(bad)).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("invalid_request");
    }
    expect((await api("/api/v1/hunting/lidarr", { method: "PUT", token: owner.accessToken, json: { perHour: 3 } })).status).toBe(400);
    expect((await api("/api/v1/hunting/log?limit=0", { token: owner.accessToken })).status).toBe(400);
    expect((await overview(owner)).apps.radarr.settings.perHour).toBe(7);
  });

  it("one tenant's settings, runs and log are never another's", async () => {
    const a = await paired("hunt-tenant-a");
    const b = await signUp("hunt-tenant-b");
    const state = await configure(a.owner, "sonarr", { enabled: true, perHour: 1, lists: ["missing"] });
    await cronAt(dueOf(state));
    expect(await huntLog(a.owner)).toHaveLength(1);

    const seenByB = await overview(b);
    expect(seenByB.apps.sonarr.settings.enabled).toBe(false);
    expect(seenByB.recentRuns).toEqual([]);
    expect(await huntLog(b)).toEqual([]);
    expect(await huntActivity(b)).toEqual([]);
    await configure(b, "sonarr", { perHour: 9, paused: true });
    expect((await overview(a.owner)).apps.sonarr.settings).toMatchObject({ enabled: true, paused: false, perHour: 1 });
    await configure(a.owner, "sonarr", { enabled: false });
  });
});
