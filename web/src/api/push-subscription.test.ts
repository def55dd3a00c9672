import { afterEach, describe, expect, it, vi } from "vitest";
import { mockApi, session } from "../test/mock-api";
import { pushSupport, thisDeviceEndpoint, turnOffPushOnThisDevice, turnOnPushOnThisDevice } from "./push-subscription";
import { tokenStore } from "./token-store";

// The server's VAPID public key: an uncompressed P-256 point, base64url (RFC 8291 Appendix A's application server).
const SERVER_KEY = "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
const SUBSCRIPTION_JSON = {
  endpoint: "https://fcm.googleapis.com/fcm/send/device-1",
  keys: { p256dh: "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4", auth: "BTBZMqHH6r4Tts7J_aSIgg" },
};

function bytesOf(base64url: string): number[] {
  return Array.from(
    atob(
      base64url
        .replace(/-/g, "+")
        .replace(/_/g, "/")
        .padEnd(Math.ceil(base64url.length / 4) * 4, "="),
    ),
    (c) => c.charCodeAt(0),
  );
}

function fakeSubscription(applicationServerKey: number[] = bytesOf(SERVER_KEY)) {
  return {
    endpoint: SUBSCRIPTION_JSON.endpoint,
    options: { applicationServerKey: Uint8Array.from(applicationServerKey).buffer, userVisibleOnly: true },
    toJSON: () => SUBSCRIPTION_JSON,
    unsubscribe: vi.fn(async () => true),
  };
}

/** A browser with the Push API: its permission, the answer its prompt gives, and the subscription it holds. */
function pushCapableBrowser(
  options: { permission?: NotificationPermission; prompt?: NotificationPermission; existing?: ReturnType<typeof fakeSubscription> } = {},
) {
  const requestPermission = vi.fn(async () => options.prompt ?? "granted");
  vi.stubGlobal("isSecureContext", true);
  vi.stubGlobal("PushManager", class {});
  vi.stubGlobal("Notification", { permission: options.permission ?? "default", requestPermission });
  let held = options.existing ?? null;
  const created = fakeSubscription();
  const pushManager = {
    getSubscription: vi.fn(async () => held),
    subscribe: vi.fn(async () => {
      held = created;
      return created;
    }),
  };
  const registration = { pushManager };
  Object.defineProperty(navigator, "serviceWorker", {
    configurable: true,
    value: { ready: Promise.resolve(registration), getRegistration: vi.fn(async () => registration) },
  });
  return { requestPermission, pushManager, created };
}

afterEach(() => {
  Reflect.deleteProperty(navigator, "serviceWorker");
});

describe("pushSupport", () => {
  it("is unsupported in a browser without the Push API", () => {
    vi.stubGlobal("isSecureContext", true);
    expect("PushManager" in window).toBe(false);
    expect(pushSupport()).toBe("unsupported");
  });

  it("is unsupported on a page that is not a secure context, even with the Push API", () => {
    pushCapableBrowser();
    vi.stubGlobal("isSecureContext", false);
    expect(pushSupport()).toBe("unsupported");
  });

  it("is denied once the person blocked notifications, and supported before they chose", () => {
    pushCapableBrowser({ permission: "denied" });
    expect(pushSupport()).toBe("denied");
    pushCapableBrowser({ permission: "default" });
    expect(pushSupport()).toBe("supported");
  });
});

