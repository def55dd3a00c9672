// The app registry: every app AutoArr works with, and what each takes part in. Everything that lists apps — the
// connector's configuration and tool sets, the hub's breakers and health pings, the Worker's routes and the web —
// reads this table; adding an app starts here (docs/adding-an-app.md).
import { z } from "zod";

/** How an app's HTTP API is reached: where its versioned root is and how the key travels. */
export interface AppApi {
  /** Path of the API root below the app's URL, e.g. "api/v3" (Sonarr, Radarr) or "api/v1" (Prowlarr, Lidarr). */
  base: string;
  /** How the key is sent: SABnzbd takes `apikey` in the query, the *arr apps an `X-Api-Key` header, Plex `X-Plex-Token`. */
  auth: "query-apikey" | "header-x-api-key" | "header-x-plex-token";
}

/** The parts of AutoArr an app can take part in; the Worker's capability code runs only for apps that declare it. */
export type Capability = "downloads" | "library" | "requests" | "recovery" | "config-audit";

export interface AppEntry {
  id: string;
  displayName: string;
  api: AppApi;
  /** The cheapest tool that proves the app answers with its key: the hub's health ping. */
  statusTool: string;
  capabilities: readonly Capability[];
}

export const APP_REGISTRY = {
  sabnzbd: {
    id: "sabnzbd",
    displayName: "SABnzbd",
    api: { base: "api", auth: "query-apikey" },
    statusTool: "sabnzbd_version",
    capabilities: ["downloads", "recovery", "config-audit"],
  },
  sonarr: {
    id: "sonarr",
    displayName: "Sonarr",
    api: { base: "api/v3", auth: "header-x-api-key" },
    statusTool: "sonarr_system_status",
    capabilities: ["downloads", "library", "requests", "recovery", "config-audit"],
  },
  radarr: {
    id: "radarr",
    displayName: "Radarr",
    api: { base: "api/v3", auth: "header-x-api-key" },
    statusTool: "radarr_system_status",
    capabilities: ["downloads", "library", "requests", "recovery", "config-audit"],
  },
  plex: {
    id: "plex",
    displayName: "Plex",
    api: { base: "", auth: "header-x-plex-token" },
    statusTool: "plex_identity",
    capabilities: ["library", "config-audit"],
  },
  prowlarr: {
    id: "prowlarr",
    displayName: "Prowlarr",
    api: { base: "api/v1", auth: "header-x-api-key" },
    statusTool: "prowlarr_system_status",
    capabilities: ["config-audit"],
  },
} as const satisfies Record<string, AppEntry>;

export type AppId = keyof typeof APP_REGISTRY;
export const APP_IDS = Object.keys(APP_REGISTRY) as AppId[];
export const AppIdSchema = z.enum(APP_IDS as [AppId, ...AppId[]]);

/** What a breaker guards: one app, or the connector itself. */
export type BreakerKey = "connector" | AppId;
export const BREAKER_KEYS: readonly BreakerKey[] = ["connector", ...APP_IDS];

export function isAppId(value: string): value is AppId {
  return Object.hasOwn(APP_REGISTRY, value);
}

export function appEntry(app: AppId): AppEntry {
  return APP_REGISTRY[app];
}

export function displayName(key: BreakerKey): string {
  return key === "connector" ? "The connector" : APP_REGISTRY[key].displayName;
}

/** The app a tool belongs to, read from its name (`<app>_<tool>`). */
export function appOfTool(tool: string): AppId | undefined {
  const prefix = tool.split("_")[0];
  return prefix !== undefined && isAppId(prefix) ? prefix : undefined;
}

/** Apps that take part in a capability, in registry order. */
export function appsWith(capability: Capability): AppId[] {
  return APP_IDS.filter((app) => (APP_REGISTRY[app].capabilities as readonly Capability[]).includes(capability));
}

export const STATUS_TOOLS = Object.fromEntries(APP_IDS.map((app) => [app, APP_REGISTRY[app].statusTool])) as {
  [A in AppId]: (typeof APP_REGISTRY)[A]["statusTool"];
};
