import type { ServiceName } from "./api-types";

const SERVICE_LABELS: Record<ServiceName, string> = {
  sabnzbd: "SABnzbd",
  sonarr: "Sonarr",
  radarr: "Radarr",
  plex: "Plex",
  connector: "Connector",
};

export const serviceLabel = (service: ServiceName | string): string =>
  SERVICE_LABELS[service as ServiceName] ?? service;
