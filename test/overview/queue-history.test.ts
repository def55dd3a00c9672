// The periodic check records what the overview's charts show from the reads it makes anyway: a queue sample when it
// read SABnzbd's queue, SABnzbd's completed downloads once each, and when it first saw each failure.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api } from "../helpers";
import { hub, pairedTenantsForThisFile, type Stack } from "../stacks";

const paired = pairedTenantsForThisFile();

async function sabnzbd(stack: Stack, mode: string) {
  const response = await fetch(`${stack.simulators.sabnzbd}/api?mode=${mode}&limit=50&apikey=${stack.keys.sabnzbd}&output=json`);
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, Record<string, unknown>>;
}

const rows = <T>(query: string, tenantId: string) =>
  env.DB.prepare(query)
    .bind(tenantId)
    .all<T>()
    .then((r) => r.results);

const tick = (stack: Stack, seconds: number) =>
  fetch(`${stack.simulators.sabnzbd}/__sim/tick`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ seconds }) });

describe("the queue check's records for the overview", () => {
  it("records a sample and the completed downloads, nothing more when nothing changed, and a new sample when the queue moved", async () => {
    const { owner, stack } = await paired("overview-history");
    const tenantId = owner.tenant.id;
    expect((await api("/api/v1/settings/recovery", { method: "PUT", token: owner.accessToken, json: { mode: "dry-run" } })).status).toBe(200);

    const started = Date.now();
    await hub(tenantId).runQueueCheck();
    const { queue } = await sabnzbd(stack, "queue");
    const { history } = await sabnzbd(stack, "history");
    const completed = (history!.slots as { nzo_id: string; status: string; name: string; completed: number }[]).filter((s) => s.status === "Completed");
    expect(completed.length).toBeGreaterThan(0);

    const samples = await rows<{ at: number; speed_bytes_per_second: number; size_left_bytes: number; items: number }>(
      "SELECT at, speed_bytes_per_second, size_left_bytes, items FROM queue_samples WHERE tenant_id = ? ORDER BY at",
      tenantId,
    );
    expect(samples).toHaveLength(1);
    expect(samples[0]!.at).toBeGreaterThanOrEqual(started);
    expect(samples[0]).toMatchObject({
      speed_bytes_per_second: Math.round(Number(queue!.kbpersec) * 1024),
      size_left_bytes: Math.round(Number(queue!.mbleft) * 1024 * 1024),
      items: Number(queue!.noofslots_total ?? queue!.noofslots),
    });
    const completions = () =>
      rows<{ download_id: string; title: string; completed_at: number }>(
        "SELECT download_id, title, completed_at FROM download_completions WHERE tenant_id = ? ORDER BY download_id",
        tenantId,
      );
    const expected = completed
      .map((s) => ({ download_id: s.nzo_id, title: s.name, completed_at: Number(s.completed) * 1000 }))
      .sort((a, b) => a.download_id.localeCompare(b.download_id));
    expect(await completions()).toEqual(expected);

    // Nothing changed: the check reuses its reads and writes nothing for the charts.
    await hub(tenantId).runQueueCheck();
    expect(await rows("SELECT at FROM queue_samples WHERE tenant_id = ?", tenantId)).toHaveLength(1);
    expect(await completions()).toEqual(expected);

    // Downloads moved in SABnzbd: its queue is read again, and sampled.
    expect((await tick(stack, 5)).status).toBe(200);
    await hub(tenantId).runQueueCheck();
    expect(await rows("SELECT at FROM queue_samples WHERE tenant_id = ?", tenantId)).toHaveLength(2);
    expect(await completions()).toEqual(expected);

    // The overview counts those completions on their own days (UTC here).
    const overview = (await (await api("/api/v1/overview?days=31", { token: owner.accessToken })).json()) as {
      days: { date: string; downloadsCompleted: number }[];
    };
    const inWindow = expected.filter((c) => c.completed_at >= Date.parse(`${overview.days[0]!.date}T00:00:00Z`));
    expect(overview.days.reduce((sum, d) => sum + d.downloadsCompleted, 0)).toBe(inWindow.length);
  });

  it("keeps when it first saw each failure on the recovery actions it records", async () => {
    const { owner } = await paired("overview-detected-at");
    const before = Date.now();
    const report = await hub(owner.tenant.id).runQueueCheck();
    expect(report.actions.length).toBeGreaterThan(0);
    const actions = await rows<{ detected_at: number | null; created_at: number }>(
      "SELECT detected_at, created_at FROM recovery_actions WHERE tenant_id = ?",
      owner.tenant.id,
    );
    expect(actions.length).toBe(report.actions.length);
    for (const action of actions) {
      expect(action.detected_at).toBeGreaterThanOrEqual(before);
      expect(action.detected_at).toBeLessThanOrEqual(action.created_at);
    }
  });
});
