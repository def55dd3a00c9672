// Builds the MCP server: one tool set per configured app; unconfigured apps are simply absent.
import { APP_IDS, type AppId, displayName } from "@autoarr/contract";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { type AppClientOf, appModule } from "./apps/index.js";
import type { AppsConfig } from "./config.js";
import type { Logger } from "./logger.js";
import { stackItemTraceTool } from "./tools/item-trace.js";
import { stackChangesTool } from "./tools/stack-changes.js";
import { stackWebUrlsTool, type WebUrlOverrides } from "./tools/stack-web-urls.js";
import { registerToolSpecs, type ToolSpec } from "./tools/tool.js";
import { CONNECTOR_VERSION } from "./version.js";

/** A client per configured app, made by the app's module. */
export type AppClients = { [A in AppId]?: AppClientOf<A> };

export function createAppClients(apps: AppsConfig, timeoutMs: number, logger: Logger): AppClients {
  const clients: Partial<Record<AppId, unknown>> = {};
  for (const app of APP_IDS) {
    const entry = apps[app];
    if (entry) clients[app] = appModule(app).createClient({ ...entry, timeoutMs }, logger);
  }
  return clients as AppClients;
}

/** Each configured app's tools, then the stack tools, which answer for whichever apps are configured. */
export function toolSpecsFor(clients: AppClients, webUrls: WebUrlOverrides = {}): ToolSpec[] {
  const appTools = APP_IDS.flatMap((app) => {
    const client = clients[app];
    return client ? appModule(app).tools(client) : [];
  });
  return [...appTools, stackChangesTool(clients), stackWebUrlsTool(clients, webUrls), stackItemTraceTool(clients)];
}

/** The status tool of each app, which the cloud calls for health pings (the registry's). */
export { STATUS_TOOLS } from "@autoarr/contract";

const appNames = APP_IDS.map(displayName);
const INSTRUCTIONS = `Tools to inspect and manage the user's ${appNames.slice(0, -1).join(", ")} and ${appNames.at(-1)}. Only configured apps have tools.`;

export function buildMcpServer(
  clients: AppClients,
  options: { logger: Logger; secrets: readonly string[]; appTimeoutMs: number; webUrls?: WebUrlOverrides },
): McpServer {
  const server = new McpServer({ name: "autoarr-connector", version: CONNECTOR_VERSION }, { capabilities: { tools: {} }, instructions: INSTRUCTIONS });
  registerToolSpecs(server, toolSpecsFor(clients, options.webUrls), {
    logger: options.logger.child("tools"),
    secrets: options.secrets,
    appTimeoutMs: options.appTimeoutMs,
  });
  return server;
}
