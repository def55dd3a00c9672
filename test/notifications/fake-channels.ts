// What the notification tests share: the fakes of test/fakes/notification-services.mjs (started by the harness), a
// config per channel kind pointing at them, and messages marked so a test finds its own requests among other files'.
import { inject } from "vitest";
import type { ChannelAdapter } from "../../workers/notifications/channel-adapter";
import { CHANNEL_ADAPTERS, type ChannelKind } from "../../workers/notifications/channels";
import { pushoverAdapterFor } from "../../workers/notifications/channels/pushover";
import type { NotificationMessage } from "../../workers/notifications/notification-message";
import { type FakeService, notificationFakesClient, type RecordedRequest } from "../fakes/notification-services.mjs";

export const fakes = inject("notificationFakes");
export const fakeClient = notificationFakesClient(fakes.url);
export const APP_URL = "https://autoarr.example.com";
export const KINDS = ["discord", "telegram", "pushover", "ntfy", "gotify", "slack", "apprise", "webhook"] as const satisfies readonly ChannelKind[];

/** A marker that survives every service's escaping (letters and digits only). */
export function marker(): string {
  return `m${crypto.randomUUID().replace(/-/g, "")}`;
}

/** Each kind's adapter as the tests use it: Pushover's aimed at the fake (its host is not part of a user's config). */
export function adapterFor(kind: ChannelKind): ChannelAdapter {
  return kind === "pushover" ? (pushoverAdapterFor(`${fakes.url}/pushover`) as unknown as ChannelAdapter) : CHANNEL_ADAPTERS[kind];
}

/** A config for `kind` that the fake accepts. */
export function fakeConfig(kind: ChannelKind): Record<string, unknown> {
  const { url, credentials: c } = fakes;
  switch (kind) {
    case "discord":
      return { webhookUrl: `${url}/discord/api/webhooks/${c.discord.webhookId}/${c.discord.webhookToken}` };
    case "telegram":
      return { botToken: c.telegram.botToken, chatId: c.telegram.chatIds[0], apiUrl: `${url}/telegram` };
    case "pushover":
      return { userKey: c.pushover.userKey, appToken: c.pushover.appToken };
    case "ntfy":
      return { serverUrl: `${url}/ntfy`, topic: "autoarr-tests" };
    case "gotify":
      return { serverUrl: `${url}/gotify`, appToken: c.gotify.appToken };
    case "slack":
      return { webhookUrl: `${url}/slack/services/${c.slack.team}/${c.slack.bot}/${c.slack.secret}` };
    case "apprise":
      return { serverUrl: `${url}/apprise`, key: c.apprise.key };
    case "webhook":
      return { url: `${url}/webhook/receive`, secret: c.webhook.secret };
  }
}

/** The same config with its credential wrong, and the secret value that must not show in the answer. */
export function wrongCredentialConfig(kind: ChannelKind): { config: Record<string, unknown>; secret: string } {
  const wrong = (value: string) => `${value.slice(0, -4)}${value.endsWith("ZZZZ") ? "YYYY" : "ZZZZ"}`;
  const { url, credentials: c } = fakes;
  switch (kind) {
    case "discord": {
      const token = wrong(c.discord.webhookToken);
      return { config: { webhookUrl: `${url}/discord/api/webhooks/${c.discord.webhookId}/${token}` }, secret: token };
    }
    case "telegram": {
      const botToken = wrong(c.telegram.botToken);
      return { config: { ...fakeConfig(kind), botToken }, secret: botToken };
    }
    case "pushover": {
      const appToken = wrong(c.pushover.appToken);
      return { config: { ...fakeConfig(kind), appToken }, secret: appToken };
    }
    case "ntfy": {
      const token = `tk_${"x".repeat(29)}`;
      return { config: { ...fakeConfig(kind), topic: c.ntfy.protectedTopic, token }, secret: token };
    }
    case "gotify": {
      const appToken = wrong(c.gotify.appToken);
      return { config: { ...fakeConfig(kind), appToken }, secret: appToken };
    }
    case "slack": {
      const secret = wrong(c.slack.secret);
      return { config: { webhookUrl: `${url}/slack/services/${c.slack.team}/${c.slack.bot}/${secret}` }, secret };
    }
    case "apprise": {
      // Apprise has no credentials of its own: a URL it has no plugin for is what it cannot send.
      const urls = `nosuchservice://${marker()}`;
      return { config: { serverUrl: `${url}/apprise`, urls }, secret: urls };
    }
    case "webhook": {
      const secret = wrong(c.webhook.secret);
      return { config: { ...fakeConfig(kind), secret }, secret };
    }
  }
}

export function message(mark: string, overrides: Partial<NotificationMessage> = {}): NotificationMessage {
  return {
    kind: "failure_detected",
    severity: "warning",
    title: `Download failed ${mark}`,
    body: `SABnzbd reported a CRC error; AutoArr blocklisted the release and searched again. ${mark}`,
    link: "/activity",
    at: "2026-12-01T21:00:00.000Z",
    ...overrides,
  };
}

/** The requests `service` received that carry `mark` (in the body, or the path). */
export async function receivedWith(service: FakeService, mark: string): Promise<RecordedRequest[]> {
  return (await fakeClient.received(service)).filter((r) => r.rawBody.includes(mark) || r.path.includes(mark));
}

/** The one request carrying `mark`; fails when there is none or several. */
export async function onlyRequest(service: FakeService, mark: string): Promise<RecordedRequest> {
  const requests = await receivedWith(service, mark);
  if (requests.length !== 1) throw new Error(`${service} received ${requests.length} requests marked ${mark}`);
  return requests[0] as RecordedRequest;
}
