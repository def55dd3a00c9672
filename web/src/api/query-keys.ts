// Every TanStack Query key in one place, so live events and mutations invalidate exactly what they change.
import type { ActivityKind, ServiceName } from "./api-types";

export type ActivityFilter = { app: ServiceName | ""; kind: ActivityKind | "" };

export const queryKeys = {
  me: ["me"] as const,
  health: ["health"] as const,
  queue: ["downloads", "queue"] as const,
  recoveries: ["downloads", "recoveries"] as const,
  recoveryDetail: (id: string) => ["downloads", "recoveries", "detail", id] as const,
  appLinks: ["apps", "links"] as const,
  activity: {
    all: ["activity"] as const,
    list: (filter: ActivityFilter) => ["activity", filter] as const,
  },
  connectors: ["connectors"] as const,
  overview: {
    all: ["overview"] as const,
    summary: (days: number, timeZone: string) => ["overview", "summary", days, timeZone] as const,
    queue: (hours: number) => ["overview", "queue", hours] as const,
    findings: (audits: number) => ["overview", "findings", audits] as const,
  },
  audit: {
    latest: ["audit", "latest"] as const,
    history: ["audit", "history"] as const,
  },
  requests: {
    all: ["requests"] as const,
    list: ["requests", "list"] as const,
    detail: (id: string) => ["requests", "detail", id] as const,
    parse: (query: string) => ["requests", "parse", query] as const,
  },
  settings: {
    recovery: ["settings", "recovery"] as const,
  },
  hunting: ["hunting"] as const,
  notifications: {
    all: ["notifications"] as const,
    channels: ["notifications", "channels"] as const,
    deliveries: (channelId: string) => ["notifications", "deliveries", channelId] as const,
    settings: ["notifications", "settings"] as const,
    pushKey: ["notifications", "push-key"] as const,
  },
};
