// The queue check asks the connector what changed (stack_changes) and reads in full only the apps that did: an idle
// tenant costs one round trip a check, a stalled download is still seen as stalled, every fifth check reads
// everything, and a connector without the tool gets today's four reads.
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { TenantHub } from "../../durable-objects/tenant-hub/tenant-hub.do";
import { FULL_READ_EVERY } from "../../workers/monitoring/queue-reads";
import { api, type Session } from "../helpers";
import { connectorToolsCalled, hideConnectorTools, hub, hubStub, pairedTenantsForThisFile, sim, type Stack } from "../stacks";

const paired = pairedTenantsForThisFile();
const READ_TOOLS = ["sabnzbd_queue", "sabnzbd_history", "sonarr_queue", "radarr_queue"];
const CHECK_TOOLS = new Set(["stack_changes", ...READ_TOOLS]);

/** Runs one check and returns the reading tools (stack_changes and the four reads) the connector ran for it, sorted. */
async function readsOfOneCheck(tenantId: string, stack: Stack): Promise<string[]> {
  const before = (await connectorToolsCalled(stack)).length;
  await hub(tenantId).runQueueCheck();
  return (await connectorToolsCalled(stack))
    .slice(before)
    .filter((tool) => CHECK_TOOLS.has(tool))
    .sort();
}

async function setRecovery(owner: Session, settings: Record<string, unknown>) {
  const response = await api("/api/v1/settings/recovery", { method: "PUT", token: owner.accessToken, json: settings });
  expect(response.status).toBe(200);
}

/** Empties SABnzbd's queue and history through its own API; Sonarr's and Radarr's queues follow, as they track SABnzbd's jobs. */
async function emptyQueues(stack: Stack) {
  for (const mode of ["queue", "history"]) {
    const response = await fetch(`${stack.simulators.sabnzbd}/api?mode=${mode}&name=delete&value=all&del_files=1&apikey=${stack.keys.sabnzbd}&output=json`);
    expect(response.status).toBe(200);
  }
}

const tick = (stack: Stack, seconds: number) =>
  fetch(`${stack.simulators.sabnzbd}/__sim/tick`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ seconds }) });

/** Radarr's breaker's consecutive failures, as the hub counts them. */
const radarrFailures = (tenantId: string) =>
  runInDurableObject(
    hubStub(tenantId),
    (instance: TenantHub) =>
      (instance as unknown as { breakers: { get(key: string): { consecutiveFailures: number } } }).breakers.get("radarr").consecutiveFailures,
  );

describe("a queue check that reads only what changed", () => {
  it("costs an idle tenant one connector call a check after the first, and reads everything again every fifth check", async () => {
    const { owner, stack } = await paired("changes-idle");
    await emptyQueues(stack);
    expect(await readsOfOneCheck(owner.tenant.id, stack)).toEqual(["stack_changes", ...READ_TOOLS].sort());
    for (let check = 2; check <= FULL_READ_EVERY; check++) expect(await readsOfOneCheck(owner.tenant.id, stack), `check ${check}`).toEqual(["stack_changes"]);
    expect(await readsOfOneCheck(owner.tenant.id, stack), "the fifth check after a full read").toEqual(["stack_changes", ...READ_TOOLS].sort());
    expect(await readsOfOneCheck(owner.tenant.id, stack)).toEqual(["stack_changes"]);
  });

  it("re-reads only the app that changed", async () => {
    const { owner, stack } = await paired("changes-one-app");
    await setRecovery(owner, { mode: "dry-run" });
    await readsOfOneCheck(owner.tenant.id, stack);
    expect(await readsOfOneCheck(owner.tenant.id, stack)).toEqual(["stack_changes"]);
    // Downloads move in SABnzbd (its queue's mbleft); no job finishes, and Sonarr's and Radarr's queue counts stay.
    await tick(stack, 5);
    expect(await readsOfOneCheck(owner.tenant.id, stack)).toEqual(["sabnzbd_queue", "stack_changes"]);
  });

  it("reads everything at the check after one that changed the queues itself", async () => {
    const { owner, stack } = await paired("changes-after-action");
    const first = await hub(owner.tenant.id).runQueueCheck();
    expect(first.actions.some((a) => a.strategy === "blocklist_and_search" && a.outcome === "succeeded")).toBe(true);
    // The blocklist removed a download and the search grabbed another: the counts alone might not have moved.
    expect(await readsOfOneCheck(owner.tenant.id, stack)).toEqual(["stack_changes", ...READ_TOOLS].sort());
  });

  it("reads everything at the check after a job action the user ran through the passthrough", async () => {
    const { owner, stack } = await paired("changes-after-passthrough");
    await setRecovery(owner, { mode: "dry-run" });
    await readsOfOneCheck(owner.tenant.id, stack);
    expect(await readsOfOneCheck(owner.tenant.id, stack)).toEqual(["stack_changes"]);
    const paused = await api("/api/v1/mcp/call", { method: "POST", token: owner.accessToken, json: { tool: "sabnzbd_pause", arguments: {} } });
    expect(paused.status).toBe(200);
    expect(await readsOfOneCheck(owner.tenant.id, stack)).toEqual(["stack_changes", ...READ_TOOLS].sort());
  });

  it("still sees a stalled download as stalled over checks that reuse the unchanged queue", async () => {
    const { owner, stack } = await paired("changes-stall");
    await setRecovery(owner, { stallChecks: 2, mode: "dry-run" });
    const stalled = async () =>
      (await (await api("/api/v1/downloads/recoveries", { token: owner.accessToken })).json()) as { items: { failureReason: string; title: string }[] };
    await readsOfOneCheck(owner.tenant.id, stack);
    expect(await readsOfOneCheck(owner.tenant.id, stack)).toEqual(["stack_changes"]);
    expect(await readsOfOneCheck(owner.tenant.id, stack)).toEqual(["stack_changes"]);
    const rows = (await stalled()).items.filter((r) => /^No progress/.test(r.failureReason));
    expect(rows.map((r) => r.title)).toEqual(expect.arrayContaining([expect.stringMatching(/^Severance\.S02E10/)]));
  });

  it("reads an app whose fingerprint fails in full, so its breaker sees the failure", async () => {
    const { owner, stack } = await paired("changes-app-down");
    await setRecovery(owner, { mode: "dry-run" });
    await readsOfOneCheck(owner.tenant.id, stack);
    await sim.faults(stack, "radarr", { down: true });
    const failuresBefore = await radarrFailures(owner.tenant.id);
    // A read of an app that is down is retried, as it always was: the tools, not how often.
    expect([...new Set(await readsOfOneCheck(owner.tenant.id, stack))]).toEqual(["radarr_queue", "stack_changes"]);
    expect(await radarrFailures(owner.tenant.id)).toBeGreaterThan(failuresBefore);
    await sim.clearFaults(stack, "radarr");
  });

  it("gives a connector without stack_changes today's four reads every check", async () => {
    const { owner, stack } = await paired("changes-old-connector");
    await setRecovery(owner, { mode: "dry-run" });
    await hideConnectorTools(owner.tenant.id, ["stack_changes"]);
    for (let check = 1; check <= 3; check++) expect(await readsOfOneCheck(owner.tenant.id, stack), `check ${check}`).toEqual([...READ_TOOLS].sort());
  });
});
