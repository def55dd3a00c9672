// The full tool list, available without any app configured (for docs, the Worker and tests).
import { ArrApi } from "../apps/arr/arr.api.js";
import { PlexApi } from "../apps/plex/plex.api.js";
import { SabnzbdApi } from "../apps/sabnzbd/sabnzbd.api.js";
import type { AppTarget } from "../http/upstream.js";
import { silentLogger } from "../logger.js";
import { toolSpecsFor } from "../mcp.js";
import { describeTool, type ToolCatalogEntry } from "./tool.js";

const placeholder = (appName: string): AppTarget => ({ appName, baseUrl: "http://127.0.0.1:9/", timeoutMs: 1, headers: {}, query: {}, logger: silentLogger });

/** Every tool the connector can offer when all four apps are configured. */
export function toolCatalog(): ToolCatalogEntry[] {
  return toolSpecsFor({
    sabnzbd: new SabnzbdApi(placeholder("SABnzbd")),
    sonarr: new ArrApi("sonarr", placeholder("Sonarr")),
    radarr: new ArrApi("radarr", placeholder("Radarr")),
    plex: new PlexApi(placeholder("Plex")),
  }).map(describeTool);
}

export const TOOL_NAMES: readonly string[] = toolCatalog().map((tool) => tool.name);
