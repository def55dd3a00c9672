// Retries end to end against the SABnzbd simulator, which behaves as a real 4.5.0 does on a retry: a new nzo_id,
// the old history entry gone (trash-checklist.md, "Found on a real SABnzbd 4.5.0").
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { api, type Session } from "../helpers";
import { hub, pairedTenantsForThisFile, sim, type Stack } from "../stacks";

const paired = pairedTenantsForThisFile();

type Logged = { method: string; path: string; query: Record<string, unknown> };
const retries = (log: Logged[]) => log.filter((r) => r.query.mode === "retry");

async function setRecovery(owner: Session, settings: Record<string, unknown>) {
  const response = await api("/api/v1/settings/recovery", { method: "PUT", token: owner.accessToken, json: settings });
  expect(response.status).toBe(200);
}

/** SABnzbd's own API on the simulator, as the connector calls it. */
async function sabApi(stack: Stack, params: Record<string, string>): Promise<Record<string, unknown>> {
  const query = new URLSearchParams({ ...params, apikey: stack.keys.sabnzbd, output: "json" });
  return (await (await fetch(`${stack.simulators.sabnzbd}/api?${query}`)).json()) as Record<string, unknown>;
}

/** Adds a job by URL (mode=addurl), as a user or an RSS feed would: no Sonarr or Radarr tracks it. */
async function addJob(stack: Stack, nzbname: string): Promise<string> {
  const answer = (await sabApi(stack, { mode: "addurl", name: `https://indexer.example/getnzb/${nzbname}.nzb`, nzbname, cat: "tv" })) as { nzo_ids: string[] };
  return answer.nzo_ids[0]!;
}

async function failJob(stack: Stack, nzoId: string, message: string) {
  const response = await fetch(`${stack.simulators.sabnzbd}/__sim/queue/fail`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ downloadId: nzoId, message }),
  });
  expect(response.status).toBe(200);
}

/** The id SABnzbd's queue now shows for the job of this name (a retry gives it a new one). */
async function queuedId(stack: Stack, name: string): Promise<string | undefined> {
  const answer = (await sabApi(stack, { mode: "queue" })) as { queue: { slots: { nzo_id: string; filename: string }[] } };
  return answer.queue.slots.find((s) => s.filename === name)?.nzo_id;
}

async function recoveriesOf(owner: Session, title: string) {
  const list = (await (await api("/api/v1/downloads/recoveries?limit=100", { token: owner.accessToken })).json()) as {
    items: { title: string; strategy: string; outcome: string; attempt: number; failureReason: string; why: string | null }[];
  };
  return list.items.filter((i) => i.title === title).reverse();
}

async function alertsAbout(tenantId: string, title: string) {
  const rows = await env.DB.prepare("SELECT kind, level, message FROM activity_log WHERE tenant_id = ? AND message LIKE ? ORDER BY timestamp")
    .bind(tenantId, `${title}%`)
    .all<{ kind: string; level: string; message: string }>();
  return rows.results.filter((r) => r.kind === "recovery" && r.level === "error");
}

const TRANSIENT = "URL Fetching failed; Server could not complete request"; // sabnzbd/urlgrabber.py: the indexer broke off the answer

describe("retries of a SABnzbd-only job", () => {
  it("counts every retry (each a new nzo_id) and a re-add of the same release into one counter, and stops at maxAttempts with one alert", async () => {
    const { owner, stack } = await paired("retrycount");
    await setRecovery(owner, { maxAttempts: 3 });
    const h = hub(owner.tenant.id);
    const name = "Some.Show.S01E01.1080p.WEB-DL-GRP";

    let job = await addJob(stack, name);
    await failJob(stack, job, TRANSIENT);
    await h.runQueueCheck();
    expect(await recoveriesOf(owner, name)).toMatchObject([{ strategy: "retry_download", outcome: "succeeded", attempt: 1 }]);

    // The retried job carries a new id and fails again: attempt 2.
    const retried = await queuedId(stack, name);
    expect(retried).toBeDefined();
    expect(retried).not.toBe(job);
    await failJob(stack, retried!, TRANSIENT);
    await h.runQueueCheck();
    expect((await recoveriesOf(owner, name)).map((r) => [r.attempt, r.outcome])).toEqual([
      [1, "failed"],
      [2, "succeeded"],
    ]);

    // The retry of attempt 2 is deleted, and the same release is added again as a new job: it is still the same download.
    const second = await queuedId(stack, name);
    await sabApi(stack, { mode: "queue", name: "delete", value: second! });
    job = await addJob(stack, name);
    await failJob(stack, job, TRANSIENT);
    await h.runQueueCheck();
    expect((await recoveriesOf(owner, name)).map((r) => r.attempt)).toEqual([1, 2, 3]);

    // The third retry fails too: the cap is reached, so no more retries and one alert with SABnzbd's own reason.
    await failJob(stack, (await queuedId(stack, name))!, TRANSIENT);
    await h.runQueueCheck();
    await h.runQueueCheck();
    await h.runQueueCheck();
    const rows = await recoveriesOf(owner, name);
    // A retry whose new job failed again did not recover anything; the one whose job was deleted by hand is left as it was.
    expect(rows.map((r) => [r.strategy, r.outcome])).toEqual([
      ["retry_download", "failed"],
      ["retry_download", "succeeded"],
      ["retry_download", "failed"],
      ["alert", "exhausted"],
    ]);
    expect(rows[3]!.failureReason).toBe(TRANSIENT);
    expect(retries((await sim.requests(stack, "sabnzbd")) as Logged[])).toHaveLength(3);
    const alerts = await alertsAbout(owner.tenant.id, name);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.message).toContain("3 recovery attempts");
  });

  it("never retries an NZB the indexer answers 404 for, and records that nothing was marked or searched", async () => {
    const { owner, stack } = await paired("url404");
    const h = hub(owner.tenant.id);
    const name = "Gone.Show.S02E05.720p.HDTV-LOL";
    const job = await addJob(stack, name);
    await failJob(stack, job, "URL Fetching failed; File not on server");
    for (let check = 0; check < 4; check++) await h.runQueueCheck();

    expect(retries((await sim.requests(stack, "sabnzbd")) as Logged[])).toEqual([]);
    const rows = await recoveriesOf(owner, name);
    // Neither Sonarr nor Radarr tracks the job: the record says an alert is all that was done.
    expect(rows).toMatchObject([{ strategy: "alert", outcome: "alerted", failureReason: "URL Fetching failed; File not on server" }]);
    const alerts = await alertsAbout(owner.tenant.id, name);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.message).toMatch(/nothing was marked failed or searched/i);
  });

  it("records an approved search for a job no app tracks as the alert it became", async () => {
    const { owner, stack } = await paired("approvealert");
    await setRecovery(owner, { mode: "approval" });
    const name = "Lost.Show.S03E01.1080p.WEB-DL-GRP";
    await failJob(stack, await addJob(stack, name), "URL Fetching failed; File not on server");
    await hub(owner.tenant.id).runQueueCheck();
    const waiting = (await (await api("/api/v1/downloads/recoveries?limit=100", { token: owner.accessToken })).json()) as {
      items: { id: string; title: string; outcome: string }[];
    };
    const action = waiting.items.find((i) => i.title === name && i.outcome === "awaiting_approval")!;
    expect(action).toBeDefined();
    const approved = await api(`/api/v1/downloads/recoveries/${action.id}/approve`, { method: "POST", token: owner.accessToken });
    expect(await approved.json()).toEqual({ outcome: "alerted" });
    expect(await recoveriesOf(owner, name)).toMatchObject([{ strategy: "alert", outcome: "alerted" }]);
  });
});
