// Recovery across releases of one item: a lower quality when one keeps failing, and downloads that vanished.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { api, type Session } from "../helpers";
import { toolData } from "../requests/request-helpers";
import { hub, pairedTenantsForThisFile, sim, type Stack } from "../stacks";

const paired = pairedTenantsForThisFile();

type QueueRecord = {
  id: number;
  title: string;
  downloadId: string;
  quality?: string;
  qualityResolution?: number;
  episodeId?: number;
  seriesId?: number;
  movieId?: number;
};
const sonarrQueue = async (owner: Session) => (await toolData<{ records: QueueRecord[] }>(owner.accessToken, "sonarr_queue", { pageSize: 100 })).records;
const radarrQueue = async (owner: Session) => (await toolData<{ records: QueueRecord[] }>(owner.accessToken, "radarr_queue", { pageSize: 100 })).records;

async function setRecovery(owner: Session, settings: Record<string, unknown>) {
  expect((await api("/api/v1/settings/recovery", { method: "PUT", token: owner.accessToken, json: settings })).status).toBe(200);
}

/** Fails the release now downloading for The Last of Us S02E03 (the demo's failed episode, re-grabbed by the first recovery). */
async function failTheRegrab(owner: Session, stack: Stack): Promise<QueueRecord> {
  const regrab = (await sonarrQueue(owner)).find((r) => r.title.startsWith("The.Last.of.Us.S02E03"))!;
  expect(regrab.quality).toBe("WEBDL-1080p");
  const failed = await fetch(`${stack.simulators.sabnzbd}/__sim/queue/fail`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ downloadId: regrab.downloadId, message: "Aborted, cannot be completed - https://sabnzbd.org/not-complete" }),
  });
  expect(failed.ok).toBe(true);
  return regrab;
}

const seriesPuts = async (stack: Stack) => (await sim.requests(stack, "sonarr")).filter((r) => r.method === "PUT" && /^\/api\/v3\/series\/\d+$/.test(r.path));

describe("an episode that keeps failing at one quality", () => {
  it("is searched at a lower quality once it failed maxAttempts times, when the tenant allows it", async () => {
    const { owner, stack } = await paired("lower");
    await setRecovery(owner, { maxAttempts: 2, allowLowerQuality: true });
    const h = hub(owner.tenant.id);
    const first = await h.runQueueCheck();
    expect(first.actions.some((a) => a.title.startsWith("The.Last.of.Us.S02E03") && a.strategy === "blocklist_and_search" && a.outcome === "succeeded")).toBe(
      true,
    );

    const regrab = await failTheRegrab(owner, stack);
    const second = await h.runQueueCheck();
    expect(second.actions.find((a) => a.key === regrab.downloadId)).toMatchObject({ strategy: "search_lower_quality", outcome: "succeeded" });

    const puts = await seriesPuts(stack);
    expect(puts).toHaveLength(1);
    expect(puts[0]!.path).toBe(`/api/v3/series/${regrab.seriesId}`);
    const { series } = await toolData<{ series: { id: number; qualityProfileId: number }[] }>(owner.accessToken, "sonarr_series_list", {
      titleContains: "Last of Us",
    });
    expect(series.find((s) => s.id === regrab.seriesId)?.qualityProfileId).toBe(3);
    const now = (await sonarrQueue(owner)).filter((r) => r.title.startsWith("The.Last.of.Us.S02E03"));
    expect(now.map((r) => [r.quality, r.qualityResolution])).toEqual([["WEBDL-720p", 720]]);

    const row = await env.DB.prepare("SELECT detail FROM recovery_actions WHERE tenant_id = ? AND strategy = 'search_lower_quality'")
      .bind(owner.tenant.id)
      .first<{ detail: string }>();
    const steps = (JSON.parse(row!.detail) as { steps: { tool: string; ok: boolean; message: string }[] }).steps;
    expect(steps.map((s) => s.tool)).toEqual(["sonarr_set_quality_profile", "sonarr_queue_remove", "sonarr_command"]);
    expect(steps.find((s) => s.tool === "sonarr_set_quality_profile")?.message).toMatch(/now uses quality profile 3 \(was 4\)/);
  });

  it("is marked for the user, and left at its quality, when lower quality is not allowed", async () => {
    const { owner, stack } = await paired("nolower");
    await setRecovery(owner, { maxAttempts: 2, allowLowerQuality: false });
    const h = hub(owner.tenant.id);
    await h.runQueueCheck();
    const regrab = await failTheRegrab(owner, stack);
    const commandsBefore = (await sim.requests(stack, "sonarr")).filter((r) => r.method === "POST" && r.path === "/api/v3/command").length;

    const second = await h.runQueueCheck();
    expect(second.actions.find((a) => a.key === regrab.downloadId)).toMatchObject({ strategy: "alert", outcome: "exhausted" });
    expect(await seriesPuts(stack)).toEqual([]);
    expect((await sim.requests(stack, "sonarr")).filter((r) => r.method === "POST" && r.path === "/api/v3/command")).toHaveLength(commandsBefore);
    const recoveries = (await (await api("/api/v1/downloads/recoveries", { token: owner.accessToken })).json()) as {
      items: { outcome: string; why?: string }[];
    };
    expect(recoveries.items.find((r) => r.outcome === "exhausted")?.why).toMatch(/2 releases failed at WEBDL-1080p/);
  });
});

describe("a download that left the queue without being imported", () => {
  it("is searched for again, once; one that was imported is not", async () => {
    const { owner, stack } = await paired("vanished");
    const h = hub(owner.tenant.id);
    await h.runQueueCheck();

    const radarr = await radarrQueue(owner);
    const oppenheimer = radarr.find((r) => r.title.startsWith("Oppenheimer"))!;
    // Somebody deletes the job in SABnzbd; Radarr stops tracking it and records nothing.
    await toolData(owner.accessToken, "sabnzbd_delete", { from: "queue", nzoIds: [oppenheimer.downloadId] });
    // Meanwhile the downloading episode finishes and is imported.
    const strangerThings = (await sonarrQueue(owner)).find((r) => r.title.startsWith("Stranger.Things"))!;
    await fetch(`${stack.simulators.sabnzbd}/__sim/tick`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ seconds: 600 }),
    });
    expect((await sonarrQueue(owner)).some((r) => r.downloadId === strangerThings.downloadId)).toBe(false);

    const second = await h.runQueueCheck();
    expect(second.actions.find((a) => a.key === oppenheimer.downloadId)).toMatchObject({ strategy: "search_again", outcome: "succeeded" });
    expect(second.actions.some((a) => a.key === strangerThings.downloadId)).toBe(false);
    const searches = (await sim.requests(stack, "radarr")).filter((r) => r.method === "POST" && r.path === "/api/v3/command");
    const historyLookups = (await sim.requests(stack, "radarr")).filter((r) => r.path === "/api/v3/history" && r.query.downloadId === oppenheimer.downloadId);
    expect(historyLookups).toHaveLength(1);
    expect((await radarrQueue(owner)).some((r) => r.movieId === oppenheimer.movieId && r.downloadId !== oppenheimer.downloadId)).toBe(true);

    const third = await h.runQueueCheck();
    expect(third.actions.some((a) => a.key === oppenheimer.downloadId)).toBe(false);
    expect((await sim.requests(stack, "radarr")).filter((r) => r.method === "POST" && r.path === "/api/v3/command")).toHaveLength(searches.length);
  });
});
