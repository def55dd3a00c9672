// Each tenant's hub runs its own two-minute check on a Durable Object alarm, at the tenant's offset within the
// period; it backs off while the connector is unreachable, has no alarm without a connector, and the cron only
// repairs hubs whose lease lapsed. The suite turns hubs' own alarms off (CHECK_ALARMS=off) so no check runs behind
// another test's back; these tests turn them on for their hubs (TenantHub.scheduleChecks) and fire the alarm with
// runDurableObjectAlarm after moving the hub's clock to its due time.
import { createExecutionContext, createScheduledController, env, runDurableObjectAlarm, runInDurableObject, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../workers/index";
import type { TenantHub } from "../../durable-objects/tenant-hub/tenant-hub.do";
import { CHECK_PERIOD_MS, type CheckSchedule, checkOffsetMs } from "../../durable-objects/tenant-hub/check-schedule";
import { api, errorOf, type Session, signUp } from "../helpers";
import { createStack, hub, hubStub, removeStack, sim, type Stack, startConnector, stopConnector } from "../stacks";
import { afterAll } from "vitest";

const stacks: Stack[] = [];
afterAll(async () => Promise.all(stacks.map(removeStack)));

/** A tenant with a running connector, the pairing code kept so the connector can be started again. */
async function pairedWithCode(label: string): Promise<{ owner: Session; stack: Stack; connectorId: string; pairingCode: string }> {
  const owner = await signUp(label);
  await selfScheduling(owner.tenant.id);
  const stack = await createStack();
  stacks.push(stack);
  const created = await api("/api/v1/connectors", { method: "POST", token: owner.accessToken, json: { name: "NAS", url: stack.connectorUrl } });
  expect(created.status).toBe(201);
  const body = (await created.json()) as { connector: { id: string }; pairingCode: string };
  await startConnector(stack, body.pairingCode);
  return { owner, stack, connectorId: body.connector.id, pairingCode: body.pairingCode };
}

/** Lets this tenant's hub arm its own check alarm, as it does outside the tests. */
async function selfScheduling(tenantId: string) {
  await runInDurableObject(hubStub(tenantId), (instance: TenantHub) => {
    instance.scheduleChecks = true;
  });
}

async function hubState(tenantId: string) {
  return runInDurableObject(hubStub(tenantId), async (instance: TenantHub, state) => ({
    schedule: state.storage.kv.get<CheckSchedule>("schedule:check"),
    alarm: await state.storage.getAlarm(),
    now: instance.clock(),
  }));
}

/** Moves the hub's clock to its check's due time and fires its alarm. */
async function fireCheckAlarm(tenantId: string) {
  await runInDurableObject(hubStub(tenantId), (instance: TenantHub, state) => {
    const due = state.storage.kv.get<CheckSchedule>("schedule:check")!.dueAt;
    instance.clock = () => due;
  });
  expect(await runDurableObjectAlarm(hubStub(tenantId))).toBe(true);
}

/** Counts the full checks the hub starts (the queue check itself, not the cheap first call). */
async function countChecks(tenantId: string): Promise<() => Promise<number>> {
  await runInDurableObject(hubStub(tenantId), (instance: TenantHub) => {
    const original = instance.runQueueCheck.bind(instance);
    const counted = instance as TenantHub & { checksStarted?: number };
    counted.checksStarted = 0;
    instance.runQueueCheck = (id) => {
      counted.checksStarted = (counted.checksStarted ?? 0) + 1;
      return original(id);
    };
  });
  return () => runInDurableObject(hubStub(tenantId), (instance: TenantHub & { checksStarted?: number }) => instance.checksStarted ?? 0);
}

async function leaseOf(tenantId: string): Promise<number | null> {
  const row = await env.DB.prepare("SELECT MIN(check_lease_until) AS lease FROM connectors WHERE tenant_id = ?")
    .bind(tenantId)
    .first<{ lease: number | null }>();
  return row?.lease ?? null;
}

async function recoveryRows(tenantId: string): Promise<number> {
  const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM recovery_actions WHERE tenant_id = ?").bind(tenantId).first<{ n: number }>();
  return row!.n;
}

async function runCron() {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron: "*/2 * * * *", scheduledTime: Date.now() }), env, ctx);
  await waitOnExecutionContext(ctx);
}

