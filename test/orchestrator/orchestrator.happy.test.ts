import { describe, expect, it } from "vitest";
import { api } from "../helpers";
import { hub, pairedTenantsForThisFile, sim } from "../stacks";

const paired = pairedTenantsForThisFile();

describe("orchestrator: calls through the tenant's connector", () => {
  it("lists the connector's tools and calls one, returning its structured data", async () => {
    const { owner } = await paired("tools");
    const tools = await api("/api/v1/mcp/tools", { token: owner.accessToken });
    expect(tools.status).toBe(200);
    const names = ((await tools.json()) as { tools: { name: string }[] }).tools.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(["sabnzbd_queue", "sonarr_queue", "radarr_queue", "plex_libraries"]));

    const call = await api("/api/v1/mcp/call", { method: "POST", token: owner.accessToken, json: { tool: "sonarr_system_status", arguments: {} } });
    expect(call.status).toBe(200);
    const body = (await call.json()) as { app: string; data: { appName?: string; version?: string }; attempts: number };
    expect(body.app).toBe("sonarr");
    expect(body.data.version).toBeTruthy();
    expect(body.attempts).toBe(1);
  });

  it("validates arguments against the tool's schema with a 400", async () => {
    const { owner, stack } = await paired("badargs");
    const response = await api("/api/v1/mcp/call", {
      method: "POST",
      token: owner.accessToken,
      json: { tool: "sonarr_queue", arguments: { pageSize: "lots" } },
    });
    expect(response.status).toBe(400);
    const unknown = await api("/api/v1/mcp/call", { method: "POST", token: owner.accessToken, json: { tool: "sonarr_make_coffee", arguments: {} } });
    expect(unknown.status).toBe(404);
    // Nothing reached Sonarr for either.
    expect((await sim.requests(stack, "sonarr")).filter((r) => r.path.includes("queue"))).toHaveLength(0);
  });

  it("reuses one MCP session across calls", async () => {
    const { owner } = await paired("session");
    for (let i = 0; i < 3; i++) {
      expect((await api("/api/v1/mcp/call", { method: "POST", token: owner.accessToken, json: { tool: "plex_identity", arguments: {} } })).status).toBe(200);
    }
    expect(await hub(owner.tenant.id).connectorSessionsOpened()).toBe(1);
  });

  it("shows every app and the connector healthy at /health right after pairing", async () => {
    const { owner } = await paired("health");
    const response = await api("/health", { token: owner.accessToken });
    const body = (await response.json()) as { services: Record<string, { state: string; lastSuccessAt: string | null; latencyMs: number | null }> };
    expect(Object.keys(body.services).sort()).toEqual(["connector", "plex", "prowlarr", "radarr", "sabnzbd", "sonarr"]);
    for (const service of Object.values(body.services)) {
      expect(service.state).toBe("closed");
      expect(service.lastSuccessAt).not.toBeNull();
    }
    const one = await api("/health/sonarr", { token: owner.accessToken });
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({ state: "closed", lastError: null });
  });

  it("gives the queue, history, shows, movies and libraries in AutoArr's shapes", async () => {
    const { owner } = await paired("data");
    const queue = (await (await api("/api/v1/downloads/queue", { token: owner.accessToken })).json()) as {
      items: { app: string; progress: number; problem: string | null }[];
      sources: Record<string, { status: string }>;
    };
    expect(queue.sources).toEqual({ sabnzbd: { status: "ok" }, sonarr: { status: "ok" }, radarr: { status: "ok" } });
    expect(queue.items.length).toBeGreaterThan(0);
    for (const item of queue.items) expect(item.progress).toBeGreaterThanOrEqual(0);
    expect(queue.items.some((i) => i.problem !== null)).toBe(true);

    const history = (await (await api("/api/v1/downloads/history", { token: owner.accessToken })).json()) as {
      items: { status: string; reason: string | null }[];
    };
    expect(history.items.some((i) => i.status === "failed" && i.reason)).toBe(true);

    const shows = (await (await api("/api/v1/shows", { token: owner.accessToken })).json()) as { items: { title: string; tvdbId: number }[] };
    expect(shows.items.length).toBeGreaterThan(5);
    expect(shows.items[0]!.tvdbId).toBeGreaterThan(0);
    const movies = (await (await api("/api/v1/movies", { token: owner.accessToken })).json()) as { items: { tmdbId: number }[] };
    expect(movies.items.length).toBeGreaterThan(5);
    const libraries = (await (await api("/api/v1/media/libraries", { token: owner.accessToken })).json()) as { items: { type: string }[] };
    expect(libraries.items.map((l) => l.type)).toEqual(expect.arrayContaining(["movie", "show"]));
  });

  it("serves the queue from KV for 30 s instead of asking the apps again", async () => {
    const { owner, stack } = await paired("cached");
    await api("/api/v1/downloads/queue", { token: owner.accessToken });
    const before = (await sim.requests(stack, "sonarr")).filter((r) => r.path.endsWith("/queue")).length;
    await api("/api/v1/downloads/queue", { token: owner.accessToken });
    const after = (await sim.requests(stack, "sonarr")).filter((r) => r.path.endsWith("/queue")).length;
    expect(before).toBe(1);
    expect(after).toBe(1);
  });
});

describe("orchestrator: a tenant without a connector", () => {
  it("answers 409 telling the user to pair one", async () => {
    const { signUp } = await import("../helpers");
    const owner = await signUp("lonely");
    for (const path of ["/api/v1/mcp/tools", "/api/v1/downloads/queue", "/api/v1/shows", "/api/v1/movies", "/api/v1/media/libraries"]) {
      const response = await api(path, { token: owner.accessToken });
      expect(response.status, path).toBe(409);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/pair/i);
    }
  });
});
