// "Turn on notifications on this device": web push to this browser, when the server and the browser both can.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError } from "../../../api/api-error";
import { deleteNotificationChannel, pushKeyQuery } from "../../../api/notifications.api";
import { pushSupport, turnOffPushOnThisDevice, turnOnPushOnThisDevice } from "../../../api/push-subscription";
import { queryKeys } from "../../../api/query-keys";
import { FormAlert } from "../../form-alert";
import { QueryView } from "../../query-view";
import { SkeletonList } from "../../skeleton";
import { TextField } from "../../text-field";
import { channelIdFromAnswer, type ThisDeviceChannel } from "./use-this-device-channel";

/** A name a person recognises in the channel list, such as "Chrome on Android". */
export function guessDeviceName(userAgent: string): string {
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrome\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : "Browser";
  const system = /Android/.test(userAgent)
    ? "Android"
    : /iPhone/.test(userAgent)
      ? "iPhone"
      : /iPad/.test(userAgent)
        ? "iPad"
        : /Windows/.test(userAgent)
          ? "Windows"
          : /Mac OS X/.test(userAgent)
            ? "Mac"
            : /Linux/.test(userAgent)
              ? "Linux"
              : "";
  return system ? `${browser} on ${system}` : browser;
}

function ReadableError({ error }: { error: unknown }) {
  if (!error) return null;
  if (error instanceof Error && !(error instanceof ApiError))
    return (
      <p className="form-alert" role="alert">
        {error.message}
      </p>
    );
  return <FormAlert error={error} />;
}

function PushControls({ device }: { device: ThisDeviceChannel }) {
  const queryClient = useQueryClient();
  const [deviceName, setDeviceName] = useState(() => guessDeviceName(navigator.userAgent));
  const [notice, setNotice] = useState("");
  const refreshChannels = () => queryClient.invalidateQueries({ queryKey: queryKeys.notifications.channels });
  const turnOn = useMutation({
    mutationFn: () => turnOnPushOnThisDevice(deviceName.trim() || "This device"),
    onSuccess: async (answer) => {
      device.remember(channelIdFromAnswer(answer));
      setNotice("Notifications are on for this device.");
      await refreshChannels();
    },
  });
  const turnOff = useMutation({
    mutationFn: async () => {
      await turnOffPushOnThisDevice();
      if (device.channelId) await deleteNotificationChannel(device.channelId);
    },
    onSuccess: async () => {
      device.forget();
      setNotice("Notifications are off for this device.");
      await refreshChannels();
    },
  });

  if (device.subscribed === null) return null;
  return (
    <>
      {device.subscribed ? (
        <div className="button-row">
          <span>This device gets AutoArr's notifications.</span>
          <button
            type="button"
            className="secondary outline compact"
            aria-busy={turnOff.isPending || undefined}
            disabled={turnOff.isPending}
            onClick={() => turnOff.mutate()}
          >
            Turn off on this device
          </button>
        </div>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            turnOn.mutate();
          }}
        >
          <TextField
            label="Device name"
            name="deviceName"
            maxLength={80}
            hint="How this device is listed below."
            value={deviceName}
            onChange={(event) => setDeviceName(event.target.value)}
          />
          <button type="submit" aria-busy={turnOn.isPending || undefined} disabled={turnOn.isPending}>
            Turn on notifications on this device
          </button>
        </form>
      )}
      <p role="status">{notice}</p>
      <ReadableError error={turnOn.error ?? turnOff.error} />
    </>
  );
}

export function ThisDevicePush({ device }: { device: ThisDeviceChannel }) {
  const query = useQuery(pushKeyQuery());
  return (
    <section aria-labelledby="this-device-heading">
      <h3 id="this-device-heading">This device</h3>
      <QueryView query={query} loading={<SkeletonList rows={1} rowHeight={48} label="Checking web push" />}>
        {(key) => {
          if (key.publicKey === null) return <p>Web push is not set up on this server, so notifications can't come to this browser directly.</p>;
          const support = pushSupport();
          if (support === "unsupported")
            return <p>This browser can't receive web push notifications. On an iPhone or iPad, add AutoArr to the Home Screen and open it from there.</p>;
          if (support === "denied") return <p>Notifications are blocked for AutoArr in this browser. Allow them in the site settings, then reload.</p>;
          return <PushControls device={device} />;
        }}
      </QueryView>
    </section>
  );
}
