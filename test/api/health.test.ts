import { describe, expect, it } from "vitest";
import { api, errorOf, signUp } from "../helpers";

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
});
