// Plain-language requests against the simulated apps: clear matches, choices, duplicates, nothing found, seasons, progress.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { api } from "../helpers";
import { hub, pairedTenantsForThisFile, sim } from "../stacks";
import { request, type RequestBody, tick, toolData } from "./request-helpers";

const tenant = pairedTenantsForThisFile();

describe("POST /api/v1/requests", () => {
  it("adds a clear match with the mapped quality profile and starts its search", async () => {
    const { owner, stack } = await tenant("clear");
    const { status, body } = await request(owner.accessToken, "Add The Wire in 1080p");
    expect(status).toBe(201);
    expect(body).toMatchObject({
      status: "searching",
      app: "sonarr",
      choice: { title: "The Wire", year: 2002 },
      parse: { title: "The Wire", quality: "1080p" },
    });
    expect(body.user?.email).toBe(owner.user.email);

    const { series } = await toolData<{ series: { title: string; id: number; qualityProfileId: number; monitored: boolean; path: string }[] }>(
      owner.accessToken,
      "sonarr_series_list",
      { titleContains: "Wire" },
    );
    expect(series).toEqual([expect.objectContaining({ title: "The Wire", qualityProfileId: 4, monitored: true, path: "/tv/The Wire" })]);
    const queue = await toolData<{ records: { seriesId?: number }[] }>(owner.accessToken, "sonarr_queue", { pageSize: 100 });
    expect(queue.records.some((r) => r.seriesId === series[0]!.id)).toBe(true);
    expect((await sim.requests(stack, "sonarr")).filter((r) => r.method === "POST" && r.path === "/api/v3/series")).toHaveLength(1);
  });

  it("waits for a choice between close candidates, then adds the chosen one", async () => {
    const { owner } = await tenant("choice");
    const { status, body } = await request(owner.accessToken, "get me dune");
    expect(status).toBe(201);
    expect(body.status).toBe("needs_choice");
    expect(body.options?.map((o) => [o.title, o.year, o.inLibrary])).toEqual([
      ["Dune", 1984, false],
      ["Dune", 2021, true],
    ]);

    const chosen = await api(`/api/v1/requests/${body.id}/choose`, {
      method: "POST",
      token: owner.accessToken,
      json: { optionId: body.options![0]!.optionId },
    });
    expect(chosen.status).toBe(200);
    expect(await chosen.json()).toMatchObject({ status: "searching", app: "radarr", choice: { title: "Dune", year: 1984 } });
    const { movies } = await toolData<{ movies: { title: string; year: number }[] }>(owner.accessToken, "radarr_movie_list", { titleContains: "Dune" });
    expect(movies.map((m) => m.year).sort()).toEqual([1984, 2021]);

    const again = await api(`/api/v1/requests/${body.id}/choose`, { method: "POST", token: owner.accessToken, json: { optionId: body.options![0]!.optionId } });
    expect(again.status).toBe(409);
  });

  it("says so when the title is already in the library and does not add it twice", async () => {
    const { owner, stack } = await tenant("duplicate");
    const { body } = await request(owner.accessToken, "Add Breaking Bad in 1080p");
    expect(body).toMatchObject({ status: "available", outcome: { kind: "already_in_library" }, choice: { title: "Breaking Bad" } });
    expect(body.reason).toMatch(/already in your library/);

    const first = await request(owner.accessToken, "Pulp Fiction");
    expect(first.body.status).toBe("searching");
    const second = await request(owner.accessToken, "pulp fiction please");
    expect(second.body).toMatchObject({ outcome: { kind: "already_in_library" } });
    expect(second.body.reason).toMatch(/not added again/);
    expect((await sim.requests(stack, "sonarr")).filter((r) => r.method === "POST" && r.path === "/api/v3/series")).toHaveLength(0);
    expect((await sim.requests(stack, "radarr")).filter((r) => r.method === "POST" && r.path === "/api/v3/movie")).toHaveLength(1);
  });

  it("says what it searched when nothing matches", async () => {
    const { owner } = await tenant("notfound");
    const { status, body } = await request(owner.accessToken, "The Sopranos in 4k");
    expect(status).toBe(201);
    expect(body).toMatchObject({ status: "failed", outcome: { kind: "not_found" } });
    expect(body.outcome?.searched?.map((s) => s.app).sort()).toEqual(["radarr", "sonarr"]);
    expect(body.reason).toBe('Nothing found for "The Sopranos": searched Sonarr and Radarr.');
  });

  it("searches only the season asked for", async () => {
    const { owner, stack } = await tenant("season");
    const { body } = await request(owner.accessToken, "the office uk season 2");
    expect(body).toMatchObject({ status: "searching", choice: { title: "The Office (UK)" }, parse: { type: "tv", seasons: [2] } });
    const { series } = await toolData<{ series: { id: number }[] }>(owner.accessToken, "sonarr_series_list", { titleContains: "(UK)" });
    const queue = await toolData<{ records: { seriesId?: number; seasonNumber?: number }[] }>(owner.accessToken, "sonarr_queue", { pageSize: 100 });
    const grabbed = queue.records.filter((r) => r.seriesId === series[0]!.id);
    expect(grabbed.length).toBeGreaterThan(0);
    expect(new Set(grabbed.map((r) => r.seasonNumber))).toEqual(new Set([2]));
    expect((await sim.requests(stack, "sonarr")).some((r) => r.method === "POST" && r.path === "/api/v3/command")).toBe(true);
  });
});

describe("following a request to the end", () => {
  it("moves (in the tenant's hub, beside the queue check) searching → downloading → available as the simulated download completes and Plex picks it up", async () => {
    const { owner, stack } = await tenant("progress");
    const { body } = await request(owner.accessToken, "Gladiator (2000) in 1080p");
    expect(body.status).toBe("searching");
    const read = async () => (await (await api(`/api/v1/requests/${body.id}`, { token: owner.accessToken })).json()) as RequestBody;

    expect(await hub(owner.tenant.id).advanceRequests()).toBe(1);
    expect((await read()).status).toBe("downloading");
    await tick(stack, 24 * 3600);
    expect(await hub(owner.tenant.id).advanceRequests()).toBe(1);
    expect((await read()).status).toBe("available");
    expect(await hub(owner.tenant.id).advanceRequests()).toBe(0);

    const logged = await env.DB.prepare("SELECT message FROM activity_log WHERE tenant_id = ? AND kind = 'request' ORDER BY timestamp")
      .bind(owner.tenant.id)
      .all<{ message: string }>();
    expect(logged.results.map((r) => r.message)).toEqual([
      'Request "Gladiator" (2000) added to Radarr',
      'Request "Gladiator" (2000): searching for a release',
      'Request "Gladiator" (2000): downloading',
      'Request "Gladiator" (2000) is available in Plex',
    ]);
  });
});

describe("GET /api/v1/requests", () => {
  it("lists the tenant's requests newest first, by status, a page at a time", async () => {
    const { owner } = await tenant("list");
    for (const query of ["The Sopranos", "Breaking Bad", "Whiplash"]) await request(owner.accessToken, query);
    const page = async (qs: string) =>
      (await (await api(`/api/v1/requests${qs}`, { token: owner.accessToken })).json()) as { items: RequestBody[]; nextCursor: string | null };

    const first = await page("?limit=2");
    expect(first.items.map((i) => i.parse.title)).toEqual(["Whiplash", "Breaking Bad"]);
    const second = await page(`?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((i) => i.parse.title)).toEqual(["The Sopranos"]);
    expect(second.nextCursor).toBeNull();
    expect((await page("?status=failed")).items.map((i) => i.parse.title)).toEqual(["The Sopranos"]);
  });
});
