// Calls and queries for /api/v1/notifications: channels, their delivery logs and tests, quiet hours, the web push key.
import { queryOptions } from "@tanstack/react-query";
import { apiRequest } from "./http-client";
import { queryKeys } from "./query-keys";

// Declared from workers/notifications/notifications.schema.ts until openapi.d.ts carries the notification routes;
// then these become names in api-types.ts.
export type NotificationEventKind =
  | "failure_detected"
  | "recovered"
  | "gave_up"
  | "approval_waiting"
  | "request_available"
  | "request_failed"
  | "app_down"
  | "app_up"
  | "connector_down"
  | "connector_up"
  | "audit_finding";

export type DeliveryStatus = "sent" | "retrying" | "failed" | "held" | "gone";

export type NotificationDelivery = {
  id: string;
  channelId: string;
  /** The event kind, or test, digest or grouped. */
  event: string;
  title: string;
  status: DeliveryStatus;
  attempts: number;
  httpStatus: number | null;
  answer: string | null;
  createdAt: string;
  updatedAt: string;
  nextAttemptAt: string | null;
};

export type NotificationChannel = {
  id: string;
  kind: string;
  name: string;
  enabled: boolean;
  disabledReason: string | null;
  events: NotificationEventKind[];
  settings: Record<string, unknown>;
  /** Each secret field as its last four characters (…abcd). */
  secrets: Record<string, string>;
  consecutiveFailures: number;
  lastDelivery: { status: DeliveryStatus; at: string } | null;
  createdAt: string;
};

export type NotificationChannelList = { channels: NotificationChannel[]; kinds: string[] };

export type CreatedNotificationChannel = { channel: NotificationChannel; revealedOnce?: { signingSecret: string } };

export type NewNotificationChannel = { kind: string; name: string; events?: NotificationEventKind[]; config: Record<string, unknown> };

export type NotificationChannelChange = {
  name?: string;
  events?: NotificationEventKind[];
  enabled?: boolean;
  /** Only the fields to change; a secret left out keeps its stored value. */
  config?: Record<string, unknown>;
};

export type QuietHours = { enabled: boolean; start: string; end: string; timeZone: string; letCriticalThrough: boolean };
export type NotificationSettings = { quietHours: QuietHours };

export type PushKey = { publicKey: string | null };

const BASE = "/api/v1/notifications";
const channelPath = (channelId: string) => `${BASE}/channels/${encodeURIComponent(channelId)}`;

export const notificationChannelsQuery = () =>
  queryOptions({
    queryKey: queryKeys.notifications.channels,
    queryFn: ({ signal }) => apiRequest<NotificationChannelList>(`${BASE}/channels`, { signal }),
  });

export const channelDeliveriesQuery = (channelId: string) =>
  queryOptions({
    queryKey: queryKeys.notifications.deliveries(channelId),
    queryFn: ({ signal }) => apiRequest<{ deliveries: NotificationDelivery[] }>(`${channelPath(channelId)}/deliveries`, { signal }),
  });

export const notificationSettingsQuery = () =>
  queryOptions({
    queryKey: queryKeys.notifications.settings,
    queryFn: ({ signal }) => apiRequest<NotificationSettings>(`${BASE}/settings`, { signal }),
  });

export const pushKeyQuery = () =>
  queryOptions({
    queryKey: queryKeys.notifications.pushKey,
    queryFn: ({ signal }) => apiRequest<PushKey>(`${BASE}/push/key`, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const createNotificationChannel = (channel: NewNotificationChannel) =>
  apiRequest<CreatedNotificationChannel>(`${BASE}/channels`, { method: "POST", body: channel });

export const updateNotificationChannel = (channelId: string, change: NotificationChannelChange) =>
  apiRequest<NotificationChannel>(channelPath(channelId), { method: "PATCH", body: change });

export const deleteNotificationChannel = (channelId: string) => apiRequest<void>(channelPath(channelId), { method: "DELETE" });

export const testNotificationChannel = (channelId: string) =>
  apiRequest<{ delivery: NotificationDelivery }>(`${channelPath(channelId)}/test`, { method: "POST" });

export const saveNotificationSettings = (settings: NotificationSettings) =>
  apiRequest<NotificationSettings>(`${BASE}/settings`, { method: "PUT", body: settings });
