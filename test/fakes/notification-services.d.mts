// Types for test/fakes/notification-services.mjs.
export type FakeService = "discord" | "telegram" | "pushover" | "ntfy" | "gotify" | "slack" | "apprise" | "webhook";
export declare const FAKE_SERVICES: readonly FakeService[];

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Lower-case names. */
  headers: Record<string, string>;
  rawBody: string;
  /** Parsed JSON or form fields, or null. */
  body: unknown;
  /** What the fake answered. */
  status: number;
  answer: unknown;
  /** Telegram: the text as the user sees it after HTML parsing. */
  renderedText?: string;
}

export interface CannedReply {
  status: number;
  /** Only for a request whose raw body or path contains this (test files share the fakes). */
  match?: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface FakeCredentials {
  discord: { webhookId: string; webhookToken: string };
  telegram: { botToken: string; chatIds: string[] };
  pushover: { appToken: string; userKey: string; devices: string[] };
  ntfy: { token: string; protectedTopic: string };
  gotify: { appToken: string };
  slack: { team: string; bot: string; secret: string };
  apprise: { key: string };
  webhook: { secret: string };
}

export interface NotificationFakes {
  url: string;
  credentials: FakeCredentials;
  received(service: FakeService): RecordedRequest[];
  reset(): void;
  respondNext(service: FakeService, reply: CannedReply): void;
  close(): Promise<void>;
}

export declare function startNotificationFakes(): Promise<NotificationFakes>;

export interface NotificationFakesClient {
  received(service: FakeService): Promise<RecordedRequest[]>;
  reset(): Promise<void>;
  respondNext(service: FakeService, reply: CannedReply): Promise<void>;
}

export declare function notificationFakesClient(url: string): NotificationFakesClient;