describe("the hub's own check alarm", () => {
  it("pairing arms the check at the tenant's offset; the alarm runs the check and re-arms one period later", async () => {
    const { owner } = await pairedWithCode("alarm-rearm");
    const tenantId = owner.tenant.id;
    const armed = await hubState(tenantId);
    expect(armed.schedule).toBeDefined();
    expect(armed.schedule!.unreachableAttempts).toBe(0);
    expect(armed.schedule!.dueAt).toBeGreaterThan(armed.now);
    expect(armed.schedule!.dueAt - armed.now).toBeLessThanOrEqual(CHECK_PERIOD_MS);
    expect(((armed.schedule!.dueAt % CHECK_PERIOD_MS) + CHECK_PERIOD_MS) % CHECK_PERIOD_MS).toBe(checkOffsetMs(tenantId));
    expect(armed.alarm).toBe(armed.schedule!.dueAt);
    expect(await leaseOf(tenantId)).toBeGreaterThan(Date.now());

    await fireCheckAlarm(tenantId);
    expect(await recoveryRows(tenantId)).toBeGreaterThan(0);
    const rearmed = await hubState(tenantId);
    expect(rearmed.schedule).toEqual({ dueAt: armed.schedule!.dueAt + CHECK_PERIOD_MS, unreachableAttempts: 0 });
    expect(rearmed.alarm).toBe(rearmed.schedule!.dueAt);
  });

  it("backs off 2, 4, 8 minutes while the connector is down, trying only the cheap first call, and resets once it answers", async () => {
    const { owner, stack, pairingCode } = await pairedWithCode("alarm-backoff");
    const tenantId = owner.tenant.id;
    await fireCheckAlarm(tenantId);
    const checksStarted = await countChecks(tenantId);
    await stopConnector(stack);

    // The first check after the connector went down is a full one (its session was open); it finds it unreachable.
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      const before = (await hubState(tenantId)).schedule!.dueAt;
      await fireCheckAlarm(tenantId);
      const after = (await hubState(tenantId)).schedule!;
      expect(after.unreachableAttempts).toBe(i + 1);
      delays.push(after.dueAt - before);
    }
    expect(delays).toEqual([CHECK_PERIOD_MS, 2 * CHECK_PERIOD_MS, 4 * CHECK_PERIOD_MS, 8 * CHECK_PERIOD_MS]);
    expect(await checksStarted()).toBe(1);

    await startConnector(stack, pairingCode);
    await fireCheckAlarm(tenantId);
    expect(await checksStarted()).toBe(2);
    const recovered = await hubState(tenantId);
    expect(recovered.schedule!.unreachableAttempts).toBe(0);
    expect(recovered.schedule!.dueAt - recovered.now).toBe(CHECK_PERIOD_MS);
    expect(recovered.alarm).toBe(recovered.schedule!.dueAt);
  });

  it("arms no alarm for a tenant without a connector, and stops when its connector is removed", async () => {
    const alone = await signUp("alarm-none");
    await selfScheduling(alone.tenant.id);
    expect(await hub(alone.tenant.id).ensureScheduled()).toEqual({ scheduled: false });
    const none = await hubState(alone.tenant.id);
    expect(none.schedule).toBeUndefined();
    expect(none.alarm).toBeNull();

    const { owner, connectorId } = await pairedWithCode("alarm-removed");
    expect((await hubState(owner.tenant.id)).alarm).not.toBeNull();
    expect((await api(`/api/v1/connectors/${connectorId}`, { method: "DELETE", token: owner.accessToken })).status).toBe(204);
    const removed = await hubState(owner.tenant.id);
    expect(removed.schedule).toBeUndefined();
    expect(removed.alarm).toBeNull();
  });

  it("the cron arms a hub whose lease lapsed and does no tenant work itself", async () => {
    const { owner, stack } = await pairedWithCode("alarm-cron");
    const tenantId = owner.tenant.id;
    // As if the alarm had been lost and the lease had run out.
    await runInDurableObject(hubStub(tenantId), async (_instance: TenantHub, state) => {
      state.storage.kv.delete("schedule:check");
      await state.storage.deleteAlarm();
    });
    await env.DB.prepare("UPDATE connectors SET check_lease_until = NULL WHERE tenant_id = ?").bind(tenantId).run();
    const checksStarted = await countChecks(tenantId);
    const sabRequests = (await sim.requests(stack, "sabnzbd")).length;

    await runCron();

    const repaired = await hubState(tenantId);
    expect(repaired.schedule?.unreachableAttempts).toBe(0);
    expect(repaired.alarm).toBe(repaired.schedule!.dueAt);
    expect(await leaseOf(tenantId)).toBeGreaterThan(Date.now());
    expect(await checksStarted()).toBe(0);
    expect(await recoveryRows(tenantId)).toBe(0);
    expect((await sim.requests(stack, "sabnzbd")).length).toBe(sabRequests);

    // A hub holding its lease is not asked again: a second run leaves its schedule as it was.
    await runCron();
    expect((await hubState(tenantId)).schedule).toEqual(repaired.schedule);
  });

  it("the alarm and 'check now' at the same moment run one check", async () => {
    const { owner } = await pairedWithCode("alarm-overlap");
    const tenantId = owner.tenant.id;
    const checksStarted = await countChecks(tenantId);
    await runInDurableObject(hubStub(tenantId), (instance: TenantHub, state) => {
      const due = state.storage.kv.get<CheckSchedule>("schedule:check")!.dueAt;
      instance.clock = () => due;
    });
    const [fired, response] = await Promise.all([
      runDurableObjectAlarm(hubStub(tenantId)),
      api("/api/v1/recovery/check", { method: "POST", token: owner.accessToken }),
    ]);
    expect(fired).toBe(true);
    expect(response.status).toBe(200);
    expect(await checksStarted()).toBe(1);
  });
});

