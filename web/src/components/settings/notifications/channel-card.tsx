// One channel: what it is and how it is doing, with test, mute, edit, delivery log and delete.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { NotificationChannel } from "../../../api/api-types";
import { updateNotificationChannel } from "../../../api/notifications.api";
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

/** canChange: the household's channels are the owner's to change; anyone may change their own web push devices. */
type ChannelCardProps = { channel: NotificationChannel; isThisDevice: boolean; canChange: boolean; onDelete: () => void };

export function ChannelCard({ channel, isThisDevice, canChange, onDelete }: ChannelCardProps) {
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
            {canChange ? (
              <button
                type="button"
                className="compact"
                aria-busy={switching.isPending || undefined}
                disabled={switching.isPending}
                onClick={() => switching.mutate(true)}
              >
                Turn back on
              </button>
            ) : null}
          </p>
        ) : null}
        <ChannelSummary channel={channel} />
        {canChange ? (
          <div className="button-row">
            <TestChannelButton channelId={channel.id} />
          </div>
        ) : null}
        <div className="button-row">
          {!canChange || channel.disabledReason ? null : (
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
          {canChange ? (
            <button
              type="button"
              className="secondary outline compact"
              aria-expanded={editing}
              aria-controls={editing ? editId : undefined}
              onClick={() => setEditing((open) => !open)}
            >
              Edit
            </button>
          ) : null}
          <button
            type="button"
            className="secondary outline compact"
            aria-expanded={showingLog}
            aria-controls={showingLog ? logId : undefined}
            onClick={() => setShowingLog((open) => !open)}
          >
            Delivery log
          </button>
          {canChange ? (
            <button type="button" className="secondary outline compact" onClick={onDelete}>
              Delete
            </button>
          ) : null}
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
