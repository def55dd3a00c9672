// One channel: what it is and how it is doing, with test, mute, edit, delivery log and delete.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { type NotificationChannel, updateNotificationChannel } from "../../../api/notifications.api";
import { queryKeys } from "../../../api/query-keys";
import { FormAlert } from "../../form-alert";
import { ChannelSummary } from "./channel-summary";
import { kindLabel, WEB_PUSH_KIND } from "./channel-kinds";
import { DeliveryLog } from "./delivery-log";
import { EditChannelForm } from "./edit-channel-form";
import { replaceChannel } from "./replace-channel";
import { TestChannelButton } from "./test-channel-button";

function channelState(channel: NotificationChannel): { label: string; tone: string } {
  if (channel.disabledReason) return { label: "Turned off", tone: "bad" };
  if (!channel.enabled) return { label: "Muted", tone: "idle" };
  return { label: "On", tone: "good" };
}

type ChannelCardProps = { channel: NotificationChannel; isThisDevice: boolean; onDelete: () => void };

export function ChannelCard({ channel, isThisDevice, onDelete }: ChannelCardProps) {
  const queryClient = useQueryClient();
  const headingId = useId();
  const editId = useId();
  const logId = useId();
  const [editing, setEditing] = useState(false);
  const [showingLog, setShowingLog] = useState(false);
  const [notice, setNotice] = useState("");
  const switching = useMutation({
    mutationFn: (enabled: boolean) => updateNotificationChannel(channel.id, { enabled }),
    onSuccess: async (saved, enabled) => {
      replaceChannel(queryClient, saved);
      setNotice(enabled ? `${channel.name} is on` : `${channel.name} is muted`);
      await queryClient.invalidateQueries({ queryKey: queryKeys.notifications.channels });
    },
  });
  const state = channelState(channel);
  const isDevice = channel.kind === WEB_PUSH_KIND;

  return (
    <li>
      <article className="channel-card" aria-labelledby={headingId}>
        <header className="button-row">
          <h4 id={headingId}>{channel.name}</h4>
          <span className="pill">{isDevice ? "Device" : kindLabel(channel.kind)}</span>
          {isThisDevice ? <span className="pill pill--good">This device</span> : null}
          <span className={`pill pill--${state.tone}`}>{state.label}</span>
        </header>
        {channel.disabledReason ? (
          <p className="channel-card__disabled">
            AutoArr turned this channel off: {channel.disabledReason}{" "}
            <button
              type="button"
              className="compact"
              aria-busy={switching.isPending || undefined}
              disabled={switching.isPending}
              onClick={() => switching.mutate(true)}
            >
              Turn back on
            </button>
          </p>
        ) : null}
        <ChannelSummary channel={channel} />
        <div className="button-row">
          <TestChannelButton channelId={channel.id} />
        </div>
        <div className="button-row">
          {channel.disabledReason ? null : (
            <button
              type="button"
              className="secondary outline compact"
              aria-busy={switching.isPending || undefined}
              disabled={switching.isPending}
              onClick={() => switching.mutate(!channel.enabled)}
            >
              {channel.enabled ? "Mute" : "Unmute"}
            </button>
          )}
          <button
            type="button"
            className="secondary outline compact"
            aria-expanded={editing}
            aria-controls={editing ? editId : undefined}
            onClick={() => setEditing((open) => !open)}
          >
            Edit
          </button>
          <button
            type="button"
            className="secondary outline compact"
            aria-expanded={showingLog}
            aria-controls={showingLog ? logId : undefined}
            onClick={() => setShowingLog((open) => !open)}
          >
            Delivery log
          </button>
          <button type="button" className="secondary outline compact" onClick={onDelete}>
            Delete
          </button>
          <span role="status">{notice}</span>
        </div>
        <FormAlert error={switching.error} />
        {editing ? (
          <EditChannelForm
            channel={channel}
            id={editId}
            onDone={(saved) => {
              setEditing(false);
              if (saved) setNotice(`${channel.name} saved`);
            }}
          />
        ) : null}
        {showingLog ? <DeliveryLog channel={channel} id={logId} /> : null}
      </article>
    </li>
  );
}
