// stack_changes against the simulators: one answer for every configured app, a part that moves only when its app
// changed, and an app that is down failing only its own part.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { call, simFetch, startHarness, type Harness } from "./helpers.js";

let harness: Harness;
let client: Client;
const sim = (app: "sabnzbd" | "sonarr" | "radarr" | "plex") => harness.sims.urls[app];
beforeAll(async () => {
  harness = await startHarness({ timeoutMs: 1000 });
  client = await harness.client();
});
afterAll(() => harness.close());
beforeEach(async () => {
  await simFetch(`${sim("sabnzbd")}/__sim/reset`, { method: "POST" });
  for (const app of ["sabnzbd", "sonarr", "radarr", "plex"] as const) await simFetch(`${sim(app)}/__sim/faults`, { method: "DELETE" });
});

describe("stack_changes", () => {
  it("answers every configured app's fingerprint in one call, each read from the app's own status endpoints", async () => {
    const result = await call(client, "stack_changes");
    expect(result.isError).toBe(false);
    expect(result.data.sabnzbd).toMatchObject({
      ok: true,
      fingerprint: { queue: { status: "Downloading", paused: false }, lastHistoryUpdate: expect.any(Number) },
    });
    const queue = await call(client, "sonarr_queue", { pageSize: 100 });
    expect(result.data.sonarr).toMatchObject({ ok: true, fingerprint: { totalRecords: queue.data.totalRecords, totalCount: queue.data.totalRecords } });
    expect(result.data.radarr).toMatchObject({ ok: true, fingerprint: { unknownCount: 0 } });
    expect(result.data.plex).toMatchObject({ ok: true, fingerprint: { sections: [{ key: "1" }, { key: "2" }] } });
  });

  it("answers only the apps asked for", async () => {
    const result = await call(client, "stack_changes", { apps: ["sonarr"] });
    expect(Object.keys(result.data)).toEqual(["sonarr"]);
  });

  it("keeps a fingerprint still while nothing changes, and moves SABnzbd's when its downloads progress", async () => {
    const first = await call(client, "stack_changes");
    const same = await call(client, "stack_changes");
    expect(same.data).toEqual(first.data);
    await simFetch(`${sim("sabnzbd")}/__sim/tick`, { method: "POST", body: JSON.stringify({ seconds: 30 }) });
    const after = await call(client, "stack_changes");
    expect(after.data.sabnzbd).not.toEqual(first.data.sabnzbd);
    expect(after.data.plex).toEqual(first.data.plex);
  });

  it("reports an app that is down in its own part; the tool and the other parts still answer", async () => {
    await simFetch(`${sim("radarr")}/__sim/faults`, { method: "POST", body: JSON.stringify({ down: true }) });
    const result = await call(client, "stack_changes");
    expect(result.isError).toBe(false);
    expect(result.data.radarr).toMatchObject({ ok: false, error: expect.stringContaining("Radarr") });
    expect(result.data.sonarr).toMatchObject({ ok: true });
  });
});
