// This browser's web push subscription (the Push API, https://developer.mozilla.org/en-US/docs/Web/API/PushManager):
// whether it can have one, asking for permission, subscribing with the server's VAPID key and registering the
// subscription with the API, and unsubscribing. Errors carry a sentence for the person, not the browser's jargon.
import "./zod-without-eval";
import { z } from "zod";
import { apiRequest } from "./http-client";

export type PushSupport = "supported" | "unsupported" | "denied";

const KEY_PATH = "/api/v1/notifications/push/key";
const SUBSCRIPTIONS_PATH = "/api/v1/notifications/push/subscriptions";
/** `serviceWorker.ready` never settles when no worker is registered (a dev server without the PWA worker). */
const SERVICE_WORKER_WAIT_MS = 10_000;
/** subscribe() waits on the browser's push service (FCM for Chrome), which a network may block: it then never answers. */
const SUBSCRIBE_WAIT_MS = 30_000;

const PushKey = z.object({ publicKey: z.string().min(1).nullable() });

/** What PushSubscription.toJSON() gives, as the API takes it. */
const SubscriptionJson = z.object({
  endpoint: z.url(),
  keys: z.object({ p256dh: z.string().min(1), auth: z.string().min(1) }),
});

export function pushSupport(): PushSupport {
  if (typeof window === "undefined" || !window.isSecureContext) return "unsupported";
  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) return "unsupported";
  return Notification.permission === "denied" ? "denied" : "supported";
}

const UNREACHABLE = "This browser could not reach its push service to sign up for notifications. Check that it is online and try again.";
const BLOCKED = "Notifications are blocked for AutoArr in this browser. Allow them in the site settings, then try again.";

function unsupportedMessage(): string {
  // iOS and iPadOS offer web push only to web apps added to the Home Screen.
  return "This browser cannot receive notifications from AutoArr. On iPhone or iPad, add AutoArr to the Home Screen and open it from there.";
}

function base64urlBytes(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text
    .replace(/-/g, "+")
    .replace(/_/g, "/")
    .padEnd(Math.ceil(text.length / 4) * 4, "=");
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

function sameBytes(a: ArrayBuffer | null | undefined, b: Uint8Array): boolean {
  if (!a || a.byteLength !== b.length) return false;
  const view = new Uint8Array(a);
  return view.every((byte, index) => byte === b[index]);
}

/** Rejects with `message` when `promise` has not settled within `ms`. */
async function within<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function readyRegistration(): Promise<ServiceWorkerRegistration> {
  return within(navigator.serviceWorker.ready, SERVICE_WORKER_WAIT_MS, "AutoArr's background worker is not running here. Reload the page and try again.");
}

async function askPermission(): Promise<void> {
  const permission = await Notification.requestPermission();
  if (permission === "granted") return;
  throw new Error(permission === "denied" ? BLOCKED : "Notifications were not allowed. Press the button again and choose Allow.");
}

async function subscribeWith(
  registration: ServiceWorkerRegistration,
  serverKey: Uint8Array<ArrayBuffer>,
): Promise<{ subscription: PushSubscription; isNew: boolean }> {
  const existing = await registration.pushManager.getSubscription();
  // A subscription made with another key (the server's key was replaced) can no longer be pushed to.
  if (existing && sameBytes(existing.options.applicationServerKey, serverKey)) return { subscription: existing, isNew: false };
  if (existing) await existing.unsubscribe();
  try {
    const subscription = await within(
      registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: serverKey }),
      SUBSCRIBE_WAIT_MS,
      UNREACHABLE,
    );
    return { subscription, isNew: true };
  } catch (error) {
    if (error instanceof DOMException && error.name === "NotAllowedError") throw new Error(BLOCKED);
    throw new Error(UNREACHABLE);
  }
}

/**
 * Asks permission, subscribes with the server's VAPID key and registers the subscription as this device's channel.
 * Returns the server's answer (the channel). Throws an Error with a sentence a person can read on refusal or failure.
 */
export async function turnOnPushOnThisDevice(deviceName: string): Promise<unknown> {
  const support = pushSupport();
  if (support === "unsupported") throw new Error(unsupportedMessage());
  if (support === "denied") throw new Error(BLOCKED);
  // First, before any network wait: Safari grants the prompt only in the tap's own turn (transient activation).
  await askPermission();
  const key = PushKey.safeParse(await apiRequest<unknown>(KEY_PATH));
  if (!key.success) throw new Error("AutoArr's server gave an answer this page does not understand. Reload the page and try again.");
  const { publicKey } = key.data;
  if (!publicKey) throw new Error("This AutoArr server is not set up for web push yet (it has no VAPID key).");
  const registration = await readyRegistration();
  const { subscription, isNew } = await subscribeWith(registration, base64urlBytes(publicKey));
  const json = SubscriptionJson.safeParse(subscription.toJSON());
  if (!json.success) {
    if (isNew) await subscription.unsubscribe().catch(() => undefined);
    throw new Error("This browser gave a subscription without the keys AutoArr needs to encrypt notifications.");
  }
  const { endpoint, keys } = json.data;
  try {
    return await apiRequest<unknown>(SUBSCRIPTIONS_PATH, { method: "POST", body: { endpoint, keys, deviceName } });
  } catch (error) {
    // Not kept by the server, so not kept here: the screen would otherwise show a subscription nobody pushes to.
    if (isNew) await subscription.unsubscribe().catch(() => undefined);
    throw error;
  }
}

async function currentSubscription(): Promise<PushSubscription | null> {
  if (pushSupport() === "unsupported") return null;
  const registration = await navigator.serviceWorker.getRegistration();
  return (await registration?.pushManager.getSubscription()) ?? null;
}

/** The endpoint of this browser's subscription, to tell which channel is this device; null without one. */
export async function thisDeviceEndpoint(): Promise<string | null> {
  return (await currentSubscription())?.endpoint ?? null;
}

/** Unsubscribes this browser (the screen deletes the channel on the server itself). */
export async function turnOffPushOnThisDevice(): Promise<void> {
  await (await currentSubscription())?.unsubscribe();
}
