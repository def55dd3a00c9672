// stack_web_urls: where each configured app's own web UI is, so AutoArr can link to the app's page for an item.
// It answers the base URL the connector was configured with (config-apps.ts already refused an /api path), made
// safe to hand out: the origin and URL base only, never credentials in the URL, a query or a fragment. The app's
// key is not part of the URL (it travels in a header or the client's own query), so it cannot leave here this way.
// Where the browser reaches an app at another address than the connector does (Docker's http://sonarr:8989), the
// app's `<APP>_WEB_URL` (config.ts) is answered instead.
import { APP_IDS, type AppId, tools } from "@autoarr/contract";
import type { AppClients } from "../mcp.js";
import { defineTool, READ_ONLY, type ToolSpec } from "./tool.js";

/** The part of a configured base URL a browser may be sent to; undefined for anything but http(s). */
export function webUrlOf(configured: string): string | undefined {
  let url: URL;
  try {
    url = new URL(configured);
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/** A configured app's web address when it differs from the one the connector uses. */
export type WebUrlOverrides = Partial<Record<AppId, string>>;

export function stackWebUrlsTool(clients: AppClients, overrides: WebUrlOverrides = {}): ToolSpec {
  return defineTool(tools.stack.webUrls, {
    title: "Where the apps' own web pages are",
    annotations: READ_ONLY,
    description:
      "Answers each configured app's base URL as the connector reaches it, or as set for browsers (<APP>_WEB_URL), as origin and URL base without credentials or the API path, so a link can open the app's own page. Calls no app.",
    run: async () => {
      const data: Partial<Record<AppId, { webUrl: string }>> = {};
      for (const app of APP_IDS) {
        const client = clients[app];
        const webUrl = client && webUrlOf(overrides[app] ?? client.target.baseUrl);
        if (webUrl) data[app] = { webUrl };
      }
      const apps = Object.keys(data);
      return { ok: true, data, text: `Web addresses of ${apps.join(", ") || "no app"}` };
    },
  });
}
