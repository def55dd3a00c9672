// Notifications end to end in Chromium: web push to this device (the real service worker shows what the real API sent
// through a push service), and an ntfy channel added and tested from Settings. Run by run.mjs (`npm run e2e -w web`),
// or alone: `node e2e/notifications.e2e.mjs` in web/.
//
// The push service is web-push-testing (lib/web-push-service.mjs), since Chromium here cannot reach FCM; the page's
// PushManager hands out its subscriptions (lib/push-subscription-stand-in.mjs). What it decrypts is what AutoArr
// encrypted for the subscription; that plaintext is then delivered to the service worker through the DevTools protocol.
// ntfy is the local fake in test/fakes/notification-services.mjs, which checks requests as https://docs.ntfy.sh/publish/
// documents them.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startNotificationFakes } from "../../test/fakes/notification-services.mjs";
import { launchBrowser } from "./lib/browser.mjs";
import { watchCspViolations } from "./lib/csp-violations.mjs";
import { deliverPush, standInForPushSubscriptions } from "./lib/push-subscription-stand-in.mjs";
import { captureScreen } from "./lib/screens.mjs";
import { startE2eStack } from "./lib/stack.mjs";
import { startWebPushService } from "./lib/web-push-service.mjs";

const owner = { email: `e2e-notify-${Date.now()}@example.com`, password: "e2e-password-123", household: "E2E notifications" };
const DEVICE_NAME = "E2E Chromium";
const NTFY_CHANNEL = "Phone via ntfy";
const NTFY_TOPIC = "autoarr-e2e-alerts";
const TEST_TITLE = "AutoArr test message";

let stack;
let pushService;
let fakes;
let browser;
let page;
let pushStandIn;
let cspViolations;
/** The page's latest access token, read off its own API requests. */
let pageAuthorization;

const at = (path) => new URL(path, stack.url).href;
const notifications = () => page.getByRole("heading", { level: 2, name: "Notifications", exact: true }).locator("xpath=..");
const channelCard = (name) => notifications().getByRole("article", { name });

/** The notifications the service worker's registration is showing, as the page sees them. */
const shownNotifications = () =>
  page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return (await registration.getNotifications()).map(({ title, body, tag, data }) => ({ title, body, tag, data }));
  });

