// Reads the apps' web addresses from the tenant's connector (stack_web_urls) and checks them again here: a link
// the web builds goes to a browser, so only a plain http(s) base URL is passed on, whatever the connector says.
import { APP_IDS, tools } from "@autoarr/contract";
import type { CallContext } from "../../durable-objects/tenant-hub/orchestrator";
import type { HubClient } from "../connectors/hub-client";
import type { AppLinksBody } from "./app-links.schema";

/** The URL as a browser may be sent to it (origin and URL base), or undefined for anything else. */
export function safeWebUrl(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  if (url.username || url.password || url.search || url.hash) return undefined;
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/** The apps' web addresses; undefined when the connector could not answer (no connector, unreachable, too old). */
export async function readAppLinks(hub: HubClient, context: CallContext): Promise<AppLinksBody["apps"] | undefined> {
  const outcome = await hub.call(tools.stack.webUrls, {}, context);
  if (!outcome.ok) return undefined;
  const apps: AppLinksBody["apps"] = {};
  for (const app of APP_IDS) {
    const reported = outcome.data[app]?.webUrl;
    const webUrl = reported === undefined ? undefined : safeWebUrl(reported);
    if (webUrl) apps[app] = { webUrl };
  }
  return apps;
}
