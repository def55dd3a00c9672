// The full tool list, available without any app configured (for docs, the Worker and tests).
import { APP_IDS, type AppId } from "@autoarr/contract";
import { appsConfigFor } from "../config.js";
import { silentLogger } from "../logger.js";
import { createAppClients, toolSpecsFor } from "../mcp.js";
import { describeTool, type ToolCatalogEntry } from "./tool.js";

/** Clients that are never called: only their tools' descriptions are read. */
const everyApp = (value: string) => Object.fromEntries(APP_IDS.map((app) => [app, value])) as Record<AppId, string>;
const placeholders = () => createAppClients(appsConfigFor(APP_IDS, everyApp("http://127.0.0.1:9/"), everyApp("placeholder")), 1, silentLogger);

/** Every tool the connector can offer when every app is configured. */
export function toolCatalog(): ToolCatalogEntry[] {
  return toolSpecsFor(placeholders()).map(describeTool);
}

export const TOOL_NAMES: readonly string[] = toolCatalog().map((tool) => tool.name);