describe("turnOnPushOnThisDevice", () => {
  it("refuses in an unsupported browser with a sentence, asking nothing of the server", async () => {
    tokenStore.save(session());
    const { calls } = mockApi({});
    await expect(turnOnPushOnThisDevice("Phone")).rejects.toThrow(/cannot receive notifications.*Home Screen/);
    expect(calls).toHaveLength(0);
  });

  it("refuses when notifications are blocked, without prompting again or subscribing", async () => {
    tokenStore.save(session());
    const { calls } = mockApi({});
    const browser = pushCapableBrowser({ permission: "denied" });
    await expect(turnOnPushOnThisDevice("Phone")).rejects.toThrow(/blocked for AutoArr.*site settings/);
    expect(browser.requestPermission).not.toHaveBeenCalled();
    expect(browser.pushManager.subscribe).not.toHaveBeenCalled();
    expect(calls).toHaveLength(0);
  });

  it("refuses when the person blocks notifications at the prompt", async () => {
    tokenStore.save(session());
    const { calls } = mockApi({});
    const browser = pushCapableBrowser({ prompt: "denied" });
    await expect(turnOnPushOnThisDevice("Phone")).rejects.toThrow(/blocked for AutoArr/);
    expect(browser.pushManager.subscribe).not.toHaveBeenCalled();
    expect(calls).toHaveLength(0);
  });

  it("says to choose Allow when the prompt was dismissed", async () => {
    tokenStore.save(session());
    mockApi({});
    const browser = pushCapableBrowser({ prompt: "default" });
    await expect(turnOnPushOnThisDevice("Phone")).rejects.toThrow(/not allowed.*choose Allow/);
    expect(browser.pushManager.subscribe).not.toHaveBeenCalled();
  });

  it("says so when the server has no VAPID key", async () => {
    tokenStore.save(session());
    mockApi({ "GET /api/v1/notifications/push/key": { body: { publicKey: null } } });
    const browser = pushCapableBrowser();
    await expect(turnOnPushOnThisDevice("Phone")).rejects.toThrow(/not set up for web push/);
    expect(browser.pushManager.subscribe).not.toHaveBeenCalled();
  });

  it("subscribes with the server's key and registers the subscription with the device's name", async () => {
    tokenStore.save(session());
    const channel = { id: "channel-1", kind: "webpush" };
    const { calls } = mockApi({
      "GET /api/v1/notifications/push/key": { body: { publicKey: SERVER_KEY } },
      "POST /api/v1/notifications/push/subscriptions": { status: 201, body: channel },
    });
    const browser = pushCapableBrowser();
    await expect(turnOnPushOnThisDevice("Sam's phone")).resolves.toEqual(channel);
    const [subscribeOptions] = browser.pushManager.subscribe.mock.calls[0] as unknown as [PushSubscriptionOptionsInit];
    expect(subscribeOptions.userVisibleOnly).toBe(true);
    expect(Array.from(subscribeOptions.applicationServerKey as Uint8Array)).toEqual(bytesOf(SERVER_KEY));
    const post = calls.find((call) => call.method === "POST");
    expect(post?.body).toEqual({ ...SUBSCRIPTION_JSON, deviceName: "Sam's phone" });
    expect(post?.headers.get("Authorization")).toBe("Bearer access-1");
  });

  it("replaces a subscription made with another server key", async () => {
    tokenStore.save(session());
    mockApi({
      "GET /api/v1/notifications/push/key": { body: { publicKey: SERVER_KEY } },
      "POST /api/v1/notifications/push/subscriptions": { status: 201, body: {} },
    });
    const stale = fakeSubscription(bytesOf(SUBSCRIPTION_JSON.keys.p256dh));
    const browser = pushCapableBrowser({ existing: stale });
    await turnOnPushOnThisDevice("Phone");
    expect(stale.unsubscribe).toHaveBeenCalled();
    expect(browser.pushManager.subscribe).toHaveBeenCalledTimes(1);
  });

  it("unsubscribes again and passes on the server's sentence when the server refuses the subscription", async () => {
    tokenStore.save(session());
    mockApi({
      "GET /api/v1/notifications/push/key": { body: { publicKey: SERVER_KEY } },
      "POST /api/v1/notifications/push/subscriptions": {
        status: 400,
        body: { error: { code: "invalid_request", message: "That push service is not allowed." } },
      },
    });
    const browser = pushCapableBrowser();
    await expect(turnOnPushOnThisDevice("Phone")).rejects.toThrow("That push service is not allowed.");
    expect(browser.created.unsubscribe).toHaveBeenCalled();
  });
});

describe("this device's subscription", () => {
  it("has no endpoint in an unsupported browser", async () => {
    await expect(thisDeviceEndpoint()).resolves.toBeNull();
    await expect(turnOffPushOnThisDevice()).resolves.toBeUndefined();
  });

  it("reports the endpoint and unsubscribes it", async () => {
    const existing = fakeSubscription();
    pushCapableBrowser({ permission: "granted", existing });
    await expect(thisDeviceEndpoint()).resolves.toBe(SUBSCRIPTION_JSON.endpoint);
    await turnOffPushOnThisDevice();
    expect(existing.unsubscribe).toHaveBeenCalled();
  });
});

describe("a push service that never answers", () => {
  it("gives up on subscribing after a while with a sentence, instead of waiting forever", async () => {
    vi.useFakeTimers();
    tokenStore.save(session());
    mockApi({ "GET /api/v1/notifications/push/key": { body: { publicKey: SERVER_KEY } } });
    const browser = pushCapableBrowser();
    browser.pushManager.subscribe.mockImplementation(() => new Promise(() => undefined));
    const attempt = turnOnPushOnThisDevice("Phone");
    const outcome = expect(attempt).rejects.toThrow(/could not reach its push service/);
    await vi.advanceTimersByTimeAsync(30_000);
    await outcome;
  });
});
