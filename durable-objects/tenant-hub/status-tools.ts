// The cheapest call that proves each app answers; the hub's health check pings these.
import type { AppKey } from "./call-outcome";

export const STATUS_TOOLS: Record<AppKey, string> = {
  sabnzbd: "sabnzbd_version",
  sonarr: "sonarr_system_status",
  radarr: "radarr_system_status",
  plex: "plex_identity",
};
