// What each notification event is called on screen, in the order the routing checkboxes list them.
import type { DeliveryStatus, NotificationEventKind } from "../../../api/api-types";

export const EVENT_LABELS: Record<NotificationEventKind, string> = {
  failure_detected: "A download failed",
  recovered: "Recovered",
  gave_up: "Gave up after every attempt",
  approval_waiting: "Waiting for your approval",
  request_available: "A request is ready to watch",
  request_failed: "A request failed",
  app_down: "An app is down",
  app_up: "An app is back",
  connector_down: "The connector is down",
  connector_up: "The connector is back",
  audit_finding: "An important audit finding",
};

export const ALL_EVENTS = Object.keys(EVENT_LABELS) as NotificationEventKind[];

/** What the server gives a new channel unless told otherwise (notifications.schema.ts DEFAULT_EVENTS). */
export const DEFAULT_EVENTS = ALL_EVENTS.filter((event) => event !== "app_up" && event !== "connector_up");

const OTHER_DELIVERY_EVENTS: Record<string, string> = { test: "Test", digest: "Quiet-hours digest", grouped: "Several at once" };

export function deliveryEventLabel(event: string): string {
  return EVENT_LABELS[event as NotificationEventKind] ?? OTHER_DELIVERY_EVENTS[event] ?? event;
}

export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, { label: string; tone: "good" | "bad" | "warn" | "idle" }> = {
  sent: { label: "Sent", tone: "good" },
  retrying: { label: "Retrying", tone: "warn" },
  failed: { label: "Failed", tone: "bad" },
  held: { label: "Held for quiet hours", tone: "idle" },
  gone: { label: "Target gone", tone: "bad" },
};
