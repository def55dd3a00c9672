// webPushAdapter against a push service that is not ours: web-push-testing (test/harness/web-push-service.ts) makes
// the subscription with its own browser keys, refuses a message whose VAPID key or token is not the subscription's,
// decrypts aes128gcm with its own implementation (http_ece), and answers 410 once the subscription has expired.
import { describe, expect, inject, it } from "vitest";
import type { NotificationMessage } from "../../../workers/notifications/notification-message";
import { type Vapid, vapidFromEnv } from "../../../workers/notifications/web-push/vapid";
import { webPushAdapter } from "../../../workers/notifications/web-push/web-push.adapter";

const service = inject("webPushService");

interface TestSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  clientHash: string;
}

async function newVapid(): Promise<Vapid> {
  const pair = (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"])) as CryptoKeyPair;
  const vapid = vapidFromEnv({
    VAPID_PRIVATE_KEY: JSON.stringify(await crypto.subtle.exportKey("jwk", pair.privateKey)),
    VAPID_SUBJECT: "mailto:ops@autoarr.example.com",
  });
  if (!vapid) throw new Error("no VAPID identity");
  return vapid;
}

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${service}${path}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
}

/** What a browser's pushManager.subscribe({ userVisibleOnly: true, applicationServerKey }) would give. */
async function subscribe(vapid: Vapid): Promise<TestSubscription> {
  const response = await post("/subscribe", { userVisibleOnly: "true", applicationServerKey: vapid.publicKey });
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: TestSubscription }).data;
}

async function send(vapid: Vapid, subscription: TestSubscription, message: NotificationMessage): Promise<Response> {
  const adapter = webPushAdapter(vapid);
  const config = adapter.config.parse({ endpoint: subscription.endpoint, ...subscription.keys });
  const request = await adapter.request(config, message, { appUrl: "https://autoarr.example.com", now: new Date() });
  return fetch(request.url, { method: request.method, headers: request.headers, body: request.body, redirect: "manual" });
}

async function received(subscription: TestSubscription): Promise<unknown[]> {
  const response = await post("/get-notifications", { clientHash: subscription.clientHash });
  expect(response.status).toBe(200);
  const { data } = (await response.json()) as { data: { messages: string[] } };
  return data.messages.map((text) => JSON.parse(text));
}

const message: NotificationMessage = {
  kind: "gave_up",
  severity: "warning",
  title: "Gave up on Movie.2024.2160p",
  body: "Three releases failed at 2160p.",
  link: "/activity",
  at: "2026-12-01T21:30:00.000Z",
};

describe("webPushAdapter through web-push-testing", () => {
  it("delivers a message the push service decrypts to the payload JSON", async () => {
    const vapid = await newVapid();
    const subscription = await subscribe(vapid);
    const response = await send(vapid, subscription, message);
    expect(response.status, await response.clone().text()).toBe(201);
    const [payload] = await received(subscription);
    expect(payload).toMatchObject({ title: message.title, body: message.body, link: "https://autoarr.example.com/activity", at: message.at });
  });

  it("is refused when the VAPID key is not the one the browser subscribed with", async () => {
    const subscription = await subscribe(await newVapid());
    const response = await send(await newVapid(), subscription, message);
    expect(response.status).toBe(400);
    expect(await received(subscription)).toEqual([]);
  });

  it("gets 410, one of the adapter's gone statuses, once the subscription expired", async () => {
    const vapid = await newVapid();
    const subscription = await subscribe(vapid);
    expect((await post(`/expire-subscription/${subscription.clientHash}`, {})).status).toBe(200);
    const response = await send(vapid, subscription, message);
    expect(response.status).toBe(410);
    expect(webPushAdapter(vapid).goneStatuses).toContain(response.status);
  });
});
