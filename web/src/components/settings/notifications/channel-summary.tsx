// What a channel is set to, as the API shows it: plain settings as they are, each secret only as "…abcd".
import type { NotificationChannel } from "../../../api/api-types";
import { RelativeTime } from "../../relative-time";
import { channelKind, WEB_PUSH_KIND } from "./channel-kinds";
import { ALL_EVENTS, DELIVERY_STATUS_LABELS, EVENT_LABELS } from "./event-labels";

function shown(value: unknown): string {
  if (Array.isArray(value)) return value.join(", ");
  if (value === null || value === undefined || value === "") return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

function configRows(channel: NotificationChannel): { label: string; value: string }[] {
  if (channel.kind === WEB_PUSH_KIND) return [];
  const kind = channelKind(channel.kind);
  const labelled = new Map(kind?.fields.map((field) => [field.name, field.label]));
  const names = [...new Set([...(kind?.fields.map((field) => field.name) ?? []), ...Object.keys(channel.settings), ...Object.keys(channel.secrets)])];
  return names
    .map((name) => ({ label: labelled.get(name) ?? name, value: channel.secrets[name] ?? shown(channel.settings[name]) }))
    .filter((row) => row.value !== "");
}

function eventsSummary(channel: NotificationChannel): string {
  if (channel.events.length === 0) return "Nothing (no events chosen)";
  if (channel.events.length === ALL_EVENTS.length) return "Everything";
  return ALL_EVENTS.filter((event) => channel.events.includes(event))
    .map((event) => EVENT_LABELS[event])
    .join(", ");
}

export function ChannelSummary({ channel }: { channel: NotificationChannel }) {
  return (
    <dl className="channel-summary">
      {configRows(channel).map((row) => (
        <div key={row.label}>
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
      <div>
        <dt>Sends</dt>
        <dd>{eventsSummary(channel)}</dd>
      </div>
      <div>
        <dt>Last delivery</dt>
        <dd>
          {channel.lastDelivery ? (
            <>
              {DELIVERY_STATUS_LABELS[channel.lastDelivery.status].label}, <RelativeTime iso={channel.lastDelivery.at} />
            </>
          ) : (
            "Never"
          )}
          {channel.consecutiveFailures > 0 ? ` · ${channel.consecutiveFailures} failed in a row` : ""}
        </dd>
      </div>
    </dl>
  );
}
