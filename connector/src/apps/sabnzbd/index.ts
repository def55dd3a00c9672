// SABnzbd in the connector: configured with an API key, reached through SabnzbdApi.
import { APP_REGISTRY } from "@autoarr/contract";
import type { AppModule } from "../app-module.js";
import { createSabnzbdApi, type SabnzbdApi } from "./sabnzbd.api.js";
import { sabnzbdTools } from "./sabnzbd.tools.js";

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const sabnzbd: AppModule<"sabnzbd", SabnzbdApi, "apiKey"> = {
  id: "sabnzbd",
  secret: { field: "apiKey", env: "SABNZBD_API_KEY", label: "API key", copyFrom: "SABnzbd → Config → General → API Key" },
  urlEnv: "SABNZBD_URL",
  defaultPort: 8080,
  statusPath: APP_REGISTRY.sabnzbd.api.base,
  // A real 4.5.0 answers mode=version with {"version":"4.5.0"} without an API key.
  keylessProbe: {
    path: "api?mode=version&output=json",
    recognises: (text) => typeof (parseJson(text) as { version?: unknown } | undefined)?.version === "string",
  },
  createClient: createSabnzbdApi,
  tools: sabnzbdTools,
};
