// SABnzbd in the connector: configured with an API key, reached through SabnzbdApi.
import type { AppModule } from "../app-module.js";
import { createSabnzbdApi, type SabnzbdApi } from "./sabnzbd.api.js";
import { sabnzbdTools } from "./sabnzbd.tools.js";

export const sabnzbd: AppModule<"sabnzbd", SabnzbdApi, "apiKey"> = {
  id: "sabnzbd",
  secret: { field: "apiKey", env: "SABNZBD_API_KEY", label: "API key", copyFrom: "SABnzbd → Config → General → API Key" },
  urlEnv: "SABNZBD_URL",
  defaultPort: 8080,
  createClient: createSabnzbdApi,
  tools: sabnzbdTools,
};
