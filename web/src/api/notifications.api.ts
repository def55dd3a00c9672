// Calls and queries for /api/v1/notifications: channels, their delivery logs and tests, quiet hours, the web push key.
import { queryOptions } from "@tanstack/react-query";
import type {
  CreatedNotificationChannel,
  NewNotificationChannel,
  NotificationChannel,
  NotificationChannelChange,
  NotificationChannelList,
  NotificationDeliveryList,
  NotificationSettings,
  NotificationTestResult,
  PushKey,
} from "./api-types";
import { apiRequest } from "./http-client";
import { queryKeys } from "./query-keys";

/**
 * A new channel as the form builds it: the kind, name and events as the API types them, and the config as field
 * values (the form's table in channel-kinds.ts is checked against each kind's config fields).
 */
export type ChannelDraft = Omit<NewNotificationChannel, "config"> & { config: Record<string, unknown> };

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
    queryFn: ({ signal }) => apiRequest<NotificationDeliveryList>(`${channelPath(channelId)}/deliveries`, { signal }),
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

export const createNotificationChannel = (channel: ChannelDraft) =>
  apiRequest<CreatedNotificationChannel>(`${BASE}/channels`, { method: "POST", body: channel });

export const updateNotificationChannel = (channelId: string, change: NotificationChannelChange) =>
  apiRequest<NotificationChannel>(channelPath(channelId), { method: "PATCH", body: change });

export const deleteNotificationChannel = (channelId: string) => apiRequest<void>(channelPath(channelId), { method: "DELETE" });

export const testNotificationChannel = (channelId: string) => apiRequest<NotificationTestResult>(`${channelPath(channelId)}/test`, { method: "POST" });

export const saveNotificationSettings = (settings: NotificationSettings) =>
  apiRequest<NotificationSettings>(`${BASE}/settings`, { method: "PUT", body: settings });
