// A stall that SABnzbd's own setup explains: the alert says why, once for every job it holds up.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { api, type Session } from "../helpers";
import { hub, pairedTenantsForThisFile, sim, type Stack } from "../stacks";

const paired = pairedTenantsForThisFile();

type Logged = { method: string; path: string; query: Record<string, unknown> };
const serverReads = (log: Logged[]) => log.filter((r) => r.query.mode === "get_config" && r.query.section === "servers");

async function sabApi(stack: Stack, params: Record<string, string>): Promise<Record<string, unknown>> {
  const query = new URLSearchParams({ ...params, apikey: stack.keys.sabnzbd, output: "json" });
  return (await (await fetch(`${stack.simulators.sabnzbd}/api?${query}`)).json()) as Record<string, unknown>;
}

async function setRecovery(owner: Session, settings: Record<string, unknown>) {
  expect((await api("/api/v1/settings/recovery", { method: "PUT", token: owner.accessToken, json: settings })).status).toBe(200);
}

const tick = (stack: Stack) =>
  fetch(`${stack.simulators.sabnzbd}/__sim/tick`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ seconds: 20 }) });

describe("stalls explained by SABnzbd's setup", () => {
  it("says SABnzbd has no enabled news server, in one alert for every stalled job, reading the servers once", async () => {
    const { owner, stack } = await paired("noserver");
    await setRecovery(owner, { stallChecks: 2 });
    const servers = (await sabApi(stack, { mode: "get_config", section: "servers" })) as { config: { servers: { name: string }[] } };
    for (const server of servers.config.servers) await sabApi(stack, { mode: "set_config", section: "servers", name: server.name, enable: "0" });
    // A second job, added by hand, that makes no progress either.
    const added = (await sabApi(stack, {
      mode: "addurl",
      name: "https://indexer.example/getnzb/Other.Show.S01E02.nzb",
      nzbname: "Other.Show.S01E02.720p.WEB-GRP",
    })) as { nzo_ids: string[] };
    await fetch(`${stack.simulators.sabnzbd}/__sim/queue/progress`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ downloadId: added.nzo_ids[0], state: "stalled" }),
    });

    const before = serverReads((await sim.requests(stack, "sabnzbd")) as Logged[]).length; // the test's own read above
    const reads = async () => serverReads((await sim.requests(stack, "sabnzbd")) as Logged[]).length - before;
    const h = hub(owner.tenant.id);
    await h.runQueueCheck();
    await tick(stack);
    await h.runQueueCheck();
    // Nothing stalled yet, and the demo's other failures say their own reasons: the server list was not read.
    expect(await reads()).toBe(0);
    await tick(stack);
    await h.runQueueCheck();
    expect(await reads()).toBe(1);
    await tick(stack);
    await h.runQueueCheck();
    expect(await reads()).toBe(1);
    // SABnzbd's own warnings are read beside the servers, in the same round trip and as rarely.
    expect(((await sim.requests(stack, "sabnzbd")) as Logged[]).filter((r) => r.query.mode === "warnings")).toHaveLength(1);

    const rows = await env.DB.prepare(
      "SELECT strategy, outcome, failure_reason FROM recovery_actions WHERE tenant_id = ? AND failure_reason LIKE 'No progress%'",
    )
      .bind(owner.tenant.id)
      .all<{ strategy: string; outcome: string; failure_reason: string }>();
    expect(rows.results).toHaveLength(1);
    expect(rows.results[0]).toMatchObject({ strategy: "alert", outcome: "alerted" });
    expect(rows.results[0]!.failure_reason).toContain("SABnzbd has no enabled news server, so nothing can download");
    const alerts = await env.DB.prepare("SELECT message FROM activity_log WHERE tenant_id = ? AND message LIKE '%news server%'")
      .bind(owner.tenant.id)
      .all<{ message: string }>();
    // One detection notice and one alert, not a pair per stalled job.
    expect(alerts.results).toHaveLength(2);
  });

  it("alerts once for a setup problem SABnzbd names in its failures, however many jobs it fails, and retries none", async () => {
    const { owner, stack } = await paired("noresolve");
    const h = hub(owner.tenant.id);
    const names = ["First.Show.S01E01.1080p.WEB-GRP", "Second.Show.S03E07.1080p.WEB-GRP"];
    for (const nzbname of names) {
      const added = (await sabApi(stack, { mode: "addurl", name: `https://indexer.invalid/getnzb/${nzbname}.nzb`, nzbname })) as { nzo_ids: string[] };
      // sabnzbd/urlgrabber.py: the indexer's name does not resolve (the fetch is not retried by SABnzbd itself).
      await fetch(`${stack.simulators.sabnzbd}/__sim/queue/fail`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ downloadId: added.nzo_ids[0], message: "URL Fetching failed; Server name does not resolve" }),
      });
    }
    await h.runQueueCheck();
    await h.runQueueCheck();
    const rows = await env.DB.prepare("SELECT title, strategy, outcome FROM recovery_actions WHERE tenant_id = ? AND failure_reason LIKE '%does not resolve%'")
      .bind(owner.tenant.id)
      .all<{ title: string; strategy: string; outcome: string }>();
    expect(rows.results).toHaveLength(1);
    expect(rows.results[0]).toMatchObject({ strategy: "alert", outcome: "alerted" });
    const notices = await env.DB.prepare("SELECT message FROM activity_log WHERE tenant_id = ? AND message LIKE '%does not resolve%'")
      .bind(owner.tenant.id)
      .all<{ message: string }>();
    expect(notices.results).toHaveLength(2); // the detection and the alert, for the first job only
    expect(((await sim.requests(stack, "sabnzbd")) as Logged[]).filter((r) => r.query.mode === "retry")).toEqual([]);
  });

  it("quotes SABnzbd's own latest warning in a stall's alert when its servers are fine", async () => {
    const { owner, stack } = await paired("sabwarns");
    await setRecovery(owner, { stallChecks: 2, mode: "dry-run" });
    // As SABnzbd's GUIHandler records a failed login (sabnzbd/newswrapper.py).
    const planted = await fetch(`${stack.simulators.sabnzbd}/__sim/sabnzbd-warning`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text: "Failed login for server news.newshosting.com", origin: "newswrapper.py437" }),
    });
    expect(planted.status).toBe(200);
    const h = hub(owner.tenant.id);
    for (let check = 0; check < 3; check++) {
      await h.runQueueCheck();
      await tick(stack);
    }
    const rows = await env.DB.prepare("SELECT failure_reason FROM recovery_actions WHERE tenant_id = ? AND failure_reason LIKE 'No progress%'")
      .bind(owner.tenant.id)
      .all<{ failure_reason: string }>();
    expect(rows.results).toHaveLength(1);
    expect(rows.results[0]!.failure_reason).toContain('SABnzbd itself warns: "Failed login for server news.newshosting.com"');
  });
});
