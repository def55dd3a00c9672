import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { NotificationChannel, NotificationDelivery } from "../../api/api-types";
import { seriousAxeViolations } from "../../test/axe";
import { renderWithProviders } from "../../test/render";
import { signInForTest } from "../../test/signed-in";
import { tokenStore } from "../../api/token-store";
import { type MockAnswer, mockApi, session } from "../../test/mock-api";
import { NotificationsSection } from "./notifications-section";

const push = vi.hoisted(() => ({
  pushSupport: vi.fn(() => "supported" as "supported" | "unsupported" | "denied"),
  turnOnPushOnThisDevice: vi.fn(async (_deviceName: string): Promise<unknown> => ({})),
  thisDeviceEndpoint: vi.fn(async (): Promise<string | null> => null),
  turnOffPushOnThisDevice: vi.fn(async () => {}),
}));
vi.mock("../../api/push-subscription", () => push);

const BASE = "/api/v1/notifications";
const KINDS = ["discord", "telegram", "pushover", "ntfy", "gotify", "slack", "apprise", "webhook"];
const quietHours = { enabled: false, start: "22:00", end: "07:00", timeZone: "UTC", letCriticalThrough: true };

function channel(overrides: Partial<NotificationChannel> = {}): NotificationChannel {
  return {
    id: "c1",
    kind: "telegram",
    name: "Family group",
    enabled: true,
    disabledReason: null,
    events: ["failure_detected", "gave_up"],
    settings: { chatId: "-1001234" },
    secrets: { botToken: "…a1b2" },
    consecutiveFailures: 0,
    lastDelivery: null,
    createdAt: "2026-12-01T20:00:00Z",
    ...overrides,
  };
}

function delivery(overrides: Partial<NotificationDelivery> = {}): NotificationDelivery {
  return {
    id: "d1",
    channelId: "c1",
    event: "test",
    title: "AutoArr test",
    status: "sent",
    attempts: 1,
    httpStatus: 200,
    answer: null,
    createdAt: "2026-12-01T21:00:00Z",
    updatedAt: "2026-12-01T21:00:00Z",
    nextAttemptAt: null,
    ...overrides,
  };
}

type Routes = Parameters<typeof mockApi>[0];

/** A notifications API holding its channels in memory, with extra or overriding routes per test. */
function notificationsApi(initial: NotificationChannel[], extra: Routes = {}) {
  let channels = initial;
  const routes: Routes = {
    [`GET ${BASE}/channels`]: () => ({ body: { channels, kinds: KINDS } }),
    [`GET ${BASE}/settings`]: { body: { quietHours } },
    [`GET ${BASE}/push/key`]: { body: { publicKey: "BPublicKey" } },
  };
  for (const existing of initial) {
    routes[`PATCH ${BASE}/channels/${existing.id}`] = ({ body }): MockAnswer => {
      const change = body as Partial<NotificationChannel>;
      const current = channels.find((candidate) => candidate.id === existing.id)!;
      const saved = {
        ...current,
        ...change,
        disabledReason: change.enabled ? null : current.disabledReason,
        settings: current.settings,
        secrets: current.secrets,
      };
      channels = channels.map((candidate) => (candidate.id === saved.id ? saved : candidate));
      return { body: saved };
    };
    routes[`DELETE ${BASE}/channels/${existing.id}`] = () => {
      channels = channels.filter((candidate) => candidate.id !== existing.id);
      return { status: 204 };
    };
  }
  return mockApi({ ...routes, ...extra });
}

async function cardOf(name: string): Promise<HTMLElement> {
  return screen.findByRole("article", { name });
}

beforeEach(() => {
  signInForTest();
  push.pushSupport.mockReturnValue("supported");
  push.thisDeviceEndpoint.mockResolvedValue(null);
});

