import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { TenantHub } from "../../durable-objects/tenant-hub/tenant-hub.do";
import { api, errorOf, type Session } from "../helpers";
import { hub, hubStub, pairedTenantsForThisFile, sim, stopConnector } from "../stacks";

const paired = pairedTenantsForThisFile();

type Logged = { method: string; path: string; query: Record<string, unknown> };
const blocklists = (log: Logged[]) => log.filter((r) => r.method === "DELETE" && /\/queue\/\d+$/.test(r.path) && String(r.query.blocklist) === "true");
const commands = (log: Logged[]) => log.filter((r) => r.method === "POST" && r.path.endsWith("/command"));

async function setRecovery(owner: Session, settings: Record<string, unknown>) {
  const response = await api("/api/v1/settings/recovery", { method: "PUT", token: owner.accessToken, json: settings });
  expect(response.status).toBe(200);
}

describe("queue monitoring and recovery", () => {
  it("recovers the demo stack's failed download on the next check: one blocklist and one search, and not again", async () => {
    const { owner, stack } = await paired("recover");
    const report = await hub(owner.tenant.id).runQueueCheck();
    expect(report.detections).toBeGreaterThan(0);
    expect(report.actions.filter((a) => a.strategy === "blocklist_and_search" && a.outcome === "succeeded").length).toBeGreaterThan(0);

    const sonarr = (await sim.requests(stack, "sonarr")) as Logged[];
    const radarr = (await sim.requests(stack, "radarr")) as Logged[];
    const sonarrFailures = report.actions.filter((a) => a.strategy === "blocklist_and_search").length;
    expect(blocklists(sonarr).length + blocklists(radarr).length).toBe(sonarrFailures);
    expect(commands(sonarr).length + commands(radarr).length).toBe(sonarrFailures);
    expect(commands(sonarr).length).toBeGreaterThanOrEqual(1);

    const again = await hub(owner.tenant.id).runQueueCheck();
    expect(again.actions.filter((a) => a.outcome === "succeeded")).toEqual([]);
    const sonarrAfter = (await sim.requests(stack, "sonarr")) as Logged[];
    expect(blocklists(sonarrAfter)).toHaveLength(blocklists(sonarr).length);
    expect(commands(sonarrAfter)).toHaveLength(commands(sonarr).length);

    const recoveries = (await (await api("/api/v1/downloads/recoveries", { token: owner.accessToken })).json()) as {
      items: { outcome: string; strategy: string }[];
    };
    expect(recoveries.items.some((r) => r.outcome === "succeeded" && r.strategy === "blocklist_and_search")).toBe(true);
  });

  it("acts once when two checks start at the same time", async () => {
    const { owner, stack } = await paired("overlap");
    const h = hub(owner.tenant.id);
    const [a, b] = await Promise.all([h.runQueueCheck(), h.runQueueCheck()]);
    expect(a).toEqual(b);
    const log = [...((await sim.requests(stack, "sonarr")) as Logged[]), ...((await sim.requests(stack, "radarr")) as Logged[])];
    expect(blocklists(log)).toHaveLength(a.actions.filter((x) => x.strategy === "blocklist_and_search").length);
  });

  it("counts a download as stalled only after the configured number of checks without progress, never a moving one", async () => {
    const { owner, stack } = await paired("stall");
    await setRecovery(owner, { stallChecks: 2, mode: "dry-run" });
    const h = hub(owner.tenant.id);
    const stalledRows = async () =>
      (
        await env.DB.prepare("SELECT title FROM recovery_actions WHERE tenant_id = ? AND failure_reason LIKE 'No progress%'")
          .bind(owner.tenant.id)
          .all<{ title: string }>()
      ).results;
    const tick = () =>
      fetch(`${stack.simulators.sabnzbd}/__sim/tick`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ seconds: 20 }),
      });

    await h.runQueueCheck();
    await tick();
    await h.runQueueCheck();
    expect(await stalledRows()).toEqual([]);
    await tick();
    await h.runQueueCheck();
    const stalled = await stalledRows();
    expect(stalled).toHaveLength(1);
  });

  it("reports a stalled download that later really fails as failed", async () => {
    const { owner, stack } = await paired("stallfail");
    await setRecovery(owner, { stallChecks: 2, mode: "dry-run" });
    const h = hub(owner.tenant.id);
    const rows = async () =>
      (
        await env.DB.prepare("SELECT download_id, failure_reason FROM recovery_actions WHERE tenant_id = ?")
          .bind(owner.tenant.id)
          .all<{ download_id: string; failure_reason: string }>()
      ).results;
    const tick = () =>
      fetch(`${stack.simulators.sabnzbd}/__sim/tick`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ seconds: 20 }),
      });
    await h.runQueueCheck();
    await tick();
    await h.runQueueCheck();
    await tick();
    await h.runQueueCheck();
    const stalled = (await rows()).find((r) => r.failure_reason.startsWith("No progress"))!;
    expect(stalled).toBeDefined();
    await fetch(`${stack.simulators.sabnzbd}/__sim/queue/fail`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ downloadId: stalled.download_id, message: "Download failed - Not on your server(s)" }),
    });
    await h.runQueueCheck();
    expect((await rows()).filter((r) => r.download_id === stalled.download_id && !r.failure_reason.startsWith("No progress")).length).toBeGreaterThan(0);
  });

  it("only alerts on a disk-full failure: no retry, no blocklist", async () => {
    const { owner, stack } = await paired("diskfull");
    const queue = (await (await api("/api/v1/downloads/queue", { token: owner.accessToken })).json()) as {
      items: { downloadId: string | null; problem: string | null }[];
    };
    const healthy = queue.items.find((i) => i.downloadId && i.problem === null)!;
    await fetch(`${stack.simulators.sabnzbd}/__sim/queue/fail`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ downloadId: healthy.downloadId, message: "Unpacking failed, write error or disk is full?" }),
    });
    const report = await hub(owner.tenant.id).runQueueCheck();
    const action = report.actions.find((a) => a.key === healthy.downloadId);
    expect(action).toMatchObject({ strategy: "alert", outcome: "alerted" });
    const sab = (await sim.requests(stack, "sabnzbd")) as Logged[];
    expect(sab.filter((r) => r.query.mode === "retry")).toHaveLength(0);
  });

  it("acts on nothing in dry-run mode, but records what it would do", async () => {
    const { owner, stack } = await paired("dryrun");
    await setRecovery(owner, { mode: "dry-run" });
    const report = await hub(owner.tenant.id).runQueueCheck();
    expect(report.actions.some((a) => a.outcome === "dry_run")).toBe(true);
    const log = [...((await sim.requests(stack, "sonarr")) as Logged[]), ...((await sim.requests(stack, "radarr")) as Logged[])];
    expect(log.filter((r) => r.method !== "GET")).toEqual([]);
  });

  it("waits for approval in approval mode, then acts once approved", async () => {
    const { owner, stack } = await paired("approval");
    await setRecovery(owner, { mode: "approval" });
    const report = await hub(owner.tenant.id).runQueueCheck();
    expect(report.actions.some((a) => a.outcome === "awaiting_approval")).toBe(true);
    expect(((await sim.requests(stack, "sonarr")) as Logged[]).filter((r) => r.method !== "GET")).toEqual([]);

    const list = (await (await api("/api/v1/downloads/recoveries", { token: owner.accessToken })).json()) as {
      items: { id: string; outcome: string; strategy: string }[];
    };
    const waiting = list.items.find((i) => i.outcome === "awaiting_approval" && i.strategy === "blocklist_and_search")!;
    const approved = await api(`/api/v1/downloads/recoveries/${waiting.id}/approve`, { method: "POST", token: owner.accessToken });
    expect(approved.status).toBe(200);
    expect(await approved.json()).toEqual({ outcome: "succeeded" });
    const again = await api(`/api/v1/downloads/recoveries/${waiting.id}/approve`, { method: "POST", token: owner.accessToken });
    expect(again.status).toBe(409);
  });

  it("records the outage without crashing when the connector is down", async () => {
    const { owner, stack } = await paired("outage");
    await stopConnector(stack);
    const report = await hub(owner.tenant.id).runQueueCheck();
    expect(report.skipped).toBe("unreachable");
    expect((await hub(owner.tenant.id).serviceHealth()).connector?.lastError).toMatch(/unreachable/i);
  });

  it("streams detections and recoveries to the tenant's WebSockets and not to another tenant's", async () => {
    const { owner } = await paired("live");
    const stranger = await paired("stranger");
    const open = async (token: string) => {
      const response = await api("/api/v1/ws", { headers: { Upgrade: "websocket", "Sec-WebSocket-Protocol": `autoarr, ${token}` } });
      const socket = response.webSocket!;
      socket.accept();
      const inbox: { type: string; data: { outcome?: string } }[] = [];
      socket.addEventListener("message", (e) => inbox.push(JSON.parse(e.data as string)));
      return { socket, inbox };
    };
    const mine = await open(owner.accessToken);
    const theirs = await open(stranger.owner.accessToken);
    await hub(owner.tenant.id).runQueueCheck();
    const deadline = Date.now() + 3_000;
    while (!mine.inbox.some((m) => m.type === "recovery" && m.data.outcome === "succeeded") && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    expect(mine.inbox.some((m) => m.type === "recovery" && m.data.outcome === "succeeded")).toBe(true);
    expect(theirs.inbox.filter((m) => m.type === "recovery" || m.type === "activity")).toEqual([]);
    mine.socket.close();
    theirs.socket.close();
  });

  it("runs a paired tenant's check from its hub's alarm", async () => {
    const { owner } = await paired("alarm");
    const stub = hubStub(owner.tenant.id);
    // The suite's hubs arm no alarm of their own (CHECK_ALARMS=off); this one does, as outside the tests.
    await runInDurableObject(stub, (instance: TenantHub) => {
      instance.scheduleChecks = true;
    });
    await hub(owner.tenant.id).connectorsChanged();
    await runInDurableObject(stub, (instance: TenantHub, state) => {
      const due = state.storage.kv.get<{ dueAt: number }>("schedule:check")!.dueAt;
      instance.clock = () => due;
    });
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const rows = await env.DB.prepare("SELECT COUNT(*) AS n FROM recovery_actions WHERE tenant_id = ?").bind(owner.tenant.id).first<{ n: number }>();
    expect(rows!.n).toBeGreaterThan(0);
  });
});

