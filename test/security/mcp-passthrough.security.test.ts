// POST /api/v1/mcp/call is a passthrough to the connector's tools: reads stay callable, job actions on an allow-list
// too, but settings are written only by the audit's apply and rollback, which record them in config history and
// activity. A SABnzbd script_dir under the caller's control would decide what programs run on the NAS.
import { describe, expect, it } from "vitest";
import { api, errorOf } from "../helpers";
import { pairedTenantsForThisFile, sim } from "../stacks";

const paired = pairedTenantsForThisFile();
const call = (token: string, tool: string, args: Record<string, unknown>) =>
  api("/api/v1/mcp/call", { method: "POST", token, json: { tool, arguments: args } });

interface ActivityItem {
  app: string | null;
  kind: string;
  level: string;
  message: string;
  data: {
    tool?: string;
    arguments?: Record<string, unknown>;
    userId?: string;
    email?: string;
    outcome?: string;
    error?: { kind: string; message: string };
  } | null;
}
const actions = async (token: string): Promise<ActivityItem[]> =>
  ((await (await api("/api/v1/activity?kind=action&limit=100", { token })).json()) as { items: ActivityItem[] }).items;

/** Arguments each write tool accepts (its schema in the connector's catalogue); a write tool missing here fails the enumeration. */
const SAMPLE_ARGUMENTS: Record<string, Record<string, unknown>> = {
  sabnzbd_retry: { nzoId: "SABnzbd_nzo_nosuchjob" },
  sabnzbd_delete: { from: "history", nzoIds: ["SABnzbd_nzo_nosuchjob"], deleteFiles: false },
  sabnzbd_pause: {},
  sabnzbd_resume: {},
  sabnzbd_set_config: { section: "misc", keyword: "cache_limit", value: "1G" },
  sonarr_queue_remove: { id: 999_999, removeFromClient: false, blocklist: false, skipRedownload: false },
  sonarr_history_mark_failed: { historyId: 999_999 },
  sonarr_set_quality_profile: { id: 1, qualityProfileId: 1 },
  sonarr_config_update: { resource: "mediamanagement", values: { copyUsingHardlinks: false } },
  sonarr_series_add: {
    tvdbId: 1,
    qualityProfileId: 1,
    rootFolderPath: "/tv",
    monitored: true,
    monitor: "all",
    seasonFolder: true,
    seriesType: "standard",
    searchForMissingEpisodes: false,
  },
  sonarr_command: { name: "RefreshMonitoredDownloads" },
  radarr_queue_remove: { id: 999_999, removeFromClient: false, blocklist: false, skipRedownload: false },
  radarr_history_mark_failed: { historyId: 999_999 },
  radarr_set_quality_profile: { id: 1, qualityProfileId: 1 },
  radarr_config_update: { resource: "mediamanagement", values: { copyUsingHardlinks: false } },
  radarr_movie_add: { tmdbId: 1, qualityProfileId: 1, rootFolderPath: "/movies", monitored: true, minimumAvailability: "released", searchForMovie: false },
  radarr_command: { name: "RefreshMonitoredDownloads" },
  plex_library_refresh: { sectionKey: "1", force: false },
  sonarr_set_monitored: { seriesId: 999_999, monitored: true },
  sonarr_blocklist_remove: { id: 999_999 },
  radarr_set_monitored: { movieIds: [999_999], monitored: true },
  radarr_blocklist_remove: { id: 999_999 },
  prowlarr_indexer_enable: { id: 999_999 },
};

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

  it("records each allowed job action in activity: who, which tool, on what, and how it went", async () => {
    const { owner } = await paired("passthrough-record");
    expect((await call(owner.accessToken, "sabnzbd_pause", {})).status).toBe(200);
    const failed = await call(owner.accessToken, "sabnzbd_retry", { nzoId: "SABnzbd_nzo_nosuchjob" });
    expect(failed.status).toBeGreaterThanOrEqual(400);
    const recorded = await actions(owner.accessToken);
    const pause = recorded.find((a) => a.data?.tool === "sabnzbd_pause");
    expect(pause).toMatchObject({
      app: "sabnzbd",
      kind: "action",
      level: "info",
      data: { userId: owner.user.id, email: owner.user.email, outcome: "succeeded", arguments: {} },
    });
    expect(pause!.message).toContain(owner.user.email);
    expect(pause!.message).toContain("sabnzbd_pause");
    const retry = recorded.find((a) => a.data?.tool === "sabnzbd_retry");
    expect(retry).toMatchObject({ app: "sabnzbd", level: "warning", data: { outcome: "failed", arguments: { nzoId: "SABnzbd_nzo_nosuchjob" } } });
    expect(retry!.message).toContain("SABnzbd_nzo_nosuchjob");
    expect(retry!.data!.error!.message).toBeTruthy();
    // Reads are not actions and stay out of the feed.
    expect((await call(owner.accessToken, "sabnzbd_queue", {})).status).toBe(200);
    expect((await actions(owner.accessToken)).filter((a) => a.data?.tool === "sabnzbd_queue")).toEqual([]);
  });

  it("every write tool the connector offers is either refused with nothing reaching the app, or recorded", async () => {
    const { owner, stack } = await paired("passthrough-every-write");
    const listed = (await (await api("/api/v1/mcp/tools", { token: owner.accessToken })).json()) as {
      tools: { name: string; annotations?: { readOnlyHint?: boolean } }[];
    };
    const writes = listed.tools.filter((t) => t.annotations?.readOnlyHint !== true).map((t) => t.name);
    expect(writes.length).toBeGreaterThanOrEqual(15);
    expect(
      writes.filter((name) => !Object.hasOwn(SAMPLE_ARGUMENTS, name)),
      "write tools without sample arguments",
    ).toEqual([]);
    const refused: string[] = [];
    const ran: string[] = [];
    for (const tool of writes) {
      const response = await call(owner.accessToken, tool, SAMPLE_ARGUMENTS[tool]!);
      expect(response.status, `${tool}: arguments rejected — fix SAMPLE_ARGUMENTS`).not.toBe(400);
      (response.status === 403 ? refused : ran).push(tool);
    }
    // The diagnosis's fixes (monitoring, blocklist removal, indexer enable) run through POST /api/v1/diagnose/fixes, which records them.
    expect(refused.sort()).toEqual([
      "prowlarr_indexer_enable",
      "radarr_blocklist_remove",
      "radarr_config_update",
      "radarr_movie_add",
      "radarr_set_monitored",
      "sabnzbd_set_config",
      "sonarr_blocklist_remove",
      "sonarr_config_update",
      "sonarr_series_add",
      "sonarr_set_monitored",
    ]);
    const recorded = new Set((await actions(owner.accessToken)).map((a) => a.data?.tool));
    expect(
      ran.filter((tool) => !recorded.has(tool)),
      "write tools that ran without an activity entry",
    ).toEqual([]);
    for (const tool of refused) expect(recorded.has(tool), tool).toBe(false);
    expect((await sim.requests(stack, "sabnzbd")).filter((r) => r.query.mode === "set_config")).toEqual([]);
    for (const app of ["sonarr", "radarr"] as const) {
      const writesThere = (await sim.requests(stack, app)).filter(
        (r) => r.method !== "GET" && (r.path.includes("/config/") || /\/(series|movie)$/.test(r.path)),
      );
      expect(writesThere, app).toEqual([]);
    }
  });
});
