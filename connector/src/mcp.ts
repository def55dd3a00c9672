// Builds the MCP server: one tool set per configured app; unconfigured apps are simply absent.
import { APP_IDS, displayName } from "@autoarr/contract";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { type ArrApi, createArrApi } from "./apps/arr/arr.api.js";
import { createPlexApi, type PlexApi } from "./apps/plex/plex.api.js";
import { plexTools } from "./apps/plex/plex.tools.js";
import { radarrTools } from "./apps/radarr/radarr.tools.js";
import { createSabnzbdApi, type SabnzbdApi } from "./apps/sabnzbd/sabnzbd.api.js";
import { sabnzbdTools } from "./apps/sabnzbd/sabnzbd.tools.js";
import { sonarrTools } from "./apps/sonarr/sonarr.tools.js";
import type { AppsConfig } from "./config.js";
import type { Logger } from "./logger.js";
import { registerToolSpecs, type ToolSpec } from "./tools/tool.js";
import { CONNECTOR_VERSION } from "./version.js";

export interface AppClients {
  sabnzbd?: SabnzbdApi;
  sonarr?: ArrApi;
  radarr?: ArrApi;
  plex?: PlexApi;
}

export function createAppClients(apps: AppsConfig, timeoutMs: number, logger: Logger): AppClients {
  return {
    ...(apps.sabnzbd ? { sabnzbd: createSabnzbdApi({ ...apps.sabnzbd, timeoutMs }, logger) } : {}),
    ...(apps.sonarr ? { sonarr: createArrApi("sonarr", { ...apps.sonarr, timeoutMs }, logger) } : {}),
    ...(apps.radarr ? { radarr: createArrApi("radarr", { ...apps.radarr, timeoutMs }, logger) } : {}),
    ...(apps.plex ? { plex: createPlexApi({ ...apps.plex, timeoutMs }, logger) } : {}),
  };
}

export function toolSpecsFor(clients: AppClients): ToolSpec[] {
  return [
    ...(clients.sabnzbd ? sabnzbdTools(clients.sabnzbd) : []),
    ...(clients.sonarr ? sonarrTools(clients.sonarr) : []),
    ...(clients.radarr ? radarrTools(clients.radarr) : []),
    ...(clients.plex ? plexTools(clients.plex) : []),
  ];
}

/** The status tool of each app, which the cloud calls for health pings (the registry's). */
export { STATUS_TOOLS } from "@autoarr/contract";

const appNames = APP_IDS.map(displayName);
const INSTRUCTIONS = `Tools to inspect and manage the user's ${appNames.slice(0, -1).join(", ")} and ${appNames.at(-1)}. Only configured apps have tools.`;

export function buildMcpServer(clients: AppClients, options: { logger: Logger; secrets: readonly string[]; appTimeoutMs: number }): McpServer {
  const server = new McpServer(
    { name: "autoarr-connector", version: CONNECTOR_VERSION },
    { capabilities: { tools: {} }, instructions: INSTRUCTIONS },
  );
  registerToolSpecs(server, toolSpecsFor(clients), { logger: options.logger.child("tools"), secrets: options.secrets, appTimeoutMs: options.appTimeoutMs });
  return server;
}
