// Puts a channel the API just answered with into the cached list, so the screen shows it before the refetch lands.
import type { QueryClient } from "@tanstack/react-query";
import type { NotificationChannel, NotificationChannelList } from "../../../api/api-types";
import { queryKeys } from "../../../api/query-keys";

export function replaceChannel(queryClient: QueryClient, saved: NotificationChannel): void {
  queryClient.setQueryData<NotificationChannelList>(queryKeys.notifications.channels, (list) =>
    list ? { ...list, channels: list.channels.map((channel) => (channel.id === saved.id ? saved : channel)) } : list,
  );
}
