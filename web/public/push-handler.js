// Web push in AutoArr's service worker (imported by the one vite-plugin-pwa generates; see web/vite.config.ts).
// A push always shows a notification, even one whose payload cannot be read: browsers penalise pushes that show
// nothing (https://developer.mozilla.org/en-US/docs/Web/API/PushManager/subscribe, userVisibleOnly). A tap focuses
// an open AutoArr window and takes it to the notification's screen, or opens one; only same-origin links are followed.
// The payload is the one workers/notifications/web-push/push-payload.ts builds: { title, body, link, tag, at }.

const FALLBACK_TITLE = "AutoArr";
const FALLBACK_BODY = "Something needs your attention. Open AutoArr to see it.";
const ICON = "/icon-192.png";

function readPayload(event) {
  if (!event.data) return {};
  try {
    const payload = event.data.json();
    return payload && typeof payload === "object" ? payload : {};
  } catch {
    return {};
  }
}

function text(value, fallback) {
  return typeof value === "string" && value.trim() !== "" ? value : fallback;
}

/** The path of a same-origin link, or the home screen for anything else (another site, a javascript: URL). */
function appPath(link) {
  try {
    const url = new URL(typeof link === "string" ? link : "/", self.location.origin);
    return url.origin === self.location.origin ? `${url.pathname}${url.search}${url.hash}` : "/";
  } catch {
    return "/";
  }
}

function notificationFor(payload) {
  const title = text(payload.title, FALLBACK_TITLE);
  const options = {
    body: text(payload.body, payload.title ? "" : FALLBACK_BODY),
    icon: ICON,
    badge: ICON,
    data: { link: appPath(payload.link) },
  };
  if (typeof payload.tag === "string" && payload.tag !== "") {
    // A repeat of the same event replaces the one on screen, and still alerts: it is news again.
    options.tag = payload.tag;
    options.renotify = true;
  }
  const at = Date.parse(payload.at);
  if (Number.isFinite(at)) options.timestamp = at;
  return { title, options };
}

self.addEventListener("push", (event) => {
  const { title, options } = notificationFor(readPayload(event));
  event.waitUntil(self.registration.showNotification(title, options));
});

async function openApp(path) {
  const url = new URL(path, self.location.origin).href;
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const ours = windows.filter((client) => new URL(client.url).origin === self.location.origin);
  const already = ours.find((client) => client.url === url);
  if (already) return already.focus();
  const open = ours.find((client) => "navigate" in client);
  if (open) {
    try {
      // Focus first, while the tap still counts as the person's gesture; then move the window.
      const focused = await open.focus();
      const moved = await focused.navigate(url);
      if (moved) return moved;
    } catch {
      // A window this worker does not control cannot be navigated: open a new one instead.
    }
  }
  return self.clients.openWindow(url);
}

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  event.waitUntil(openApp(appPath(event.notification.data?.link)));
});
