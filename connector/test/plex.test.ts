import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, simFetch, startHarness, type Harness } from "./helpers.js";

let harness: Harness;
let client: Client;
beforeAll(async () => {
  harness = await startHarness({ apps: ["plex", "radarr"], timeoutMs: 500 });
  client = await harness.client();
});
afterAll(() => harness.close());

describe("Plex tools against the simulator", () => {
  it("reads identity and proves the token works", async () => {
    const identity = await call(client, "plex_identity");
    expect(identity.data).toMatchObject({ version: expect.stringMatching(/^1\.\d+/), claimed: true, libraryCount: 2 });
    const request = harness.sims.requests("plex").at(-1);
    expect(request?.path).toBe("/library/sections");
  });

  it("lists libraries and starts a scan", async () => {
    const libraries = await call(client, "plex_libraries");
    expect(libraries.data.libraries).toEqual([
      expect.objectContaining({ key: "1", title: "Movies", type: "movie", locations: ["/movies"] }),
      expect.objectContaining({ key: "2", title: "TV Shows", type: "show", locations: ["/tv"] }),
    ]);
    expect((await call(client, "plex_library_refresh", { sectionKey: "1" })).data).toEqual({ started: true, sectionKey: "1" });
    expect(harness.sims.requests("plex").at(-1)?.path).toBe("/library/sections/1/refresh");
    expect((await call(client, "plex_library_refresh", { sectionKey: "9" })).isError).toBe(true);
  });

  it("searches the library and reads preferences", async () => {
    const search = await call(client, "plex_search", { query: "matrix" });
    expect(search.data.items).toEqual([
      expect.objectContaining({ title: "The Matrix", year: 1999, type: "movie", guids: expect.arrayContaining(["tmdb://603"]) }),
    ]);
    const prefs = await call(client, "plex_preferences", { idContains: "PartialScan" });
    expect(prefs.data.settings).toEqual([expect.objectContaining({ id: "FSEventLibraryPartialScanEnabled", value: false })]);
  });

  it("shows a finished download in recently added after it is imported", async () => {
    const added = await call(client, "radarr_movie_add", { tmdbId: 129, qualityProfileId: 4, rootFolderPath: "/movies" });
    expect(added.isError).toBe(true); // Spirited Away is already in the library
    const oppenheimer = harness.sims.world.downloads.find((d) => d.title.startsWith("Oppenheimer"))!;
    await simFetch(`${harness.sims.urls.radarr}/__sim/tick`, { method: "POST", body: JSON.stringify({ seconds: 3600 }) });
    expect(oppenheimer.state).toBe("imported");
    const recent = await call(client, "plex_recently_added", { limit: 5 });
    expect((recent.data.items as { title: string }[])[0]?.title).toBe("Oppenheimer");
  });

  it("answers XML unless JSON is asked for, and the tool asks for JSON", async () => {
    const xml = await fetch(`${harness.sims.urls.plex}/identity`);
    expect(xml.headers.get("content-type")).toMatch(/xml/);
    expect(await xml.text()).toMatch(/^<\?xml/);
    const request = harness.sims.requests("plex").find((r) => r.path === "/identity");
    expect(request).toBeDefined();
  });

  it("says the token was rejected when Plex answers 401", async () => {
    await simFetch(`${harness.sims.urls.plex}/__sim/faults`, { method: "POST", body: JSON.stringify({ failNext: 1, status: 401 }) });
    expect(await call(client, "plex_libraries")).toMatchObject({ isError: true, text: "Plex token rejected by Plex (HTTP 401)" });
  });
});
