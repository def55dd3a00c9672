// Sonarr in the connector: configured with an API key, reached through the shared Servarr client.
import { APP_REGISTRY } from "@autoarr/contract";
import { type ArrApi, createArrApi } from "../arr/arr.api.js";
import type { AppModule } from "../app-module.js";
import { sonarrTools } from "./sonarr.tools.js";

export const sonarr: AppModule<"sonarr", ArrApi, "apiKey"> = {
  id: "sonarr",
  secret: { field: "apiKey", env: "SONARR_API_KEY", label: "API key", copyFrom: "Sonarr → Settings → General → API Key" },
  urlEnv: "SONARR_URL",
  statusPath: `${APP_REGISTRY.sonarr.api.base}/system/status`,
  defaultPort: 8989,
  createClient: (connection, logger) => createArrApi("sonarr", connection, logger),
  tools: sonarrTools,
};
