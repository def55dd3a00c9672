// What AutoArr tells people: one message, in plain text, that each channel adapter renders in its service's own
// format. Every text field may hold app data (a release title, an error from SABnzbd), so adapters escape it.
import { z } from "@hono/zod-openapi";

/** The events a channel can be routed to receive. */
export const NotificationEventKind = z
  .enum([
    "failure_detected",
    "recovered",
    "gave_up",
    "approval_waiting",
    "request_available",
    "request_failed",
    "app_down",
    "app_up",
    "connector_down",
    "connector_up",
    "audit_finding",
  ])
  .openapi("NotificationEventKind");
export type NotificationEventKind = z.infer<typeof NotificationEventKind>;

export const NotificationSeverity = z.enum(["info", "warning", "critical"]);
export type NotificationSeverity = z.infer<typeof NotificationSeverity>;

export interface NotificationItem {
  /** One line, plain text (for example a release title). */
  title: string;
  /** Plain text, may hold several lines. */
  body: string;
}

export interface NotificationMessage extends NotificationItem {
  /** The event it tells of; "test" for a channel's test, "digest" for what quiet hours held back, "grouped" for many at once. */
  kind: NotificationEventKind | "test" | "digest" | "grouped";
  severity: NotificationSeverity;
  /** Where in the web app to look (a path such as "/activity"); adapters that take a link make it absolute with `appUrl`. */
  link?: string;
  /** ISO time of the event. */
  at: string;
  /** For "digest" and "grouped": the messages folded into this one, in order. */
  items?: NotificationItem[];
}