describe("AutoArr notifications", { concurrency: false }, () => {
  before(async () => {
    stack = await startE2eStack();
    pushService = await startWebPushService();
    fakes = await startNotificationFakes();
    console.log(`# notifications: stack ${stack.source} at ${stack.url}, web-push-testing at ${pushService.url}, fakes at ${fakes.url}`);
    browser = await launchBrowser();
    await browser.context.grantPermissions(["notifications"], { origin: stack.url });
    cspViolations = await watchCspViolations(browser.context);
    pushStandIn = await standInForPushSubscriptions(browser.context, pushService);
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on("request", (request) => {
      const authorization = request.headers().authorization;
      if (authorization && request.url().includes("/api/v1/")) pageAuthorization = authorization;
    });
  });

  after(async () => {
    await browser?.close();
    await fakes?.close();
    await pushService?.close();
    await stack?.stop();
  });

  it("signs up and finds Notifications in Settings", async () => {
    await page.goto(at("/sign-up"));
    await page.getByRole("heading", { level: 1, name: "Create your account" }).waitFor();
    await page.getByLabel(/Household name/).fill(owner.household);
    await page.getByLabel("Email").fill(owner.email);
    await page.getByLabel(/Password/).fill(owner.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { level: 1, name: "Home" }).waitFor();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
    await notifications().getByText("No channels yet").waitFor();
    const key = await fetch(at("/api/v1/notifications/push/key"), { headers: { Authorization: pageAuthorization } });
    assert.notEqual(
      (await key.json()).publicKey,
      null,
      "this stack has no VAPID key: run against scripts/lib/stack.mjs (not AUTOARR_E2E_STACK=bare), or give yours VAPID_PRIVATE_KEY and AUTOARR_ALLOW_LOOPBACK_NOTIFICATIONS=true",
    );
    await notifications().getByRole("button", { name: "Turn on notifications on this device" }).waitFor();
    await page.waitForLoadState("networkidle");
    await captureScreen(page, "settings-notifications-empty");
  });

  it("has a push stand-in that refuses what Chromium refuses", async () => {
    const refusals = await page.evaluate(async () => {
      const { pushManager } = await navigator.serviceWorker.ready;
      const validKey = new Uint8Array(65).fill(1);
      validKey[0] = 4;
      const refusal = (options) =>
        pushManager.subscribe(options).then(
          () => "subscribed",
          (error) => error.name,
        );
      return {
        notUserVisible: await refusal({ userVisibleOnly: false, applicationServerKey: validKey }),
        noKey: await refusal({ userVisibleOnly: true }),
        shortKey: await refusal({ userVisibleOnly: true, applicationServerKey: validKey.slice(0, 33) }),
        subscription: await pushManager.getSubscription(),
      };
    });
    assert.deepEqual(refusals, { notUserVisible: "NotAllowedError", noKey: "AbortError", shortKey: "InvalidAccessError", subscription: null });
    assert.equal(pushStandIn.subscriptions.length, 0);
  });

  it("turns on web push on this device with the server's VAPID key, and lists the device", async () => {
    await notifications().getByLabel("Device name").fill(DEVICE_NAME);
    await notifications().getByRole("button", { name: "Turn on notifications on this device" }).click();
    await notifications().getByText("Notifications are on for this device.").waitFor({ timeout: 15_000 });
    const card = channelCard(DEVICE_NAME);
    await card.getByText("This device", { exact: true }).waitFor();
    await card.getByText("Device", { exact: true }).waitFor();

    const key = await fetch(at("/api/v1/notifications/push/key"), { headers: { Authorization: pageAuthorization } });
    assert.equal(key.status, 200);
    const { publicKey } = await key.json();
    assert.equal(pushStandIn.subscriptions.length, 1, "the page subscribed once");
    assert.equal(pushStandIn.subscriptions[0].applicationServerKey, publicKey, "the page subscribed with the server's VAPID key");
    await notifications().getByRole("button", { name: "Turn off on this device" }).waitFor();
    await page.waitForLoadState("networkidle");
    await captureScreen(page, "settings-notifications-device");
  });

  it("sends a test to this device, which the push service decrypts and the service worker shows", async () => {
    const [subscription] = pushStandIn.subscriptions;
    const card = channelCard(DEVICE_NAME);
    await card.getByRole("button", { name: "Send a test" }).click();
    await card.getByRole("status").getByText("Sent", { exact: true }).waitFor({ timeout: 15_000 });

    // web-push-testing accepted it only with a VAPID token signed by the subscription's key, and decrypted it with
    // the subscription's own private key and auth secret: the plaintext is exactly what AutoArr encrypted.
    const messages = await pushService.messages(subscription.clientHash);
    assert.equal(messages.length, 1, `one push for the one test, not ${messages.length}`);
    const payload = JSON.parse(messages[0]);
    assert.equal(payload.title, TEST_TITLE);
    assert.match(payload.body, new RegExp(`"${DEVICE_NAME}"`));
    assert.equal(new URL(payload.link).href, at("/settings"));

    assert.deepEqual(await shownNotifications(), [], "nothing is shown before the push arrives");
    await deliverPush(page, new URL(stack.url).origin, messages[0]);
    const deadline = Date.now() + 10_000;
    let shown = [];
    while (shown.length === 0 && Date.now() < deadline) {
      shown = await shownNotifications();
      if (shown.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(shown.length, 1, "the service worker shows one notification for the push");
    assert.equal(shown[0].title, TEST_TITLE);
    assert.equal(shown[0].body, payload.body);
    // A tap opens the link's screen on our origin (the worker keeps the path only).
    assert.deepEqual(shown[0].data, { link: "/settings" });
  });

  it("adds an ntfy channel from the form, sends a test, and ntfy receives it", async () => {
    fakes.reset();
    const form = notifications().getByRole("form", { name: "Add a channel" });
    await form.getByLabel("Service").selectOption("ntfy");
    await form.getByLabel("Name").fill(NTFY_CHANNEL);
    await form.getByLabel("Server URL").fill(`${fakes.url}/ntfy`);
    await form.getByLabel("Topic").fill(NTFY_TOPIC);
    await form.getByRole("button", { name: "Add channel" }).click();
    const added = form.getByText(`Added “${NTFY_CHANNEL}”. Send a test to check it.`);
    // A stack without AUTOARR_ALLOW_LOOPBACK_NOTIFICATIONS refuses the fake's 127.0.0.1 address: say so, not a timeout.
    const refused = form.locator(".field-error, .form-alert");
    await added.or(refused).first().waitFor({ timeout: 15_000 });
    assert.equal(await refused.count(), 0, `the channel was refused: ${await refused.allInnerTexts()}`);
    const card = channelCard(NTFY_CHANNEL);
    await card.getByText(NTFY_TOPIC).waitFor();
    assert.deepEqual(fakes.received("ntfy"), [], "adding a channel sends nothing");

    await card.getByRole("button", { name: "Send a test" }).click();
    await card.getByRole("status").getByText("Sent", { exact: true }).waitFor({ timeout: 15_000 });
    const received = fakes.received("ntfy");
    assert.equal(received.length, 1, `ntfy got one request for the one test, not ${received.length}`);
    const [request] = received;
    assert.equal(request.status, 200, `the ntfy fake refused the request: ${JSON.stringify(request.answer)}`);
    assert.equal(request.method, "POST");
    assert.equal(request.body.topic, NTFY_TOPIC);
    assert.equal(request.body.title, TEST_TITLE);
    assert.match(request.body.message, new RegExp(`"${NTFY_CHANNEL}"`));
    await card.getByText(/^Sent, /).waitFor({ timeout: 15_000 });
    await page.waitForLoadState("networkidle");
    await captureScreen(page, "settings-notifications-channels");
  });

  it("caused no Content Security Policy violation", () => {
    assert.deepEqual([...cspViolations], []);
  });
});
