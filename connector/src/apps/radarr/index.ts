// Radarr in the connector: configured with an API key, reached through the shared Servarr client.
import { APP_REGISTRY } from "@autoarr/contract";
import { type ArrApi, createArrApi } from "../arr/arr.api.js";
import type { AppModule } from "../app-module.js";
import { radarrTools } from "./radarr.tools.js";

export const radarr: AppModule<"radarr", ArrApi, "apiKey"> = {
  id: "radarr",
  secret: { field: "apiKey", env: "RADARR_API_KEY", label: "API key", copyFrom: "Radarr → Settings → General → API Key" },
  urlEnv: "RADARR_URL",
  statusPath: `${APP_REGISTRY.radarr.api.base}/system/status`,
  defaultPort: 7878,
  createClient: (connection, logger) => createArrApi("radarr", connection, logger),
  tools: radarrTools,
};
