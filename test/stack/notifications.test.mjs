// The "done when", as `npm start` runs it: the demo account adds an ntfy channel (the local fake of ntfy)
// and a web push device (a subscription of web-push-testing, the local push service), sends a test to each and gets
// it, then runs a check and gets one message telling of the demo stack's failed downloads on each channel.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { freePort } from "../../scripts/lib/free-port.mjs";
import { startStack } from "../../scripts/lib/stack.mjs";
import { startWebPushService } from "../../web/e2e/lib/web-push-service.mjs";
import { startNotificationFakes } from "../fakes/notification-services.mjs";

describe("notifications with npm start", { timeout: 300_000 }, () => {
  let stack;
  let fakes;
  let pushService;
  let token;
  const persistDir = mkdtempSync(path.join(tmpdir(), "autoarr-notify-"));
  const topic = "autoarr-npm-start";

  const api = async (route, init = {}) => {
    const response = await fetch(`${stack.url}${route}`, {
      ...init,
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}`, ...init.headers },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  const ntfyMessages = () => fakes.received("ntfy").filter((r) => r.body?.topic === topic);
  const eventually = async (read, done, timeoutMs = 20_000) => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (done(value) || Date.now() > until) return value;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };

  before(async () => {
    fakes = await startNotificationFakes();
    pushService = await startWebPushService();
    // The hubs' own alarms would check behind the test's back; it runs each check itself.
    stack = await startStack({
      port: await freePort(),
      connectorPort: await freePort(),
      persistDir,
      quiet: true,
      build: !process.env.AUTOARR_SKIP_BUILD,
      extraVars: { CHECK_ALARMS: "off" },
    });
    const login = await fetch(`${stack.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(stack.demo),
    });
    token = (await login.json()).accessToken;
  });
  after(async () => {
    await stack?.stop();
    await pushService?.close();
    await fakes?.close();
    rmSync(persistDir, { recursive: true, force: true });
  });

  let ntfyId;
  let device;
  let deviceId;

  it("adds an ntfy channel and a web push device, and a test reaches each", async () => {
    const ntfy = await api("/api/v1/notifications/channels", {
      method: "POST",
      json: { kind: "ntfy", name: "Phone", config: { serverUrl: `${fakes.url}/ntfy`, topic } },
    });
    assert.equal(ntfy.status, 201, JSON.stringify(ntfy.body));
    ntfyId = ntfy.body.channel.id;
    const key = await api("/api/v1/notifications/push/key");
    assert.match(key.body.publicKey, /^[A-Za-z0-9_-]{87}$/, "npm start makes a local VAPID key");
    device = await pushService.subscribe(key.body.publicKey);
    const registered = await api("/api/v1/notifications/push/subscriptions", {
      method: "POST",
      json: { endpoint: device.endpoint, keys: device.keys, deviceName: "Laptop" },
    });
    assert.equal(registered.status, 201, JSON.stringify(registered.body));
    deviceId = registered.body.id;

    for (const id of [ntfyId, deviceId]) {
      const tested = await api(`/api/v1/notifications/channels/${id}/test`, { method: "POST" });
      assert.equal(tested.body.delivery.status, "sent", JSON.stringify(tested.body));
    }
    assert.equal(ntfyMessages().length, 1);
    assert.equal(ntfyMessages()[0].body.title, "AutoArr test message");
    const pushed = await pushService.messages(device.clientHash);
    assert.equal(pushed.length, 1);
    assert.equal(JSON.parse(pushed[0]).title, "AutoArr test message");
  });

  it("after a check, one message of the demo stack's failed downloads reaches each channel", async () => {
    const check = await api("/api/v1/recovery/check", { method: "POST" });
    assert.equal(check.status, 200, JSON.stringify(check.body));
    assert.ok(check.body.queue.detections > 0, "the demo stack has failed downloads");
    const told = await eventually(
      () => ntfyMessages().slice(1),
      (messages) => messages.length > 0,
    );
    assert.equal(told.length, 1, JSON.stringify(told.map((m) => m.body.title)));
    assert.match(told[0].body.message, /Download failed: /);
    const pushed = await eventually(
      () => pushService.messages(device.clientHash),
      (messages) => messages.length > 1,
    );
    assert.equal(pushed.length, 2);
    const payload = JSON.parse(pushed[1]);
    assert.match(payload.title, /things need a look|Download failed/);
    assert.match(payload.link, /\/activity$/);
    // The next check sees the same failures: nothing more is sent.
    await api("/api/v1/recovery/check", { method: "POST" });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    assert.equal(ntfyMessages().length, 2);
    assert.equal((await pushService.messages(device.clientHash)).length, 2);
  });
});
