// Every connector tool, by app: `tools.sonarr.queue` is the ref the connector implements and the hub client calls.
import { plex } from "./plex.js";
import { prowlarr } from "./prowlarr.js";
import { radarr } from "./radarr.js";
import { sabnzbd } from "./sabnzbd.js";
import { sonarr } from "./sonarr.js";
import { stack } from "./stack.js";

/** `tools.stack` holds the tools that answer for the whole stack and belong to no app. */
export const tools = { sabnzbd, sonarr, radarr, plex, prowlarr, stack } as const;

export { ARR_CONFIG_RESOURCES, type ArrAppId, type ArrCommonTools, type ArrConfigResource } from "./arr.js";
export { RADARR_COMMANDS } from "./radarr.js";
export { SABNZBD_CONFIG_SECTIONS, SABNZBD_WRITABLE_SECTIONS } from "./sabnzbd.js";
export { SONARR_COMMANDS } from "./sonarr.js";
export {
  type ArrFingerprint,
  isStackTool,
  type PlexFingerprint,
  type SabnzbdFingerprint,
  STACK_TOOL_NAMES,
  type StackChangesPart,
} from "./stack.js";
export {
  type ArrTrace,
  type PlexTrace,
  type ProwlarrTrace,
  type SabnzbdTrace,
  type TracePart,
  type TraceTarget,
  traceTargetSchema,
} from "./item-trace.js";
