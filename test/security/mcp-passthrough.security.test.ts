// POST /api/v1/mcp/call is a passthrough to the connector's tools: reads stay callable, job actions on an allow-list
// too, but settings are written only by the audit's apply and rollback, which record them in config history and
// activity. A SABnzbd script_dir under the caller's control would decide what programs run on the NAS.
import { describe, expect, it } from "vitest";
import { api, errorOf } from "../helpers";
import { pairedTenantsForThisFile, sim } from "../stacks";

const paired = pairedTenantsForThisFile();
const call = (token: string, tool: string, args: Record<string, unknown>) => api("/api/v1/mcp/call", { method: "POST", token, json: { tool, arguments: args } });

describe("the tool passthrough, attacked", () => {
  it("refuses every SABnzbd setting write, dangerous or not, and none reaches SABnzbd; nothing is recorded", async () => {
    const { owner, stack } = await paired("passthrough-sab");
    const writes: Record<string, unknown>[] = [
      { section: "misc", keyword: "script_dir", value: "/tmp/evil" },
      { section: "misc", keyword: "download_dir", value: "/tmp" },
      { section: "misc", keyword: "complete_dir", value: "/tmp" },
      { section: "misc", keyword: "host", value: "0.0.0.0" },
      { section: "misc", keyword: "pre_script", value: "evil.sh" },
      { section: "misc", keyword: "cache_limit", value: "1G" },
    ];
    for (const args of writes) {
      const response = await call(owner.accessToken, "sabnzbd_set_config", args);
      expect(response.status, JSON.stringify(args)).toBe(403);
      const error = await errorOf(response);
      expect(error.code).toBe("forbidden");
      expect(error.message).toMatch(/sabnzbd_set_config.*settings.*apply/i);
    }
    expect((await sim.requests(stack, "sabnzbd")).filter((r) => r.query.mode === "set_config")).toEqual([]);
    const history = (await (await api("/api/v1/config/history", { token: owner.accessToken })).json()) as { items: unknown[] };
    expect(history.items).toEqual([]);
  });

  it("refuses Sonarr setting writes and series adds (a root folder path), and nothing reaches Sonarr", async () => {
    const { owner, stack } = await paired("passthrough-arr");
    const host = await call(owner.accessToken, "sonarr_config_update", { resource: "host", values: { bindAddress: "0.0.0.0" } });
    expect(host.status).toBe(403);
    const add = await call(owner.accessToken, "sonarr_series_add", { tvdbId: 1, qualityProfileId: 1, rootFolderPath: "/etc" });
    expect(add.status).toBe(403);
    expect((await errorOf(add)).message).toMatch(/sonarr_series_add/);
    expect((await sim.requests(stack, "sonarr")).filter((r) => r.method !== "GET")).toEqual([]);
  });

  it("still answers read tools and allow-listed job actions", async () => {
    const { owner, stack } = await paired("passthrough-read");
    for (const tool of ["sabnzbd_version", "sabnzbd_queue", "sonarr_queue", "plex_identity"]) {
      expect((await call(owner.accessToken, tool, {})).status, tool).toBe(200);
    }
    expect((await call(owner.accessToken, "sabnzbd_get_config", { section: "misc" })).status).toBe(200);
    expect((await call(owner.accessToken, "sabnzbd_pause", {})).status).toBe(200);
    expect((await sim.requests(stack, "sabnzbd")).some((r) => r.query.mode === "pause")).toBe(true);
    expect((await call(owner.accessToken, "sonarr_make_coffee", {})).status).toBe(404);
  });
});
