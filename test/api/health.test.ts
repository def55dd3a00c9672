import { describe, expect, it } from "vitest";
import { api, errorOf, signUp } from "../helpers";
import { hub, pairedTenantsForThisFile, sim } from "../stacks";

const paired = pairedTenantsForThisFile();

interface Report {
  status: string;
  checks: Record<string, { status: string }>;
  services: Record<string, { state: string; lastError: string | null }>;
}

describe("health", () => {
  it("reports the Worker, D1 and KV", async () => {
    const response = await api("/health");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; checks: Record<string, { status: string; latencyMs: number }>; services: object };
    expect(body.status).toBe("ok");
    expect(Object.keys(body.checks).sort()).toEqual(["d1", "kv", "worker"]);
    for (const probe of Object.values(body.checks)) expect(probe.status).toBe("ok");
    expect(body.services).toEqual({});
  });

  it("reports one part by name", async () => {
    const response = await api("/health/d1");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok" });
  });

  it("answers 404 for a part it does not track", async () => {
    const owner = await signUp("health");
    const response = await api("/health/sonarr", { token: owner.accessToken });
    expect(response.status).toBe(404);
    expect((await errorOf(response)).message).toContain("sonarr");
  });

  it("says degraded to the signed-in tenant while its only app is down, and ok again once it answers; signed out it stays platform-only", async () => {
    const { owner, stack } = await paired("health-down");
    const up = await api("/health", { token: owner.accessToken });
    expect(up.status).toBe(200);
    expect(((await up.json()) as Report).status).toBe("ok");

    await sim.faults(stack, "sabnzbd", { down: true });
    await hub(owner.tenant.id).runHealthCheck();
    const down = await api("/health", { token: owner.accessToken });
    // The platform answers (so not a 503), but the tenant's SABnzbd does not.
    expect(down.status).toBe(200);
    const report = (await down.json()) as Report;
    expect(report.services.sabnzbd!.lastError).toBeTruthy();
    expect(report.status).toBe("degraded");
    for (const probe of Object.values(report.checks)) expect(probe.status).toBe("ok");
    const one = await api("/health/sabnzbd", { token: owner.accessToken });
    expect(one.status).toBe(503);
    expect(await one.json()).toMatchObject({ lastError: expect.any(String) });
    expect((await api("/health/sonarr", { token: owner.accessToken })).status).toBe(200);

    const anonymous = (await (await api("/health")).json()) as Report;
    expect(anonymous).toMatchObject({ status: "ok", services: {} });

    await sim.clearFaults(stack, "sabnzbd");
    await hub(owner.tenant.id).runHealthCheck();
    const again = (await (await api("/health", { token: owner.accessToken })).json()) as Report;
    expect(again.services.sabnzbd).toMatchObject({ state: "closed", lastError: null });
    expect(again.status).toBe("ok");
  });
});
