// Notifications end to end in workerd: channels added through the API, a test sent to the local fake of the
// service, the demo stack's failed download told once on the next check, quiet hours held for one digest with the
// hub's clock moved on, and a channel that keeps failing turned off.
import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, inject, it } from "vitest";
import type { TenantHub } from "../../durable-objects/tenant-hub/tenant-hub.do";
import { notificationFakesClient, type RecordedRequest } from "../fakes/notification-services.mjs";
import { api, errorOf, signUp, type Session } from "../helpers";
import { hubStub, pairedTenantsForThisFile } from "../stacks";

const fakes = inject("notificationFakes");
const fake = notificationFakesClient(fakes.url);
const paired = pairedTenantsForThisFile();

type NtfyMessage = { topic: string; title: string; message: string; priority?: number; click?: string };

function uniqueTopic(label: string): string {
  return `autoarr-${label}-${crypto.randomUUID().slice(0, 8)}`;
}

async function addNtfy(owner: Session, topic: string, extra: Record<string, unknown> = {}) {
  const response = await api("/api/v1/notifications/channels", {
    method: "POST",
    token: owner.accessToken,
    json: { kind: "ntfy", name: "Phone", config: { serverUrl: `${fakes.url}/ntfy`, topic, token: fakes.credentials.ntfy.token }, ...extra },
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { channel: { id: string } }).channel;
}

async function ntfyMessages(topic: string): Promise<NtfyMessage[]> {
  return (await fake.received("ntfy")).map((r: RecordedRequest) => r.body as NtfyMessage).filter((body) => body?.topic === topic);
}

/** Waits for what the hub delivers after its check (it sends in the background, never on the check's path). */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("notification channels", () => {
  it("are added with their secrets sealed and shown only as the last four characters", async () => {
    const owner = await signUp("notify-add");
    const channel = await addNtfy(owner, uniqueTopic("add"));
    const list = (await (await api("/api/v1/notifications/channels", { token: owner.accessToken })).json()) as {
      channels: { id: string; settings: Record<string, unknown>; secrets: Record<string, string> }[];
      kinds: string[];
    };
    expect(list.kinds).toEqual(expect.arrayContaining(["discord", "telegram", "pushover", "ntfy", "gotify", "slack", "apprise", "webhook", "webpush"]));
    const listed = list.channels.find((c) => c.id === channel.id)!;
    expect(listed.secrets).toEqual({ token: `…${fakes.credentials.ntfy.token.slice(-4)}` });
    expect(JSON.stringify(list)).not.toContain(fakes.credentials.ntfy.token);
    const stored = await env.DB.prepare("SELECT config_sealed FROM notification_channels WHERE id = ?").bind(channel.id).first<{ config_sealed: string }>();
    expect(stored!.config_sealed).not.toContain(fakes.credentials.ntfy.token);
  });

  it("makes a signed webhook's secret when none is given, and shows it once", async () => {
    const owner = await signUp("notify-webhook");
    const response = await api("/api/v1/notifications/channels", {
      method: "POST",
      token: owner.accessToken,
      json: { kind: "webhook", name: "Home Assistant", config: { url: `${fakes.url}/webhook/receive` } },
    });
    expect(response.status).toBe(201);
    const { channel, revealedOnce } = (await response.json()) as {
      channel: { id: string; secrets: Record<string, string> };
      revealedOnce: { signingSecret: string };
    };
    expect(revealedOnce.signingSecret.length).toBeGreaterThanOrEqual(32);
    expect(channel.secrets).toEqual({ secret: `…${revealedOnce.signingSecret.slice(-4)}` });
    const list = await (await api("/api/v1/notifications/channels", { token: owner.accessToken })).text();
    expect(list).not.toContain(revealedOnce.signingSecret);
  });

  it("refuses a config its adapter refuses, with the field's issue", async () => {
    const owner = await signUp("notify-bad");
    const response = await api("/api/v1/notifications/channels", {
      method: "POST",
      token: owner.accessToken,
      json: { kind: "ntfy", name: "Phone", config: { topic: "has spaces and !" } },
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await errorOf(response))).toContain("config");
  });

  it("sends a test at once and answers with what the service said", async () => {
    const owner = await signUp("notify-test");
    const topic = uniqueTopic("test");
    const channel = await addNtfy(owner, topic);
    const response = await api(`/api/v1/notifications/channels/${channel.id}/test`, { method: "POST", token: owner.accessToken });
    expect(response.status).toBe(200);
    const { delivery } = (await response.json()) as { delivery: { status: string; httpStatus: number } };
    expect(delivery).toMatchObject({ status: "sent", httpStatus: 200 });
    const [received] = await ntfyMessages(topic);
    expect(received).toMatchObject({ topic, title: "AutoArr test message" });
    const log = (await (await api(`/api/v1/notifications/channels/${channel.id}/deliveries`, { token: owner.accessToken })).json()) as {
      deliveries: unknown[];
    };
    expect(log.deliveries).toEqual([expect.objectContaining({ event: "test", status: "sent", attempts: 1 })]);
  });

  it("reports a wrong token as failed, with the service's answer and no secret in it", async () => {
    const owner = await signUp("notify-wrong");
    const topic = fakes.credentials.ntfy.protectedTopic;
    const created = await api("/api/v1/notifications/channels", {
      method: "POST",
      token: owner.accessToken,
      json: { kind: "ntfy", name: "Wrong", config: { serverUrl: `${fakes.url}/ntfy`, topic, token: "tk_wrongwrongwrongwrongwrongwrong1" } },
    });
    const { channel } = (await created.json()) as { channel: { id: string } };
    const { delivery } = (await (await api(`/api/v1/notifications/channels/${channel.id}/test`, { method: "POST", token: owner.accessToken })).json()) as {
      delivery: { status: string; httpStatus: number; answer: string };
    };
    expect(delivery).toMatchObject({ status: "failed", httpStatus: 401 });
    expect(delivery.answer).toContain("unauthorized");
    expect(delivery.answer).not.toContain("wrongwrongwrong");
  });

  it("turns a channel off after 10 failed deliveries in a row, and back on when asked", async () => {
    const owner = await signUp("notify-off");
    const created = await api("/api/v1/notifications/channels", {
      method: "POST",
      token: owner.accessToken,
      // Nothing listens on port 9 (discard): every delivery fails to connect.
      json: { kind: "ntfy", name: "Dead server", config: { serverUrl: "http://127.0.0.1:9", topic: "autoarr-dead" } },
    });
    const { channel } = (await created.json()) as { channel: { id: string } };
    for (let i = 0; i < 10; i++) await api(`/api/v1/notifications/channels/${channel.id}/test`, { method: "POST", token: owner.accessToken });
    const list = (await (await api("/api/v1/notifications/channels", { token: owner.accessToken })).json()) as {
      channels: { id: string; enabled: boolean; disabledReason: string | null; consecutiveFailures: number }[];
    };
    expect(list.channels.find((c) => c.id === channel.id)).toMatchObject({
      enabled: false,
      consecutiveFailures: 10,
      disabledReason: expect.stringContaining("10 failed"),
    });
    const back = await api(`/api/v1/notifications/channels/${channel.id}`, { method: "PATCH", token: owner.accessToken, json: { enabled: true } });
    expect(await back.json()).toMatchObject({ enabled: true, disabledReason: null, consecutiveFailures: 0 });
  });

  it("keeps another tenant's channels out of reach (404)", async () => {
    const owner = await signUp("notify-mine");
    const other = await signUp("notify-theirs");
    const channel = await addNtfy(owner, uniqueTopic("mine"));
    for (const [method, path] of [
      ["PATCH", `/api/v1/notifications/channels/${channel.id}`],
      ["DELETE", `/api/v1/notifications/channels/${channel.id}`],
      ["POST", `/api/v1/notifications/channels/${channel.id}/test`],
      ["GET", `/api/v1/notifications/channels/${channel.id}/deliveries`],
    ] as const) {
      const response = await api(path, { method, token: other.accessToken, ...(method === "PATCH" ? { json: { name: "x" } } : {}) });
      expect(response.status, `${method} ${path}`).toBe(404);
    }
  });
});

describe("after a check", () => {
  it("tells each channel of the demo stack's failed download once, routed by its events", async () => {
    const { owner } = await paired("notify-check");
    const told = uniqueTopic("told");
    const notRouted = uniqueTopic("quiet");
    await addNtfy(owner, told);
    await addNtfy(owner, notRouted, { events: ["request_available"] });
    const check = await api("/api/v1/recovery/check", { method: "POST", token: owner.accessToken });
    expect(check.status).toBe(200);
    const messages = await eventually(
      () => ntfyMessages(told),
      (m) => m.length > 0,
    );
    // The demo stack has four failed downloads: each is told failed, then recovered or needing you, all in one
    // grouped message since they arrive together.
    expect(messages).toHaveLength(1);
    const [grouped] = messages;
    expect(grouped!.title).toBe("8 things need a look");
    expect(grouped!.message).toContain("4 downloads failed, 2 need you, 2 recovered");
    expect(grouped!.message).toContain("Download failed: Mad.Max.Fury.Road.2015.1080p.BluRay.x264-FraMeSToR");
    expect(grouped!.click).toBe("https://autoarr.test/activity");
    // The next check sees the same downloads: nothing new is told.
    await api("/api/v1/recovery/check", { method: "POST", token: owner.accessToken });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await ntfyMessages(told)).toHaveLength(1);
    expect(await ntfyMessages(notRouted)).toEqual([]);
  });

  it("holds messages in quiet hours and sends one digest when they end", async () => {
    const { owner } = await paired("notify-quiet");
    const topic = uniqueTopic("digest");
    await addNtfy(owner, topic, { events: ["failure_detected", "recovered", "approval_waiting"] });
    // Quiet all day but the minute before midnight UTC; critical events (gave up) may not pass either.
    const settings = { quietHours: { enabled: true, start: "00:00", end: "23:59", timeZone: "UTC", letCriticalThrough: false } };
    expect((await api("/api/v1/notifications/settings", { method: "PUT", token: owner.accessToken, json: settings })).status).toBe(200);
    const stub = hubStub(owner.tenant.id);
    // A day ahead of the real clock: with a fixed date the test failed once the real clock had passed it (the alarm
    // came at the real now, not at the end of quiet hours).
    const day = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const noon = Date.parse(`${day}T12:00:00Z`);
    const quietEnds = Date.parse(`${day}T23:59:00Z`);
    await runInDurableObject(stub, (instance: TenantHub) => {
      instance.clock = () => noon;
    });
    await api("/api/v1/recovery/check", { method: "POST", token: owner.accessToken });
    const held = await eventually(
      () => env.DB.prepare("SELECT status FROM notification_deliveries WHERE tenant_id = ?").bind(owner.tenant.id).all<{ status: string }>(),
      (rows) => rows.results.length > 0,
    );
    expect(held.results.length).toBeGreaterThan(0);
    expect(held.results.every((row) => row.status === "held")).toBe(true);
    expect(await ntfyMessages(topic)).toEqual([]);
    // The end of quiet hours: the hub's alarm sends what was held as one digest.
    const alarmAt = await runInDurableObject(stub, async (instance: TenantHub, state) => {
      const due = await state.storage.getAlarm();
      instance.clock = () => quietEnds;
      return due;
    });
    expect(alarmAt).toBe(quietEnds);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const digests = await eventually(
      () => ntfyMessages(topic),
      (m) => m.length > 0,
    );
    expect(digests).toHaveLength(1);
    expect(digests[0]!.title).toMatch(/^While it was quiet: \d+ events?$/);
    const after = await env.DB.prepare("SELECT status, answer FROM notification_deliveries WHERE tenant_id = ? AND event != 'digest'")
      .bind(owner.tenant.id)
      .all<{ status: string; answer: string }>();
    expect(after.results).toHaveLength(held.results.length);
    expect(after.results.every((row) => row.status === "sent" && row.answer.includes("digest"))).toBe(true);
  });
});
