// Prowlarr in the connector: configured with an API key, reached through the shared Servarr client (API v1).
import { APP_REGISTRY } from "@autoarr/contract";
import type { AppModule } from "../app-module.js";
import { createProwlarrApi, type ProwlarrApi } from "./prowlarr.api.js";
import { prowlarrTools } from "./prowlarr.tools.js";

export const prowlarr: AppModule<"prowlarr", ProwlarrApi, "apiKey"> = {
  id: "prowlarr",
  secret: { field: "apiKey", env: "PROWLARR_API_KEY", label: "API key", copyFrom: "Prowlarr → Settings → General → API Key" },
  urlEnv: "PROWLARR_URL",
  statusPath: `${APP_REGISTRY.prowlarr.api.base}/system/status`,
  defaultPort: 9696,
  // StaticResourceController.LoginPage is [AllowAnonymous]; its login.html is titled "Login - Prowlarr" (Sonarr's and Radarr's name themselves).
  keylessProbe: { path: "login", recognises: (text) => /<title>\s*Login - Prowlarr\s*<\/title>/i.test(text) },
  createClient: createProwlarrApi,
  tools: prowlarrTools,
};
