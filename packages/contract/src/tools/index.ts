// Every connector tool, by app: `tools.sonarr.queue` is the ref the connector implements and the hub client calls.
import { plex } from "./plex.js";
import { radarr } from "./radarr.js";
import { sabnzbd } from "./sabnzbd.js";
import { sonarr } from "./sonarr.js";

export const tools = { sabnzbd, sonarr, radarr, plex } as const;

export { ARR_CONFIG_RESOURCES, type ArrAppId, type ArrCommonTools, type ArrConfigResource } from "./arr.js";
export { RADARR_COMMANDS } from "./radarr.js";
export { SABNZBD_CONFIG_SECTIONS, SABNZBD_WRITABLE_SECTIONS } from "./sabnzbd.js";
export { SONARR_COMMANDS } from "./sonarr.js";
