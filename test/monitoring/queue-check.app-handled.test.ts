// A SABnzbd failure that Sonarr/Radarr track is theirs: the real apps process a failed download themselves within a
// minute (FailedDownloadService.ProcessFailed: downloadFailed, blocklist, a new search if autoRedownloadFailed; the
// simulator does it on RefreshMonitoredDownloads, connector/src/simulators/SOURCES.md). AutoArr must not act again.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { api, type Session } from "../helpers";
import { hub, pairedTenantsForThisFile, sim, type Stack } from "../stacks";

const paired = pairedTenantsForThisFile();

type Logged = { method: string; path: string; query: Record<string, unknown> };
const TRANSIENT = "URL Fetching failed; Server could not complete request"; // sabnzbd/urlgrabber.py

async function queueItems(owner: Session) {
  return (
    (await (await api("/api/v1/downloads/queue", { token: owner.accessToken })).json()) as {
      items: { app: string; downloadId: string | null; problem: string | null; title: string }[];
    }
  ).items;
}

async function failInSab(stack: Stack, downloadId: string, message: string) {
  const response = await fetch(`${stack.simulators.sabnzbd}/__sim/queue/fail`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ downloadId, message }),
  });
  expect(response.status).toBe(200);
}

/** What the real app does by itself every minute (DownloadMonitoringService → ProcessMonitoredDownloads). */
async function appProcessesFailures(stack: Stack, app: "sonarr" | "radarr") {
  const response = await fetch(`${stack.simulators[app]}/api/v3/command`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Api-Key": stack.keys[app] },
    body: JSON.stringify({ name: "RefreshMonitoredDownloads" }),
  });
  expect(response.status).toBe(201);
  // From here on the app's request log holds AutoArr's calls only.
  expect((await fetch(`${stack.simulators[app]}/__sim/requests`, { method: "DELETE" })).status).toBe(200);
}

const writes = (log: Logged[]) => log.filter((r) => r.method !== "GET");

describe("a SABnzbd failure Sonarr/Radarr track", () => {
  it("is left to the app that already processed it: no SABnzbd retry, no second blocklist or search, and recorded as handled by it", async () => {
    const { owner, stack } = await paired("apphandled");
    const movie = (await queueItems(owner)).find((i) => i.app === "radarr" && i.downloadId && i.problem === null)!;
    expect(movie).toBeDefined();
    await failInSab(stack, movie.downloadId!, TRANSIENT);
    // Radarr sees the failure first (it polls every minute, AutoArr every two): blocklist, new search; the demo Radarr
    // keeps failed jobs in SABnzbd's history (removeFailedDownloads off), so SABnzbd still lists it as failed.
    await appProcessesFailures(stack, "radarr");
    const h = hub(owner.tenant.id);
    await h.runQueueCheck();
    await h.runQueueCheck();

    const sab = (await sim.requests(stack, "sabnzbd")) as Logged[];
    expect(sab.filter((r) => r.query.mode === "retry")).toEqual([]);
    expect(writes((await sim.requests(stack, "radarr")) as Logged[])).toEqual([]);
    const rows = await env.DB.prepare("SELECT strategy, outcome, failure_reason, detail FROM recovery_actions WHERE tenant_id = ? AND download_id = ?")
      .bind(owner.tenant.id, movie.downloadId)
      .all<{ strategy: string; outcome: string; failure_reason: string; detail: string }>();
    expect(rows.results).toHaveLength(1);
    expect(rows.results[0]).toMatchObject({ strategy: "alert", outcome: "handled_by_app" });
    const notices = await env.DB.prepare("SELECT level, message FROM activity_log WHERE tenant_id = ? AND kind = 'recovery' AND message LIKE ?")
      .bind(owner.tenant.id, `${movie.title}%`)
      .all<{ level: string; message: string }>();
    expect(notices.results).toHaveLength(1);
    expect(notices.results[0]!.level).toBe("info");
    expect(notices.results[0]!.message).toMatch(/Radarr handled this failure itself/);
  });

  it("searches once itself when the app blocklisted the release but does not search again (autoRedownloadFailed off)", async () => {
    const { owner, stack } = await paired("appnoredl");
    const headers = { "Content-Type": "application/json", "X-Api-Key": stack.keys.radarr };
    const config = (await (await fetch(`${stack.simulators.radarr}/api/v3/config/downloadclient`, { headers })).json()) as { id: number };
    const set = await fetch(`${stack.simulators.radarr}/api/v3/config/downloadclient/${config.id}`, {
      method: "PUT",
      headers,
      body: JSON.stringify({ ...config, autoRedownloadFailed: false }),
    });
    expect(set.status).toBeLessThan(300);
    const movie = (await queueItems(owner)).find((i) => i.app === "radarr" && i.downloadId && i.problem === null)!;
    await failInSab(stack, movie.downloadId!, "Download failed - Not on your server(s)");
    await appProcessesFailures(stack, "radarr");
    const h = hub(owner.tenant.id);
    await h.runQueueCheck();
    await h.runQueueCheck();
    const rows = await env.DB.prepare("SELECT download_id, strategy, outcome FROM recovery_actions WHERE tenant_id = ? AND app = 'radarr'")
      .bind(owner.tenant.id)
      .all<{ download_id: string; strategy: string; outcome: string }>();
    expect(rows.results.filter((r) => r.download_id === movie.downloadId)).toEqual([
      { download_id: movie.downloadId, strategy: "mark_failed_and_search", outcome: "succeeded" },
    ]);
    // One search per download Radarr blocklisted without searching (the seeded failed movie is another, processed alike), no blocklist of AutoArr's own.
    const log = writes((await sim.requests(stack, "radarr")) as Logged[]);
    expect(log.every((r) => r.method === "POST" && r.path.endsWith("/command"))).toBe(true);
    expect(log).toHaveLength(rows.results.filter((r) => r.strategy === "mark_failed_and_search" && r.outcome === "succeeded").length);
    expect(((await sim.requests(stack, "sabnzbd")) as Logged[]).filter((r) => r.query.mode === "retry")).toEqual([]);
  });
});

describe("a tracked failure the app processed but that needs the user", () => {
  it("is still an alert when it is a news-server problem the next download would hit too", async () => {
    const { owner, stack } = await paired("appsetup");
    const movie = (await queueItems(owner)).find((i) => i.app === "radarr" && i.downloadId && i.problem === null)!;
    await failInSab(stack, movie.downloadId!, "Failed login for server news.example.com");
    await appProcessesFailures(stack, "radarr");
    await hub(owner.tenant.id).runQueueCheck();
    const rows = await env.DB.prepare("SELECT strategy, outcome FROM recovery_actions WHERE tenant_id = ? AND download_id = ?")
      .bind(owner.tenant.id, movie.downloadId)
      .all<{ strategy: string; outcome: string }>();
    expect(rows.results).toEqual([{ strategy: "alert", outcome: "alerted" }]);
    expect(writes((await sim.requests(stack, "radarr")) as Logged[])).toEqual([]);
  });
});
