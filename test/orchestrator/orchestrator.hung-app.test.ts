// A hung app (the simulator's "hang" fault: connections accepted, never answered, like SABnzbd under SIGSTOP), through
// a real connector process: it costs one connector timeout, is that app's failure alone, and the others keep working.
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { TenantHub } from "../../durable-objects/tenant-hub/tenant-hub.do";
import { api } from "../helpers";
import { hub, hubStub, pairedTenantsForThisFile, sim } from "../stacks";

const paired = pairedTenantsForThisFile();
const CONNECTOR_TIMEOUT_MS = 1_000;

async function advanceClock(tenantId: string, ms: number) {
  await runInDurableObject(hubStub(tenantId), (instance: TenantHub) => {
    const base = instance.clock;
    instance.clock = () => base() + ms;
  });
}

type Services = Record<string, { state: string; lastError: string | null; lastErrorAt: string | null }>;

async function publicHealth(token: string): Promise<Services> {
  return ((await (await api("/health", { token })).json()) as { services: Services }).services;
}

describe("a hung SABnzbd", () => {
  it("answers after one connector timeout naming SABnzbd, opens only SABnzbd's circuit, and Sonarr keeps answering", async () => {
    const { owner, stack } = await paired("hung", { connectorTimeoutMs: CONNECTOR_TIMEOUT_MS });
    const tenantId = owner.tenant.id;
    const h = hub(tenantId);
    expect((await h.callByName("sabnzbd_queue", {})).ok).toBe(true);
    const queueAsks = async () => (await sim.requests(stack, "sabnzbd")).filter((r) => r.query.mode === "queue").length;
    const before = await queueAsks();

    await sim.faults(stack, "sabnzbd", { hang: true });
    const [sabnzbd, sonarr] = await h.callManyByName([{ tool: "sabnzbd_queue" }, { tool: "sonarr_system_status" }]);
    expect(sabnzbd).toMatchObject({
      ok: false,
      app: "sabnzbd",
      attempts: 1,
      error: { kind: "timeout", source: "sabnzbd", message: "SABnzbd did not answer within 1 s" },
    });
    expect(sabnzbd!.latencyMs).toBeGreaterThanOrEqual(CONNECTOR_TIMEOUT_MS);
    expect(sabnzbd!.latencyMs).toBeLessThan(2 * CONNECTOR_TIMEOUT_MS);
    expect(sonarr).toMatchObject({ ok: true, app: "sonarr" });

    // Four more timeouts reach the default threshold of five: SABnzbd's circuit opens, the connector's does not.
    for (let i = 0; i < 4; i++) expect((await h.callByName("sabnzbd_queue", {})).ok).toBe(false);
    expect(await queueAsks()).toBe(before + 5);
    const health = await h.serviceHealth();
    expect(health.sabnzbd).toMatchObject({ state: "open", lastError: "SABnzbd did not answer within 1 s", lastErrorAt: expect.any(String) });
    expect(Date.now() - Date.parse(health.sabnzbd!.lastErrorAt!)).toBeLessThan(30_000);
    expect(health.connector).toMatchObject({ state: "closed", lastError: null, lastErrorAt: null });
    expect(health.sonarr?.state).toBe("closed");
    expect((await h.callByName("sonarr_system_status", {})).ok).toBe(true);
    expect((await publicHealth(owner.accessToken)).sabnzbd).toMatchObject({ state: "open", lastError: "SABnzbd did not answer within 1 s" });

    // Resumed (SIGCONT): the half-open trial succeeds and the circuit closes with no stale error beside it.
    await sim.clearFaults(stack, "sabnzbd");
    await advanceClock(tenantId, 61_000);
    expect((await h.callByName("sabnzbd_queue", {})).ok).toBe(true);
    const recovered = (await publicHealth(owner.accessToken)).sabnzbd;
    expect(recovered).toMatchObject({ state: "closed", lastError: null, lastErrorAt: null });
  });
});
