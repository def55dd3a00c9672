// Settings → Notifications: the channels AutoArr tells things to, this device's web push, and quiet hours.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import type { CreatedNotificationChannel, NotificationChannel } from "../../api/api-types";
import { deleteNotificationChannel, notificationChannelsQuery } from "../../api/notifications.api";
import { turnOffPushOnThisDevice } from "../../api/push-subscription";
import { queryKeys } from "../../api/query-keys";
import { useProfile } from "../../hooks/use-session";
import { ConfirmDialog } from "../confirm-dialog";
import { EmptyState } from "../empty-state";
import { FormAlert } from "../form-alert";
import { QueryView } from "../query-view";
import { SkeletonList } from "../skeleton";
import { ChannelCard } from "./notifications/channel-card";
import { WEB_PUSH_KIND } from "./notifications/channel-kinds";
import { NewChannelForm } from "./notifications/new-channel-form";
import { QuietHoursSection } from "./notifications/quiet-hours-form";
import { RevealedSigningSecret } from "./notifications/revealed-signing-secret";
import { ThisDevicePush } from "./notifications/this-device-push";
import { useThisDeviceChannel } from "./notifications/use-this-device-channel";

export function NotificationsSection() {
  const queryClient = useQueryClient();
  const query = useQuery(notificationChannelsQuery());
  const device = useThisDeviceChannel();
  const isOwner = useProfile()?.role !== "member";
  const [justCreated, setJustCreated] = useState<CreatedNotificationChannel | null>(null);
  const [deleting, setDeleting] = useState<NotificationChannel | null>(null);
  const channelsHeading = useRef<HTMLHeadingElement>(null);
  const removal = useMutation({
    mutationFn: async (channel: NotificationChannel) => {
      await deleteNotificationChannel(channel.id);
      if (channel.id === device.channelId) {
        await turnOffPushOnThisDevice();
        device.forget();
      }
    },
    onSuccess: async () => {
      setDeleting(null);
      // The Delete button that had focus is gone with its card.
      channelsHeading.current?.focus();
      await queryClient.invalidateQueries({ queryKey: queryKeys.notifications.channels });
    },
  });
  const revealed = justCreated?.revealedOnce?.signingSecret;

  return (
    <section aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">Notifications</h2>
      <p>Where AutoArr tells you about failed downloads, recoveries, requests and apps going down.</p>
      <section aria-labelledby="channels-heading">
        <h3 id="channels-heading" ref={channelsHeading} tabIndex={-1}>
          Channels
        </h3>
        <QueryView
          query={query}
          loading={<SkeletonList rows={2} rowHeight={96} label="Loading notification channels" />}
          isEmpty={(data) => data.channels.length === 0}
          empty={<EmptyState title="No channels yet">Add one below, or turn on notifications on this device.</EmptyState>}
        >
          {(data) => (
            <ul className="plain-list">
              {data.channels.map((channel) => (
                <ChannelCard
                  key={channel.id}
                  channel={channel}
                  isThisDevice={channel.id === device.channelId}
                  canChange={isOwner || channel.kind === WEB_PUSH_KIND}
                  onDelete={() => setDeleting(channel)}
                />
              ))}
            </ul>
          )}
        </QueryView>
      </section>
      {justCreated && revealed ? (
        <RevealedSigningSecret channelName={justCreated.channel.name} secret={revealed} onDone={() => setJustCreated(null)} />
      ) : !query.data ? null : isOwner ? (
        <NewChannelForm offeredKinds={query.data.kinds} onCreated={setJustCreated} />
      ) : (
        <p>The household's owner adds and changes its channels; you can turn on notifications on your own devices.</p>
      )}
      <ThisDevicePush device={device} />
      <QuietHoursSection canChange={isOwner} />
      <ConfirmDialog
        open={deleting !== null}
        title="Delete channel?"
        confirmLabel="Delete"
        busy={removal.isPending}
        onCancel={() => {
          setDeleting(null);
          removal.reset();
        }}
        onConfirm={() => deleting && removal.mutate(deleting)}
      >
        <p>AutoArr will stop sending to “{deleting?.name}” and forget its settings and delivery log.</p>
        <FormAlert error={removal.error} />
      </ConfirmDialog>
    </section>
  );
}
