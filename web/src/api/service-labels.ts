import type { ServiceName } from "./api-types";
import { APP_REGISTRY, isAppId } from "./contract";

/** The apps' names are the registry's; the connector is the one part that is not an app. */
export const serviceLabel = (service: ServiceName | string): string =>
  service === "connector" ? "Connector" : isAppId(service) ? APP_REGISTRY[service].displayName : service;
