// public/push-handler.js as the service worker runs it: the script is evaluated against a stand-in `self` holding
// the parts of ServiceWorkerGlobalScope it uses, and its push and notificationclick listeners are called directly.
import { describe, expect, it, vi } from "vitest";
import source from "../../public/push-handler.js?raw";

const ORIGIN = "https://autoarr.example.com";

type Listener = (event: { waitUntil(promise: Promise<unknown>): void } & Record<string, unknown>) => void;

interface FakeWindow {
  url: string;
  focus: ReturnType<typeof vi.fn>;
  navigate: ReturnType<typeof vi.fn>;
}

function fakeWindow(url: string, options: { controlled?: boolean } = {}): FakeWindow {
  const client: FakeWindow = {
    url,
    focus: vi.fn(async () => client),
    navigate: vi.fn(async (to: string) => {
      if (options.controlled === false) throw new TypeError("not controlled");
      client.url = to;
      return client;
    }),
  };
  return client;
}

function serviceWorker(windows: FakeWindow[] = []) {
  const listeners = new Map<string, Listener>();
  const showNotification = vi.fn(async () => undefined);
  const openWindow = vi.fn(async (url: string) => fakeWindow(url));
  const scope = {
    location: new URL(`${ORIGIN}/sw.js`),
    registration: { showNotification },
    clients: { matchAll: vi.fn(async () => windows), openWindow },
    addEventListener: (type: string, listener: Listener) => listeners.set(type, listener),
  };
  new Function("self", source)(scope);

  async function dispatch(type: string, fields: Record<string, unknown>) {
    const pending: Promise<unknown>[] = [];
    listeners.get(type)?.({ ...fields, waitUntil: (promise) => pending.push(promise) });
    expect(pending).toHaveLength(1);
    await Promise.all(pending);
  }
  const push = (data: string | null) => dispatch("push", { data: data === null ? null : { json: () => JSON.parse(data) } });
  const click = (link: unknown) => {
    const notification = { data: { link }, close: vi.fn() };
    return dispatch("notificationclick", { notification }).then(() => notification);
  };
  return { push, click, showNotification, openWindow };
}

const payload = {
  title: "Download failed: Show.S01E01",
  body: "CRC error",
  link: `${ORIGIN}/activity?item=7`,
  tag: "k3y",
  at: "2026-12-01T21:00:00.000Z",
};

describe("push", () => {
  it("shows the payload's title and body, tagged, with its screen to open", async () => {
    const sw = serviceWorker();
    await sw.push(JSON.stringify(payload));
    expect(sw.showNotification).toHaveBeenCalledWith(payload.title, {
      body: payload.body,
      icon: "/icon-192.png",
      badge: "/icon-192.png",
      data: { link: "/activity?item=7" },
      tag: "k3y",
      renotify: true,
      timestamp: Date.parse(payload.at),
    });
  });

  it("shows a generic AutoArr notification for a payload it cannot read, rather than nothing", async () => {
    for (const data of ["not json", null, "null", "42"]) {
      const sw = serviceWorker();
      await sw.push(data);
      expect(sw.showNotification).toHaveBeenCalledWith(
        "AutoArr",
        expect.objectContaining({ body: expect.stringMatching(/Open AutoArr/), data: { link: "/" } }),
      );
    }
  });

  it("never keeps a link to another site", async () => {
    const sw = serviceWorker();
    await sw.push(JSON.stringify({ ...payload, link: "https://evil.example/phish" }));
    await sw.push(JSON.stringify({ ...payload, link: "javascript:alert(1)" }));
    const links = sw.showNotification.mock.calls.map((call) => (call as unknown[] as [string, { data: { link: string } }])[1].data.link);
    expect(links).toEqual(["/", "/"]);
  });
});

describe("notificationclick", () => {
  it("focuses an open AutoArr window and takes it to the notification's screen", async () => {
    const open = fakeWindow(`${ORIGIN}/`);
    const sw = serviceWorker([fakeWindow("https://other.example/"), open]);
    const notification = await sw.click("/activity?item=7");
    expect(notification.close).toHaveBeenCalled();
    expect(open.focus).toHaveBeenCalled();
    expect(open.navigate).toHaveBeenCalledWith(`${ORIGIN}/activity?item=7`);
    expect(sw.openWindow).not.toHaveBeenCalled();
  });

  it("only focuses a window already on that screen", async () => {
    const there = fakeWindow(`${ORIGIN}/activity`);
    const sw = serviceWorker([there]);
    await sw.click("/activity");
    expect(there.focus).toHaveBeenCalled();
    expect(there.navigate).not.toHaveBeenCalled();
  });

  it("opens a window when none is open, or when the open one cannot be moved", async () => {
    const none = serviceWorker([]);
    await none.click("/activity");
    expect(none.openWindow).toHaveBeenCalledWith(`${ORIGIN}/activity`);
    const uncontrolled = serviceWorker([fakeWindow(`${ORIGIN}/`, { controlled: false })]);
    await uncontrolled.click("/activity");
    expect(uncontrolled.openWindow).toHaveBeenCalledWith(`${ORIGIN}/activity`);
  });

  it("opens the home screen for a link to another origin", async () => {
    const sw = serviceWorker([]);
    await sw.click("https://evil.example/phish");
    expect(sw.openWindow).toHaveBeenCalledWith(`${ORIGIN}/`);
  });
});
