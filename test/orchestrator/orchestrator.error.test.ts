import { abortAllDurableObjects, env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { TenantHub } from "../../durable-objects/tenant-hub/tenant-hub.do";
import { api, errorOf } from "../helpers";
import { hub, hubStub, pairedTenantsForThisFile, sim, type Stack, stopConnector } from "../stacks";

const paired = pairedTenantsForThisFile();

const sonarrCalls = async (stack: Stack) => (await sim.requests(stack, "sonarr")).filter((r) => r.path.endsWith("/system/status")).length;

async function advanceClock(tenantId: string, ms: number) {
  await runInDurableObject(hubStub(tenantId), (instance: TenantHub) => {
    const base = instance.clock;
    instance.clock = () => base() + ms;
  });
}

async function openSonarrCircuit(tenantId: string, stack: Stack) {
  await sim.faults(stack, "sonarr", { status: 500, failNext: 1000 });
  const h = hub(tenantId);
  for (let i = 0; i < 2; i++) await h.callByName("sonarr_system_status", {});
  expect((await h.serviceHealth()).sonarr?.state).toBe("open");
}

describe("orchestrator resilience", () => {
  it("opens an app's circuit after 5 consecutive failures, then fails fast without calling the app", async () => {
    const { owner, stack } = await paired("breaker");
    await sim.faults(stack, "sonarr", { status: 500, failNext: 1000 });
    const h = hub(owner.tenant.id);
    const first = await h.callByName("sonarr_system_status", {});
    expect(first).toMatchObject({ ok: false, attempts: 3, error: { kind: "app_unavailable", source: "sonarr" } });
    expect((await h.serviceHealth()).sonarr?.state).toBe("closed");

    await h.callByName("sonarr_system_status", {});
    expect(await sonarrCalls(stack)).toBe(5);
    expect((await h.serviceHealth()).sonarr).toMatchObject({ state: "open", lastError: expect.stringContaining("HTTP 500") });

    const fastFail = await api("/api/v1/mcp/call", { method: "POST", token: owner.accessToken, json: { tool: "sonarr_system_status" } });
    expect(fastFail.status).toBe(503);
    expect(Number(fastFail.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await errorOf(fastFail)).message).toMatch(/paused/);
    expect(await sonarrCalls(stack)).toBe(5);

    // Other apps are unaffected.
    expect((await h.callByName("radarr_system_status", {})).ok).toBe(true);
  });

  it("half-opens after the open period and closes when the trial call succeeds", async () => {
    const { owner, stack } = await paired("halfopen");
    await openSonarrCircuit(owner.tenant.id, stack);
    await sim.clearFaults(stack, "sonarr");
    const h = hub(owner.tenant.id);
    expect((await h.callByName("sonarr_system_status", {})).ok).toBe(false);

    await advanceClock(owner.tenant.id, 61_000);
    const trial = await h.callByName("sonarr_system_status", {});
    expect(trial.ok).toBe(true);
    expect((await h.serviceHealth()).sonarr?.state).toBe("closed");
  });

  it("reopens when the half-open trial fails", async () => {
    const { owner, stack } = await paired("reopen");
    await openSonarrCircuit(owner.tenant.id, stack);
    const before = await sonarrCalls(stack);
    await advanceClock(owner.tenant.id, 61_000);
    const h = hub(owner.tenant.id);
    const trial = await h.callByName("sonarr_system_status", {});
    expect(trial.ok).toBe(false);
    expect(await sonarrCalls(stack)).toBe(before + 1);
    expect((await h.serviceHealth()).sonarr?.state).toBe("open");
    await h.callByName("sonarr_system_status", {});
    expect(await sonarrCalls(stack)).toBe(before + 1);
  });

  it("records circuit changes in the activity log", async () => {
    const { owner, stack } = await paired("activity");
    await openSonarrCircuit(owner.tenant.id, stack);
    const rows = await env.DB.prepare("SELECT app, kind, level, message FROM activity_log WHERE tenant_id = ? AND kind = 'circuit'")
      .bind(owner.tenant.id)
      .all<{ app: string; level: string; message: string }>();
    expect(rows.results).toEqual([expect.objectContaining({ app: "sonarr", level: "error", message: expect.stringContaining("open") })]);
  });

  it("retries a read that fails twice and succeeds on the third attempt", async () => {
    const { owner, stack } = await paired("retry");
    await sim.faults(stack, "sonarr", { status: 503, failNext: 2 });
    const outcome = await hub(owner.tenant.id).callByName("sonarr_system_status", {});
    expect(outcome).toMatchObject({ ok: true, attempts: 3 });
    expect(await sonarrCalls(stack)).toBe(3);
  });

  it("never retries a write", async () => {
    const { owner, stack } = await paired("noretry");
    await sim.faults(stack, "sonarr", { status: 500, failNext: 1 });
    const outcome = await hub(owner.tenant.id).callByName("sonarr_command", { name: "RefreshMonitoredDownloads" });
    expect(outcome).toMatchObject({ ok: false, attempts: 1 });
    const commands = (await sim.requests(stack, "sonarr")).filter((r) => r.method === "POST" && r.path.endsWith("/command"));
    expect(commands).toHaveLength(1);
  });

  it("times out a slow app without holding the others back, and callMany returns each call's own result", async () => {
    const { owner, stack } = await paired("slow", { connectorTimeoutMs: 2_000 });
    await sim.faults(stack, "radarr", { latencyMs: 8_000 });
    await sim.faults(stack, "plex", { down: true });
    const outcomes = await hub(owner.tenant.id).callManyByName([
      { tool: "sabnzbd_version" },
      { tool: "sonarr_system_status" },
      { tool: "radarr_system_status" },
      { tool: "plex_identity" },
    ]);
    const byApp = Object.fromEntries(outcomes.map((o) => [o.app, o]));
    expect(byApp.sabnzbd?.ok).toBe(true);
    expect(byApp.sonarr?.ok).toBe(true);
    expect(byApp.radarr).toMatchObject({ ok: false, error: { source: "radarr" } });
    expect(byApp.plex).toMatchObject({ ok: false, error: { kind: "app_unavailable", source: "plex" } });
    // Radarr waited out the connector's 2 s timeout; the others answered without waiting for it.
    expect(byApp.radarr!.latencyMs).toBeGreaterThanOrEqual(2_000);
    expect(byApp.sabnzbd!.latencyMs).toBeLessThan(byApp.radarr!.latencyMs);
    expect(byApp.sonarr!.latencyMs).toBeLessThan(byApp.radarr!.latencyMs);
  });

  it("keeps an open circuit open after the object is evicted and rebuilt", async () => {
    const { owner, stack } = await paired("evicted");
    await openSonarrCircuit(owner.tenant.id, stack);
    await abortAllDurableObjects();
    const h = hub(owner.tenant.id);
    expect((await h.serviceHealth()).sonarr?.state).toBe("open");
    const before = await sonarrCalls(stack);
    expect((await h.callByName("sonarr_system_status", {})).ok).toBe(false);
    expect(await sonarrCalls(stack)).toBe(before);
  });

  it("answers 503 with a clear message when the connector is down, never a 500", async () => {
    const { owner, stack } = await paired("connectordown");
    expect((await api("/api/v1/mcp/call", { method: "POST", token: owner.accessToken, json: { tool: "plex_identity" } })).status).toBe(200);
    await stopConnector(stack);
    const response = await api("/api/v1/mcp/call", { method: "POST", token: owner.accessToken, json: { tool: "plex_identity" } });
    expect(response.status).toBe(503);
    expect((await errorOf(response)).message).toMatch(/connector/i);
    const queue = await api("/api/v1/downloads/queue", { token: owner.accessToken });
    expect(queue.status).toBe(503);
  });
});