describe("recovery settings", () => {
  it("refuses webhooks to private, loopback or link-local addresses, and plain http", async () => {
    const { signUp } = await import("../helpers");
    const owner = await signUp("webhook");
    for (const url of [
      "http://hooks.example.com/x",
      "https://127.0.0.1/x",
      "https://10.0.0.5/x",
      "https://169.254.169.254/latest",
      "https://[::1]/x",
      "https://nas.local/x",
      "https://2130706433/",
    ]) {
      const response = await api("/api/v1/settings/recovery", { method: "PUT", token: owner.accessToken, json: { webhookUrl: url } });
      expect(response.status, url).toBe(400);
      expect((await errorOf(response)).code).toBe("invalid_request");
    }
    const ok = await api("/api/v1/settings/recovery", {
      method: "PUT",
      token: owner.accessToken,
      json: { webhookUrl: "https://discord.com/api/webhooks/1/abc", webhookFormat: "discord", maxAttempts: 5 },
    });
    expect(ok.status).toBe(200);
    const read = (await (await api("/api/v1/settings/recovery", { token: owner.accessToken })).json()) as {
      maxAttempts: number;
      mode: string;
      webhookUrl: string;
    };
    expect(read).toMatchObject({ maxAttempts: 5, mode: "auto", webhookUrl: "https://discord.com/api/webhooks/1/abc" });
    // A webhook URL is a credential: D1 holds it sealed.
    const row = await env.DB.prepare("SELECT recovery FROM tenant_settings WHERE tenant_id = ?").bind(owner.tenant.id).first<{ recovery: string }>();
    expect(row!.recovery).not.toContain("discord.com");
    expect(JSON.parse(row!.recovery)).toMatchObject({ maxAttempts: 5, webhookUrlSealed: expect.stringMatching(/^v2\.[0-9a-f]{16}\./) });
    // Sealed under a key since rotated: the webhook is off, the rest of the settings stand, and nothing fails.
    const foreign = JSON.stringify({ ...JSON.parse(row!.recovery), webhookUrlSealed: "v1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" });
    await env.DB.prepare("UPDATE tenant_settings SET recovery = ? WHERE tenant_id = ?").bind(foreign, owner.tenant.id).run();
    const rotated = await api("/api/v1/settings/recovery", { token: owner.accessToken });
    expect(rotated.status).toBe(200);
    expect(await rotated.json()).toMatchObject({ maxAttempts: 5, webhookUrl: null });
  });

  it("pages the activity log newest first and keeps it per tenant", async () => {
    const { owner } = await paired("activity");
    await hub(owner.tenant.id).runQueueCheck();
    const first = (await (await api("/api/v1/activity?limit=2", { token: owner.accessToken })).json()) as {
      items: { at: string }[];
      nextCursor: string | null;
    };
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    expect(first.items[0]!.at >= first.items[1]!.at).toBe(true);
    const second = (await (await api(`/api/v1/activity?limit=2&cursor=${first.nextCursor}`, { token: owner.accessToken })).json()) as {
      items: { at: string }[];
    };
    expect(second.items.length).toBeGreaterThan(0);
    expect(second.items[0]!.at <= first.items[1]!.at).toBe(true);
    const { signUp } = await import("../helpers");
    const other = await signUp("otheractivity");
    const theirs = (await (await api("/api/v1/activity", { token: other.accessToken })).json()) as { items: unknown[] };
    expect(theirs.items).toEqual([]);
    expect((await api("/api/v1/activity?cursor=garbage", { token: owner.accessToken })).status).toBe(400);
  });
});
