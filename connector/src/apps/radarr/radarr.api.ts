// Radarr API v3 client with the X-Api-Key header.
import type { Logger } from "../../logger.js";
import { ArrApi } from "../arr/arr.api.js";
import type { ArrConnection } from "../sonarr/sonarr.api.js";

export function createRadarrApi(connection: ArrConnection, logger: Logger): ArrApi {
  return new ArrApi({
    appName: "Radarr",
    baseUrl: connection.url,
    timeoutMs: connection.timeoutMs,
    headers: { "X-Api-Key": connection.apiKey },
    query: {},
    logger: logger.child("radarr"),
  });
}