describe("Notifications settings", () => {
  it("adds an ntfy channel, posting the kind, name, events and config exactly as the API takes them", async () => {
    const created = channel({
      id: "c2",
      kind: "ntfy",
      name: "Phone",
      settings: { serverUrl: "https://ntfy.sh", topic: "autoarr-home", priority: 4, tags: ["warning"] },
      secrets: {},
    });
    const { calls } = notificationsApi([], { [`POST ${BASE}/channels`]: { status: 201, body: { channel: created } } });
    const { container } = renderWithProviders(<NotificationsSection />, { path: "/settings" });
    expect(await screen.findByRole("heading", { level: 2, name: "Notifications" })).toBeTruthy();
    expect(await screen.findByText("No channels yet")).toBeTruthy();

    fireEvent.change(screen.getByLabelText("Service"), { target: { value: "ntfy" } });
    const form = screen.getByRole("form", { name: "Add a channel" });
    expect(within(form).getByText(/subscribe to it in the ntfy app/)).toBeTruthy();
    fireEvent.change(within(form).getByLabelText("Name"), { target: { value: " Phone " } });
    expect((within(form).getByLabelText(/^Server URL/) as HTMLInputElement).value).toBe("https://ntfy.sh");
    fireEvent.change(within(form).getByLabelText(/^Topic/), { target: { value: "autoarr-home" } });
    fireEvent.change(within(form).getByLabelText("Priority"), { target: { value: "4" } });
    fireEvent.change(within(form).getByLabelText(/^Tags/), { target: { value: "warning" } });
    fireEvent.click(within(form).getByLabelText("A download failed"));
    fireEvent.click(within(form).getByLabelText("An app is back"));
    fireEvent.click(within(form).getByRole("button", { name: "Add channel" }));

    await waitFor(() => expect(calls.some((call) => call.method === "POST")).toBe(true));
    expect(calls.find((call) => call.method === "POST")?.body).toEqual({
      kind: "ntfy",
      name: "Phone",
      events: ["recovered", "gave_up", "approval_waiting", "request_available", "request_failed", "app_down", "app_up", "connector_down", "audit_finding"],
      config: { serverUrl: "https://ntfy.sh", topic: "autoarr-home", priority: 4, tags: ["warning"] },
    });
    expect(await screen.findByText("Added “Phone”. Send a test to check it.")).toBeTruthy();
    expect((within(form).getByLabelText(/^Topic/) as HTMLInputElement).value).toBe("");
    expect(await seriousAxeViolations(container)).toEqual([]);
  });

  it("shows a 400's message next to the config field it names", async () => {
    notificationsApi([], {
      [`POST ${BASE}/channels`]: {
        status: 400,
        body: {
          error: {
            code: "invalid_request",
            message: "Invalid request",
            details: [{ path: ["config", "botToken"], message: "must be a bot token as BotFather gives it" }],
          },
        },
      },
    });
    renderWithProviders(<NotificationsSection />);
    const form = await screen.findByRole("form", { name: "Add a channel" });
    fireEvent.change(within(form).getByLabelText("Service"), { target: { value: "telegram" } });
    fireEvent.change(within(form).getByLabelText("Name"), { target: { value: "Group" } });
    fireEvent.change(within(form).getByLabelText(/^Bot token/), { target: { value: "nope" } });
    fireEvent.change(within(form).getByLabelText(/^Chat id/), { target: { value: "-100" } });
    fireEvent.click(within(form).getByRole("button", { name: "Add channel" }));

    const message = await within(form).findByText("must be a bot token as BotFather gives it");
    const input = within(form).getByLabelText(/^Bot token/);
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(input.getAttribute("aria-describedby")).toContain(message.id);
    expect(within(form).queryByRole("alert")).toBeNull();
  });

  it("shows a new signed webhook's generated secret once, with a copy button", async () => {
    const created = channel({ id: "c3", kind: "webhook", name: "Receiver", settings: { url: "https://hooks.example.com/in" }, secrets: { secret: "…9f0e" } });
    const { calls } = notificationsApi([], {
      [`POST ${BASE}/channels`]: { status: 201, body: { channel: created, revealedOnce: { signingSecret: "whsec-0123456789abcdef0123456789ab9f0e" } } },
    });
    renderWithProviders(<NotificationsSection />);
    const form = await screen.findByRole("form", { name: "Add a channel" });
    fireEvent.change(within(form).getByLabelText("Service"), { target: { value: "webhook" } });
    fireEvent.change(within(form).getByLabelText("Name"), { target: { value: "Receiver" } });
    fireEvent.change(within(form).getByLabelText(/^Receiver URL/), { target: { value: "https://hooks.example.com/in" } });
    fireEvent.click(within(form).getByRole("button", { name: "Add channel" }));

    expect(((await screen.findByLabelText("Signing secret")) as HTMLInputElement).value).toBe("whsec-0123456789abcdef0123456789ab9f0e");
    const posted = calls.find((call) => call.method === "POST")?.body as { kind?: string; config?: unknown } | undefined;
    expect(posted?.kind).toBe("webhook");
    expect(posted?.config).toEqual({ url: "https://hooks.example.com/in" });
    expect(screen.getByRole("button", { name: "Copy secret" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "I've copied it" }));
    expect(screen.queryByDisplayValue(/whsec-/)).toBeNull();
    expect(screen.getByRole("form", { name: "Add a channel" })).toBeTruthy();
  });

  it("'Send a test' says Sent, or the failure with the service's answer", async () => {
    let answer: NotificationDelivery = delivery();
    notificationsApi([channel()], { [`POST ${BASE}/channels/c1/test`]: () => ({ body: { delivery: answer } }) });
    renderWithProviders(<NotificationsSection />);
    const card = await cardOf("Family group");
    fireEvent.click(within(card).getByRole("button", { name: "Send a test" }));
    expect(await within(card).findByText("Sent")).toBeTruthy();

    answer = delivery({ id: "d2", status: "failed", httpStatus: 401, answer: "Unauthorized: bot token invalid" });
    fireEvent.click(within(card).getByRole("button", { name: "Send a test" }));
    expect(await within(card).findByText("Failed: Unauthorized: bot token invalid")).toBeTruthy();
  });

  it("shows secrets only as their last four characters and keeps them out of an edit unless retyped", async () => {
    const { calls } = notificationsApi([channel()]);
    renderWithProviders(<NotificationsSection />);
    const card = await cardOf("Family group");
    expect(within(card).getByText("…a1b2")).toBeTruthy();
    expect(within(card).getByText("-1001234")).toBeTruthy();

    fireEvent.click(within(card).getByRole("button", { name: "Edit" }));
    const form = within(card).getByRole("form", { name: "Edit Family group" });
    const token = within(form).getByLabelText(/^Bot token/) as HTMLInputElement;
    expect(token.type).toBe("password");
    expect(token.value).toBe("");
    expect(token.placeholder).toBe("…a1b2");
    fireEvent.change(within(form).getByLabelText(/^Chat id/), { target: { value: "@autoarr_news" } });
    fireEvent.click(within(form).getByLabelText("An app is down"));
    fireEvent.click(within(form).getByRole("button", { name: "Save changes" }));

    expect(await within(card).findByText("Family group saved")).toBeTruthy();
    expect(calls.find((call) => call.method === "PATCH")?.body).toEqual({
      events: ["failure_detected", "gave_up", "app_down"],
      config: { chatId: "@autoarr_news" },
    });
  });

  it("mutes and unmutes a channel", async () => {
    const { calls } = notificationsApi([channel()]);
    renderWithProviders(<NotificationsSection />);
    const card = await cardOf("Family group");
    expect(within(card).getByText("On")).toBeTruthy();
    fireEvent.click(within(card).getByRole("button", { name: "Mute" }));
    expect(await within(card).findByText("Muted")).toBeTruthy();
    fireEvent.click(within(card).getByRole("button", { name: "Unmute" }));
    expect(await within(card).findByText("On")).toBeTruthy();
    expect(calls.filter((call) => call.method === "PATCH").map((call) => call.body)).toEqual([{ enabled: false }, { enabled: true }]);
  });

  it("asks before deleting a channel and deletes it only once confirmed", async () => {
    const { calls } = notificationsApi([channel(), channel({ id: "c2", name: "Work Slack", kind: "slack", settings: {}, secrets: { webhookUrl: "…Xy9z" } })]);
    renderWithProviders(<NotificationsSection />);
    fireEvent.click(within(await cardOf("Work Slack")).getByRole("button", { name: "Delete" }));
    const dialog = await screen.findByRole("dialog", { name: "Delete channel?", hidden: true });
    expect(within(dialog).getByText(/“Work Slack”/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "Cancel", hidden: true }));
    expect(calls.some((call) => call.method === "DELETE")).toBe(false);

    fireEvent.click(within(await cardOf("Work Slack")).getByRole("button", { name: "Delete" }));
    fireEvent.click(within(dialog).getByRole("button", { name: "Delete", hidden: true }));
    await waitFor(() => expect(screen.queryByRole("article", { name: "Work Slack" })).toBeNull());
    expect(calls.filter((call) => call.method === "DELETE").map((call) => call.path)).toEqual([`${BASE}/channels/c2`]);
    expect(document.activeElement).toBe(screen.getByRole("heading", { level: 3, name: "Channels" }));
    expect(screen.getByRole("article", { name: "Family group" })).toBeTruthy();
  });

  it("a channel AutoArr turned off shows why and can be turned back on", async () => {
    const failing = channel({ enabled: false, disabledReason: "Failed 10 times in a row: 401 Unauthorized", consecutiveFailures: 10 });
    const { calls } = notificationsApi([failing]);
    renderWithProviders(<NotificationsSection />);
    const card = await cardOf("Family group");
    expect(within(card).getByText("Turned off")).toBeTruthy();
    expect(within(card).getByText(/AutoArr turned this channel off: Failed 10 times in a row: 401 Unauthorized/)).toBeTruthy();
    expect(within(card).queryByRole("button", { name: "Unmute" })).toBeNull();
    fireEvent.click(within(card).getByRole("button", { name: "Turn back on" }));
    expect(await within(card).findByText("On")).toBeTruthy();
    expect(within(card).queryByText(/AutoArr turned this channel off/)).toBeNull();
    expect(calls.find((call) => call.method === "PATCH")?.body).toEqual({ enabled: true });
  });

  it("shows a channel's delivery log, newest first as the API gives it, with the service's answers", async () => {
    notificationsApi([channel()], {
      [`GET ${BASE}/channels/c1/deliveries`]: {
        body: {
          deliveries: [
            delivery({
              id: "d2",
              event: "gave_up",
              title: "Show.S01E01",
              status: "retrying",
              attempts: 2,
              httpStatus: 429,
              answer: "Too Many Requests",
              nextAttemptAt: "2026-12-01T21:05:00Z",
            }),
            delivery({ id: "d1" }),
          ],
        },
      },
    });
    renderWithProviders(<NotificationsSection />);
    const card = await cardOf("Family group");
    const toggle = within(card).getByRole("button", { name: "Delivery log" });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(toggle);
    const table = await within(card).findByRole("table", { name: "Delivery log for Family group" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((row) => within(row).getAllByRole("cell")[1]?.textContent)).toEqual(["Gave up after every attempt: Show.S01E01", "Test: AutoArr test"]);
    expect(within(rows[0]!).getByText("Retrying")).toBeTruthy();
    expect(within(rows[0]!).getByText("HTTP 429 · Too Many Requests")).toBeTruthy();
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    fireEvent.click(within(card).getByRole("button", { name: "Edit" }));
    expect(await seriousAxeViolations(card)).toEqual([]);
  });

  it("saves quiet hours and shows what the server kept", async () => {
    const { calls } = notificationsApi([], { [`PUT ${BASE}/settings`]: ({ body }) => ({ body }) });
    renderWithProviders(<NotificationsSection />);
    fireEvent.click(await screen.findByLabelText("Hold notifications back during quiet hours"));
    fireEvent.change(screen.getByLabelText("From"), { target: { value: "23:30" } });
    fireEvent.change(screen.getByLabelText("Until"), { target: { value: "06:45" } });
    fireEvent.change(screen.getByLabelText(/^Time zone/), { target: { value: " Europe/Berlin " } });
    fireEvent.click(screen.getByLabelText(/Let critical events through/));
    fireEvent.click(screen.getByRole("button", { name: "Save quiet hours" }));

    expect(await screen.findByText("Saved")).toBeTruthy();
    expect(calls.find((call) => call.method === "PUT")?.body).toEqual({
      quietHours: { enabled: true, start: "23:30", end: "06:45", timeZone: "Europe/Berlin", letCriticalThrough: false },
    });
    expect((screen.getByLabelText(/^Time zone/) as HTMLInputElement).value).toBe("Europe/Berlin");
  });

  it("shows the server's message next to a quiet-hours field", async () => {
    notificationsApi([], {
      [`PUT ${BASE}/settings`]: {
        status: 400,
        body: {
          error: {
            code: "invalid_request",
            message: "Invalid request",
            details: [{ path: ["quietHours", "timeZone"], message: "an IANA time zone such as Europe/London" }],
          },
        },
      },
    });
    renderWithProviders(<NotificationsSection />);
    fireEvent.change(await screen.findByLabelText(/^Time zone/), { target: { value: "Mars/Olympus" } });
    fireEvent.click(screen.getByRole("button", { name: "Save quiet hours" }));
    expect(await screen.findByText("an IANA time zone such as Europe/London")).toBeTruthy();
  });

  it("lets a member look at the household's channels but change only their own devices", async () => {
    tokenStore.save({ ...session(), role: "member" });
    const device = channel({ id: "wp1", kind: "webpush", name: "My phone", settings: {}, secrets: {} });
    notificationsApi([channel(), device]);
    renderWithProviders(<NotificationsSection />);
    const household = await cardOf("Family group");
    expect(within(household).queryByRole("button", { name: "Send a test" })).toBeNull();
    expect(within(household).queryByRole("button", { name: "Mute" })).toBeNull();
    expect(within(household).queryByRole("button", { name: "Delete" })).toBeNull();
    expect(within(household).getByRole("button", { name: "Delivery log" })).toBeTruthy();
    const own = await cardOf("My phone");
    expect(within(own).getByRole("button", { name: "Send a test" })).toBeTruthy();
    expect(within(own).getByRole("button", { name: "Delete" })).toBeTruthy();
    expect(screen.queryByRole("form", { name: "Add a channel" })).toBeNull();
    expect(await screen.findByText("Only the household's owner can change quiet hours.")).toBeTruthy();
    expect(screen.getByLabelText("Hold notifications back during quiet hours").matches(":disabled")).toBe(true);
  });

  it("says when web push is not set up on the server and offers no button", async () => {
    notificationsApi([], { [`GET ${BASE}/push/key`]: { body: { publicKey: null } } });
    renderWithProviders(<NotificationsSection />);
    expect(await screen.findByText(/Web push is not set up on this server/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Turn on notifications on this device" })).toBeNull();
  });

  it("says why a browser can't get notifications when it has no push or has blocked them", async () => {
    push.pushSupport.mockReturnValue("denied");
    notificationsApi([]);
    const { unmount } = renderWithProviders(<NotificationsSection />);
    expect(await screen.findByText(/Notifications are blocked for AutoArr in this browser/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Turn on notifications on this device" })).toBeNull();
    unmount();

    push.pushSupport.mockReturnValue("unsupported");
    renderWithProviders(<NotificationsSection />);
    expect(await screen.findByText(/This browser can't receive web push notifications/)).toBeTruthy();
  });

  it("turns on notifications on this device, marks its channel, and turning off removes the channel", async () => {
    const device = channel({ id: "wp1", kind: "webpush", name: "Chrome on Android", settings: {}, secrets: {} });
    let subscribed = false;
    push.turnOnPushOnThisDevice.mockImplementation(async () => {
      subscribed = true;
      return { channel: device };
    });
    const { calls } = mockApi({
      [`GET ${BASE}/channels`]: () => ({ body: { channels: subscribed ? [device] : [], kinds: KINDS } }),
      [`GET ${BASE}/settings`]: { body: { quietHours } },
      [`GET ${BASE}/push/key`]: { body: { publicKey: "BPublicKey" } },
      [`DELETE ${BASE}/channels/wp1`]: () => {
        subscribed = false;
        return { status: 204 };
      },
    });
    renderWithProviders(<NotificationsSection />);
    fireEvent.change(await screen.findByLabelText(/^Device name/), { target: { value: "Chrome on Android" } });
    fireEvent.click(screen.getByRole("button", { name: "Turn on notifications on this device" }));

    expect(await screen.findByText("Notifications are on for this device.")).toBeTruthy();
    expect(push.turnOnPushOnThisDevice).toHaveBeenCalledWith("Chrome on Android");
    const card = await cardOf("Chrome on Android");
    expect(within(card).getByText("This device")).toBeTruthy();
    expect(within(card).getByText("Device")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Turn off on this device" }));
    expect(await screen.findByText("Notifications are off for this device.")).toBeTruthy();
    expect(push.turnOffPushOnThisDevice).toHaveBeenCalledTimes(1);
    expect(calls.filter((call) => call.method === "DELETE").map((call) => call.path)).toEqual([`${BASE}/channels/wp1`]);
    await waitFor(() => expect(screen.queryByRole("article", { name: "Chrome on Android" })).toBeNull());
    expect(screen.getByRole("button", { name: "Turn on notifications on this device" })).toBeTruthy();
  });

  it("shows the sentence turning on web push failed with", async () => {
    push.turnOnPushOnThisDevice.mockRejectedValue(new Error("You did not allow notifications for AutoArr."));
    notificationsApi([]);
    renderWithProviders(<NotificationsSection />);
    fireEvent.click(await screen.findByRole("button", { name: "Turn on notifications on this device" }));
    expect((await screen.findByRole("alert")).textContent).toBe("You did not allow notifications for AutoArr.");
  });
});
