// Makes the page's Push API hand out subscriptions from web-push-testing instead of Chromium's own push service (FCM,
// which this machine cannot reach: subscribe() never answers). Only PushManager.subscribe/getSubscription are
// replaced, and only in pages; the real service worker still receives each push, delivered to it through the DevTools
// protocol (see deliverPush). The stand-in refuses what Chromium refuses
// (https://developer.mozilla.org/en-US/docs/Web/API/PushManager/subscribe), with the errors Debian's Chromium gives
// here without the stand-in: no permission or userVisibleOnly not true (NotAllowedError), no applicationServerKey
// (AbortError), a key that is not an uncompressed P-256 point (InvalidAccessError).

/**
 * @param {import("playwright-core").BrowserContext} context
 * @param {Awaited<ReturnType<import("./web-push-service.mjs").startWebPushService>>} pushService
 * @returns {Promise<{ subscriptions: Array<{ applicationServerKey: string; endpoint: string; keys: { p256dh: string; auth: string }; clientHash: string }> }>}
 */
export async function standInForPushSubscriptions(context, pushService) {
  const subscriptions = [];
  await context.exposeBinding("__e2ePushSubscribe", async (_source, applicationServerKey) => {
    const subscription = await pushService.subscribe(applicationServerKey);
    subscriptions.push({ applicationServerKey, ...subscription });
    return { endpoint: subscription.endpoint, keys: subscription.keys };
  });
  await context.addInitScript(() => {
    if (!("PushManager" in window)) return;
    // Kept across reloads like a real subscription (which lives with the service worker registration).
    const STORAGE_KEY = "__e2e-push-subscription";
    const toBase64url = (bytes) =>
      btoa(String.fromCharCode(...bytes))
        .replace(/\+/g, "-")
        .replace(/\//g, "_")
        .replace(/=+$/, "");
    const fromBase64url = (text) =>
      Uint8Array.from(
        atob(
          text
            .replace(/-/g, "+")
            .replace(/_/g, "/")
            .padEnd(Math.ceil(text.length / 4) * 4, "="),
        ),
        (c) => c.charCodeAt(0),
      ).buffer;
    const keyBytes = (key) => {
      if (typeof key === "string") return new Uint8Array(fromBase64url(key));
      if (key instanceof ArrayBuffer) return new Uint8Array(key);
      if (ArrayBuffer.isView(key)) return new Uint8Array(key.buffer, key.byteOffset, key.byteLength);
      return null;
    };
    const asSubscription = (stored) => ({
      endpoint: stored.endpoint,
      expirationTime: null,
      options: { userVisibleOnly: true, applicationServerKey: fromBase64url(stored.applicationServerKey) },
      getKey: (name) => (stored.keys[name] ? fromBase64url(stored.keys[name]) : null),
      toJSON: () => ({ endpoint: stored.endpoint, expirationTime: null, keys: { ...stored.keys } }),
      unsubscribe: async () => {
        localStorage.removeItem(STORAGE_KEY);
        return true;
      },
    });
    PushManager.prototype.getSubscription = async function getSubscription() {
      const stored = localStorage.getItem(STORAGE_KEY);
      return stored ? asSubscription(JSON.parse(stored)) : null;
    };
    PushManager.prototype.subscribe = async function subscribe(options = {}) {
      if (options.applicationServerKey !== undefined && options.applicationServerKey !== null) {
        const bytes = keyBytes(options.applicationServerKey);
        // Checked by the page's own code before anything else: only an uncompressed P-256 point (65 bytes, 0x04 first).
        if (bytes?.length !== 65 || bytes[0] !== 4) {
          throw new DOMException("Failed to execute 'subscribe' on 'PushManager': The provided applicationServerKey is not valid.", "InvalidAccessError");
        }
      }
      if (Notification.permission !== "granted" || options.userVisibleOnly !== true) {
        throw new DOMException("Registration failed - permission denied", "NotAllowedError");
      }
      const key = keyBytes(options.applicationServerKey);
      if (!key) throw new DOMException("Registration failed - missing applicationServerKey, and gcm_sender_id not found in manifest", "AbortError");
      const applicationServerKey = toBase64url(key);
      const { endpoint, keys } = await window.__e2ePushSubscribe(applicationServerKey);
      const stored = { endpoint, keys, applicationServerKey };
      localStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
      return asSubscription(stored);
    };
  });
  return { subscriptions };
}

/**
 * Delivers `data` as a push message to the origin's real service worker, as the browser does with what its push
 * service forwards (https://chromedevtools.github.io/devtools-protocol/tot/ServiceWorker/#method-deliverPushMessage).
 * @param {import("playwright-core").Page} page
 * @param {string} origin
 * @param {string} data
 */
export async function deliverPush(page, origin, data) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const scope = `${origin}/`;
    const registration = new Promise((resolve) => {
      cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
        const ours = registrations.find((candidate) => candidate.scopeURL === scope && !candidate.isDeleted);
        if (ours) resolve(ours.registrationId);
      });
    });
    await cdp.send("ServiceWorker.enable");
    const registrationId = await Promise.race([
      registration,
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no service worker registration for ${scope}`)), 10_000)),
    ]);
    await cdp.send("ServiceWorker.deliverPushMessage", { origin, registrationId, data });
  } finally {
    await cdp.detach();
  }
}
