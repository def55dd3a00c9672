// Sonarr v3/v4 API client: Servarr API v3 with the X-Api-Key header.
import type { Logger } from "../../logger.js";
import { ArrApi } from "../arr/arr.api.js";

export interface ArrConnection {
  url: string;
  apiKey: string;
  timeoutMs: number;
}

export function createSonarrApi(connection: ArrConnection, logger: Logger): ArrApi {
  return new ArrApi({
    appName: "Sonarr",
    baseUrl: connection.url,
    timeoutMs: connection.timeoutMs,
    headers: { "X-Api-Key": connection.apiKey },
    query: {},
    logger: logger.child("sonarr"),
  });
}
