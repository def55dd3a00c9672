// Prowlarr's HTTP client: the shared Servarr client, below Prowlarr's API base (api/v1) with its X-Api-Key.
import type { Logger } from "../../logger.js";
import { type ArrApi, type ArrConnection, createArrApi } from "../arr/arr.api.js";

export type ProwlarrApi = ArrApi;

export function createProwlarrApi(connection: ArrConnection, logger: Logger): ProwlarrApi {
  return createArrApi("prowlarr", connection, logger);
}
