import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { call, closedPortUrl, simFetch, startHarness, type Harness } from "./helpers.js";

let harness: Harness;
let client: Client;
beforeAll(async () => {
  harness = await startHarness({ apps: ["sonarr", "radarr"], timeoutMs: 500 });
  client = await harness.client();
});
afterAll(() => harness.close());
beforeEach(async () => {
  // Reset on both ports: the world is shared, the request logs are per port.
  await simFetch(`${harness.sims.urls.sonarr}/__sim/reset`, { method: "POST" });
  await simFetch(`${harness.sims.urls.radarr}/__sim/reset`, { method: "POST" });
});

describe.each([
  { app: "sonarr", name: "Sonarr", version: "4.0.19.2979" },
  { app: "radarr", name: "Radarr", version: "6.0.3.10276" },
] as const)("$name tools against the simulator", ({ app, name, version }) => {
  const url = () => harness.sims.urls[app];

  it("reports system status and the demo profile's health warning", async () => {
    expect((await call(client, `${app}_system_status`)).data).toMatchObject({ appName: name, version, authentication: "none" });
    const health = await call(client, `${app}_health`);
    expect((health.data.issues as { source: string }[])[0]?.source).toBe("IndexerSearchCheck");
    expect((health.data.issues as { wikiUrl?: string }[])[0]?.wikiUrl).toMatch(/^https:\/\/wiki\.servarr\.com\//);
  });

  it("reads the paged queue with failed and import-blocked items", async () => {
    const queue = await call(client, `${app}_queue`, { pageSize: 10 });
    const records = queue.data.records as {
      trackedDownloadState: string;
      errorMessage?: string;
      statusMessages: { messages: string[] }[];
      downloadId: string;
    }[];
    expect(queue.data.totalRecords).toBe(4);
    const failed = records.find((r) => r.trackedDownloadState === "failedPending");
    expect(failed?.errorMessage).toBe("Aborted, cannot be completed - https://sabnzbd.org/not-complete");
    expect(failed?.downloadId).toMatch(/^SABnzbd_nzo_/);
    // Sonarr/Radarr CompletedDownloadService.Import: "No files found are eligible for import" is importPending with a warning.
    const blocked = records.find((r) => r.trackedDownloadState === "importPending");
    expect(blocked?.statusMessages[0]?.messages[0]).toMatch(/No files found are eligible for import/);
    const request = harness.sims.requests(app).at(-1);
    expect(request?.query).toMatchObject({ page: "1", pageSize: "10" });
  });

  it("removes a queue item with blocklist: exactly one blocklist entry and one replacement search", async () => {
    const queue = await call(client, `${app}_queue`);
    const failed = (queue.data.records as { id: number; trackedDownloadState: string; title: string }[]).find(
      (r) => r.trackedDownloadState === "failedPending",
    )!;
    const blocklistBefore = (await call(client, `${app}_blocklist`)).data.totalRecords as number;
    const removed = await call(client, `${app}_queue_remove`, { id: failed.id, blocklist: true });
    expect(removed.data).toEqual({ removed: true, id: failed.id, removeFromClient: true, blocklisted: true, skipRedownload: false });
    const deletes = harness.sims.requests(app).filter((r) => r.method === "DELETE");
    expect(deletes).toHaveLength(1);
    expect(deletes[0]).toMatchObject({ path: `/api/v3/queue/${failed.id}`, query: { removeFromClient: "true", blocklist: "true", skipRedownload: "false" } });
    const blocklist = await call(client, `${app}_blocklist`);
    expect(blocklist.data.totalRecords).toBe(blocklistBefore + 1);
    expect((blocklist.data.records as { sourceTitle: string }[])[0]?.sourceTitle).toBe(failed.title);
    const searches = harness.sims.world.commands.filter((c) => c.app === app && /Search$/.test(c.name));
    expect(searches).toHaveLength(1);
    const after = await call(client, `${app}_queue`);
    expect((after.data.records as { id: number }[]).some((r) => r.id === failed.id)).toBe(false);
  });

  it("answers a removal of an unknown queue item with a not-found error", async () => {
    expect(await call(client, `${app}_queue_remove`, { id: 424242 })).toMatchObject({ isError: true, text: `${name} found no such item (HTTP 404): NotFound` });
  });

  it("lists download-failed history with eventType=4 and marks a grab as failed", async () => {
    const failedHistory = await call(client, `${app}_history_failed`);
    const records = failedHistory.data.records as { id: number; eventType: string; message?: string; downloadId?: string }[];
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((r) => r.eventType === "downloadFailed")).toBe(true);
    expect(harness.sims.requests(app).at(-1)?.query.eventType).toBe("4");
    const grab = harness.sims.world.history.find((h) => h.app === app && h.eventType === "grabbed")!;
    expect((await call(client, `${app}_history_mark_failed`, { historyId: grab.id })).data).toEqual({ markedFailed: true, historyId: grab.id });
    expect(harness.sims.requests(app).at(-1)).toMatchObject({ method: "POST", path: `/api/v3/history/failed/${grab.id}` });
  });

  it("lists one download's history, so a download that left the queue can be told imported or not", async () => {
    const grab = harness.sims.world.history.find((h) => h.app === app && h.eventType === "grabbed")!;
    const history = await call(client, `${app}_history_download`, { downloadId: grab.downloadId });
    const records = history.data.records as { eventType: string; downloadId: string }[];
    expect(records.map((r) => r.eventType)).toContain("grabbed");
    expect(records.every((r) => r.downloadId === grab.downloadId)).toBe(true);
    expect(harness.sims.requests(app).at(-1)?.query).toMatchObject({ downloadId: grab.downloadId });
  });

  it("changes a library item's quality profile by read-modify-write, after which searches grab a quality that profile allows", async () => {
    const profiles = (await call(client, `${app}_quality_profiles`)).data.profiles as { id: number; name: string; maxResolution: number }[];
    expect(profiles.find((p) => p.name === "HD-1080p")?.maxResolution).toBe(1080);
    const hd720 = profiles.find((p) => p.name === "HD-720p")!;
    expect(hd720.maxResolution).toBe(720);
    // Items with something missing and nothing downloading, so a search grabs a new release.
    const media =
      app === "sonarr"
        ? harness.sims.world.series.find((x) => x.meta.title === "The Office (US)")!
        : harness.sims.world.movies.find((x) => x.meta.title === "Past Lives")!;
    const changed = await call(client, `${app}_set_quality_profile`, { id: media.id, qualityProfileId: hd720.id });
    expect(changed.data).toEqual({ id: media.id, title: media.meta.title, previousQualityProfileId: 4, qualityProfileId: hd720.id });
    const put = harness.sims.requests(app).at(-1);
    expect(put).toMatchObject({ method: "PUT", path: `/api/v3/${app === "sonarr" ? "series" : "movie"}/${media.id}`, query: { moveFiles: "false" } });
    expect(media.qualityProfileId).toBe(hd720.id);
    await call(client, `${app}_command`, app === "sonarr" ? { name: "SeriesSearch", seriesId: media.id } : { name: "MoviesSearch", movieIds: [media.id] });
    const grabbed = harness.sims.world.downloads.filter((d) => d.app === app && d.mediaId === media.id && d.state === "downloading");
    expect(grabbed.length).toBeGreaterThan(0);
    expect(grabbed.every((d) => d.quality.resolution === 720 && d.title.includes(".720p."))).toBe(true);
    const refused = await call(client, `${app}_set_quality_profile`, { id: media.id, qualityProfileId: 99 });
    expect(refused).toMatchObject({ isError: true, text: `${name} rejected the request: Quality Profile does not exist` });
    expect(await call(client, `${app}_set_quality_profile`, { id: 424242, qualityProfileId: 4 })).toMatchObject({ isError: true });
  });

  it("starts a command and sees it complete", async () => {
    const command = app === "sonarr" ? { name: "RefreshSeries", seriesId: 1 } : { name: "RefreshMovie", movieIds: [1] };
    const started = await call(client, `${app}_command`, command);
    expect(started.data).toMatchObject({ name: command.name, status: "queued" });
    expect(harness.sims.requests(app).at(-1)).toMatchObject({ method: "POST", path: "/api/v3/command" });
    await call(client, `${app}_command_status`, { commandId: started.data.id });
    const done = await call(client, `${app}_command_status`, { commandId: started.data.id });
    expect(done.data).toMatchObject({ status: "completed", result: "successful" });
  });

  it("reads quality profiles, root folders, download clients and indexers with secrets masked", async () => {
    expect(((await call(client, `${app}_quality_profiles`)).data.profiles as { name: string }[]).map((p) => p.name)).toContain("HD-1080p");
    expect(((await call(client, `${app}_root_folders`)).data.rootFolders as { path: string }[])[0]?.path).toMatch(/^\//);
    const clients = (await call(client, `${app}_download_clients`)).data.downloadClients as {
      implementation: string;
      removeFailedDownloads: boolean;
      settings: Record<string, unknown>;
    }[];
    expect(clients[0]).toMatchObject({ implementation: "Sabnzbd", removeFailedDownloads: app === "sonarr", settings: { apiKey: "********", host: "sabnzbd" } });
    const indexers = (await call(client, `${app}_indexers`)).data.indexers as { settings: Record<string, unknown> }[];
    expect(indexers[0]?.settings.apiKey).toBe("********");
  });

  it("reads host config with the API key masked and updates media management by read-modify-write", async () => {
    const host = await call(client, `${app}_config_get`, { resource: "host" });
    expect((host.data.values as Record<string, unknown>).apiKey).toBe("********");
    expect(JSON.stringify(host)).not.toContain(harness.sims.keys[app]);
    const updated = await call(client, `${app}_config_update`, { resource: "mediamanagement", values: { copyUsingHardlinks: true } });
    expect(updated.data).toMatchObject({ changed: ["copyUsingHardlinks"], values: { copyUsingHardlinks: true } });
    const put = harness.sims.requests(app).at(-1);
    expect(put).toMatchObject({ method: "PUT", path: "/api/v3/config/mediamanagement/1" });
    expect(((await call(client, `${app}_config_get`, { resource: "mediamanagement" })).data.values as Record<string, unknown>).copyUsingHardlinks).toBe(true);
  });

  it("refuses unknown settings and credential changes, and reports validation failures", async () => {
    expect((await call(client, `${app}_config_update`, { resource: "naming", values: { noSuchSetting: 1 } })).text).toMatch(
      /Unknown .* setting\(s\): noSuchSetting/,
    );
    // Names every object inherits are not settings: `name in existing` once let them through to the app.
    for (const inherited of ["constructor", "toString", "hasOwnProperty"]) {
      expect((await call(client, `${app}_config_update`, { resource: "naming", values: { [inherited]: 1 } })).text).toMatch(
        new RegExp(`Unknown .* setting\\(s\\): ${inherited}`),
      );
    }
    expect((await call(client, `${app}_config_update`, { resource: "host", values: { apiKey: "x" } })).isError).toBe(true);
    const invalid = await call(client, `${app}_config_update`, { resource: "host", values: { authenticationMethod: "forms" } });
    expect(invalid).toMatchObject({ isError: true, text: `${name} rejected the request: 'Username' must not be empty.` });
  });

  it("says the API key was rejected when the app answers 401", async () => {
    await simFetch(`${url()}/__sim/faults`, { method: "POST", body: JSON.stringify({ failNext: 1, status: 401 }) });
    expect(await call(client, `${app}_queue`)).toMatchObject({ isError: true, text: `API key rejected by ${name} (HTTP 401)` });
  });

  it("reports HTTP 500, timeouts, malformed JSON and a down app safely", async () => {
    await simFetch(`${url()}/__sim/faults`, { method: "POST", body: JSON.stringify({ failNext: 1, status: 500 }) });
    expect((await call(client, `${app}_health`)).text).toBe(`${name} answered HTTP 500: Simulated HTTP 500`);
    await simFetch(`${url()}/__sim/faults`, { method: "POST", body: JSON.stringify({ failNext: 1, latencyMs: 900 }) });
    expect((await call(client, `${app}_health`)).text).toBe(`${name} did not answer within 0.5 s`);
    await simFetch(`${url()}/__sim/faults`, { method: "POST", body: JSON.stringify({ failNext: 1, malformed: true }) });
    expect((await call(client, `${app}_health`)).text).toBe(`${name} returned malformed JSON (HTTP 200)`);
    await simFetch(`${url()}/__sim/faults`, { method: "POST", body: JSON.stringify({ failNext: 1, down: true }) });
    expect((await call(client, `${app}_health`)).text).toMatch(new RegExp(`^${name} is unreachable at its configured URL`));
  });
});

describe("Sonarr series tools", () => {
  it("finds both The Office (US) and The Office (UK) in a lookup, and marks which is in the library", async () => {
    const lookup = await call(client, "sonarr_series_lookup", { term: "The Office" });
    const results = lookup.data.results as { title: string; year: number; inLibrary: boolean; remotePoster?: string }[];
    expect(results.map((r) => [r.title, r.year, r.inLibrary])).toEqual(
      expect.arrayContaining([
        ["The Office (US)", 2005, true],
        ["The Office (UK)", 2001, false],
      ]),
    );
    expect(results[0]?.remotePoster).toMatch(/^https:\/\//);
  });

  it("adds a series that then appears in the library and is searched for", async () => {
    const added = await call(client, "sonarr_series_add", { tvdbId: 78107, qualityProfileId: 4, rootFolderPath: "/tv" });
    expect(added.data.series).toMatchObject({ title: "The Office (UK)", tvdbId: 78107, inLibrary: true, monitored: true });
    const add = harness.sims.requests("sonarr").find((r) => r.method === "POST" && r.path === "/api/v3/series");
    expect(add).toBeDefined();
    const list = await call(client, "sonarr_series_list", { titleContains: "office" });
    expect((list.data.series as { title: string }[]).map((s) => s.title)).toEqual(expect.arrayContaining(["The Office (US)", "The Office (UK)"]));
    expect((await call(client, "sonarr_series_add", { tvdbId: 78107, qualityProfileId: 4, rootFolderPath: "/tv" })).text).toBe(
      "Sonarr rejected the request: This series has already been added",
    );
  });

  it("lists missing and cutoff-unmet episodes", async () => {
    const missing = await call(client, "sonarr_wanted_missing", { pageSize: 50 });
    expect((missing.data.records as { seriesTitle?: string }[]).some((e) => e.seriesTitle === "The Office (US)")).toBe(true);
    const cutoff = await call(client, "sonarr_wanted_cutoff");
    expect((cutoff.data.records as { quality?: string }[])[0]?.quality).toBe("HDTV-720p");
  });

  it("needs episode ids for an episode search", async () => {
    expect((await call(client, "sonarr_command", { name: "EpisodeSearch" })).text).toBe("EpisodeSearch needs episodeIds");
  });
});

describe("Radarr movie tools", () => {
  it("tells the three Dunes apart in a lookup", async () => {
    const lookup = await call(client, "radarr_movie_lookup", { term: "Dune" });
    const results = lookup.data.results as { title: string; year: number; tmdbId: number; inLibrary: boolean }[];
    expect(results.map((r) => [r.title, r.year, r.inLibrary])).toEqual(
      expect.arrayContaining([
        ["Dune", 1984, false],
        ["Dune", 2021, true],
        ["Dune: Part Two", 2024, false],
      ]),
    );
  });

  it("adds Dune: Part Two, which appears in the library and downloads into Plex-ready state", async () => {
    const added = await call(client, "radarr_movie_add", { tmdbId: 693134, qualityProfileId: 4, rootFolderPath: "/movies" });
    expect(added.data.movie).toMatchObject({ title: "Dune: Part Two", year: 2024, inLibrary: true });
    const queue = await call(client, "radarr_queue", { pageSize: 20 });
    expect((queue.data.records as { title: string }[]).some((r) => r.title.startsWith("Dune.Part.Two.2024"))).toBe(true);
    expect((await call(client, "radarr_movie_add", { tmdbId: 693134, qualityProfileId: 4, rootFolderPath: "/movies" })).text).toBe(
      "Radarr rejected the request: This movie has already been added",
    );
  });

  it("lists missing and cutoff-unmet movies", async () => {
    expect(((await call(client, "radarr_wanted_missing")).data.records as { title: string }[]).map((m) => m.title)).toContain("Past Lives");
    expect(((await call(client, "radarr_wanted_cutoff")).data.records as { title: string }[]).map((m) => m.title)).toContain("Interstellar");
  });
});

describe("unreachable Sonarr", () => {
  it("says connection refused", async () => {
    const url = await closedPortUrl();
    const refused = await startHarness({ apps: [], appsConfig: () => ({ sonarr: { url, apiKey: "k" } }) });
    try {
      expect(await call(await refused.client(), "sonarr_system_status")).toMatchObject({
        isError: true,
        text: "Sonarr is unreachable at its configured URL (connection refused)",
      });
    } finally {
      await refused.close();
    }
  });
});
