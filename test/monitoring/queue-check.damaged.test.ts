// A job SABnzbd completes with articles missing and no PAR2 (a real 4.5 does: "Completed", fail_message "", the damage
// only in its stage log; the simulator's /__sim/sabnzbd-damaged follows it): reported once, with SABnzbd's own words,
// and blocklisted with a new search only while the app that grabbed it can still be kept from importing it.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { api, type Session } from "../helpers";
import { hub, pairedTenantsForThisFile, sim, type Stack } from "../stacks";

const paired = pairedTenantsForThisFile();

type Logged = { method: string; path: string; query: Record<string, unknown> };

async function damage(stack: Stack, downloadId: string, more: Record<string, unknown> = {}) {
  const response = await fetch(`${stack.simulators.sabnzbd}/__sim/sabnzbd-damaged`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ downloadId, missingArticles: 2, ...more }),
  });
  expect(response.status).toBe(200);
}

async function rowsFor(tenantId: string, downloadId: string) {
  return (
    await env.DB.prepare("SELECT strategy, outcome, failure_reason FROM recovery_actions WHERE tenant_id = ? AND download_id = ?")
      .bind(tenantId, downloadId)
      .all<{ strategy: string; outcome: string; failure_reason: string }>()
  ).results;
}

async function noticesFor(tenantId: string, title: string) {
  return (
    await env.DB.prepare("SELECT kind, message FROM activity_log WHERE tenant_id = ? AND instr(message, ?) = 1")
      .bind(tenantId, title)
      .all<{ kind: string; message: string }>()
  ).results;
}

async function healthyEpisode(owner: Session) {
  const items = (
    (await (await api("/api/v1/downloads/queue", { token: owner.accessToken })).json()) as {
      items: { app: string; downloadId: string | null; problem: string | null; title: string }[];
    }
  ).items;
  return items.find((i) => i.app === "sonarr" && i.downloadId && i.problem === null)!;
}

const writes = (log: Logged[]) => log.filter((r) => r.method !== "GET");

describe("a download SABnzbd completed with missing articles", () => {
  it("is reported once with SABnzbd's stage text when no app tracks it, and nothing is retried or changed", async () => {
    const { owner, stack } = await paired("damagedsab");
    const key = stack.keys.sabnzbd;
    const name = "Damaged.Show.S01E02.720p.WEB-DL-GRP";
    const added = (await (
      await fetch(
        `${stack.simulators.sabnzbd}/api?mode=addurl&name=${encodeURIComponent(`https://indexer.example/getnzb/${name}.nzb`)}&nzbname=${name}&apikey=${key}&output=json`,
      )
    ).json()) as { nzo_ids: string[] };
    await damage(stack, added.nzo_ids[0]!);
    const h = hub(owner.tenant.id);
    for (let check = 0; check < 3; check++) await h.runQueueCheck();
    const rows = await rowsFor(owner.tenant.id, added.nzo_ids[0]!);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ strategy: "alert", outcome: "alerted" });
    expect(rows[0]!.failure_reason).toContain("Download: 2 articles were missing; Repair: [Damaged.Show.S01E02.720p.WEB-DL-GRP] No par2 sets");
    // One detection notice and one alert, never again.
    expect((await noticesFor(owner.tenant.id, name)).map((n) => n.kind).sort()).toEqual(["detection", "recovery"]);
    expect(((await sim.requests(stack, "sabnzbd")) as Logged[]).filter((r) => r.query.mode === "retry" || r.query.name === "delete")).toEqual([]);
  });

  it("is blocklisted and searched again, once, while Sonarr has not imported it", async () => {
    const { owner, stack } = await paired("damagedarr");
    const episode = await healthyEpisode(owner);
    await damage(stack, episode.downloadId!, { imported: false });
    await fetch(`${stack.simulators.sonarr}/__sim/requests`, { method: "DELETE" });
    const h = hub(owner.tenant.id);
    await h.runQueueCheck();
    await h.runQueueCheck();
    expect(await rowsFor(owner.tenant.id, episode.downloadId!)).toMatchObject([{ strategy: "blocklist_and_search", outcome: "succeeded" }]);
    const log = writes((await sim.requests(stack, "sonarr")) as Logged[]);
    // The seeded failed episode is another download, recovered alike: two each, one per download.
    const removals = log.filter((r) => r.method === "DELETE" && String(r.query.blocklist) === "true");
    const searches = log.filter((r) => r.method === "POST" && r.path.endsWith("/command"));
    expect(removals).toHaveLength(2);
    expect(searches).toHaveLength(2);
  });

  it("is only reported, saying Sonarr has it, once Sonarr imported it", async () => {
    const { owner, stack } = await paired("damagedimp");
    const h = hub(owner.tenant.id);
    await h.runQueueCheck(); // the seeded failures are handled first
    const episode = await healthyEpisode(owner);
    await damage(stack, episode.downloadId!);
    await fetch(`${stack.simulators.sonarr}/__sim/requests`, { method: "DELETE" });
    await h.runQueueCheck();
    await h.runQueueCheck();
    const rows = await rowsFor(owner.tenant.id, episode.downloadId!);
    expect(rows).toMatchObject([{ strategy: "alert", outcome: "alerted" }]);
    const alert = (await noticesFor(owner.tenant.id, episode.title)).filter((n) => n.kind === "recovery");
    expect(alert).toHaveLength(1);
    expect(alert[0]!.message).toMatch(/Sonarr has it/);
    expect(writes((await sim.requests(stack, "sonarr")) as Logged[])).toEqual([]);
  });
});