describe("POST /api/v1/recovery/check", () => {
  it("runs the checks at once and answers their report", async () => {
    const { owner } = await pairedWithCode("check-now");
    const response = await api("/api/v1/recovery/check", { method: "POST", token: owner.accessToken });
    expect(response.status).toBe(200);
    const report = (await response.json()) as { queue: { detections: number; actions: { outcome: string }[] }; requestsAdvanced: number };
    expect(report.queue.detections).toBeGreaterThan(0);
    expect(report.queue.actions.length).toBeGreaterThan(0);
    expect(report.requestsAdvanced).toBe(0);
    expect(await recoveryRows(owner.tenant.id)).toBeGreaterThan(0);
  });

  it("answers a tenant without a connector with a skipped report, and refuses the signed out", async () => {
    const alone = await signUp("check-now-alone");
    const response = await api("/api/v1/recovery/check", { method: "POST", token: alone.accessToken });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { queue: { skipped?: string } }).queue.skipped).toBe("unreachable");
    const anonymous = await api("/api/v1/recovery/check", { method: "POST" });
    expect(anonymous.status).toBe(401);
  });

  it("is limited to 10 a minute per tenant", async () => {
    const alone = await signUp("check-now-limit");
    for (let i = 0; i < 10; i++) expect((await api("/api/v1/recovery/check", { method: "POST", token: alone.accessToken })).status).toBe(200);
    const limited = await api("/api/v1/recovery/check", { method: "POST", token: alone.accessToken });
    expect(limited.status).toBe(429);
    expect((await errorOf(limited)).code).toBe("rate_limited");
  });
});
