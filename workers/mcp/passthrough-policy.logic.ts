// Which connector tools POST /api/v1/mcp/call may run. Reads are free; writes only where they act on jobs the
// user can see and undo in the apps. Settings are written only by the audit's apply and rollback, which check the
// setting against the catalogue and record it in config history and activity; a passthrough write would be an
// unrecorded change of anything the tool accepts, such as SABnzbd's script folder.
import type { z } from "@hono/zod-openapi";
import { type CallError, type CallOutcome, tools } from "@autoarr/contract";
import type { ToolInfo } from "./mcp.schema";

type Tool = Pick<z.infer<typeof ToolInfo>, "name" | "annotations">;

const SAFE_WRITES = new Set<string>(
  [
    tools.sabnzbd.retry,
    tools.sabnzbd.delete,
    tools.sabnzbd.pause,
    tools.sabnzbd.resume,
    ...(["sonarr", "radarr"] as const).flatMap((app) => [
      tools[app].queueRemove,
      tools[app].historyMarkFailed,
      tools[app].setQualityProfile,
      tools[app].command,
    ]),
    tools.plex.libraryRefresh,
  ].map((ref) => ref.name),
);
const SETTING_WRITE = /_(set_config|config_update)$/;
const ADD = /^(sonarr_series|radarr_movie)_add$/;

/** A tool the passthrough runs that is not a read: the route records each call of it in the activity feed. */
export function isPassthroughAction(tool: Tool): boolean {
  return tool.annotations?.readOnlyHint !== true;
}

/** Why the passthrough may not run this tool, or null when it may. */
export function passthroughRefusal(tool: Tool): string | null {
  if (SETTING_WRITE.test(tool.name)) {
    return `${tool.name} changes settings, which the passthrough does not do: apply a recommendation of the configuration audit (POST /api/v1/config/apply), which records the change in config history and activity so it can be rolled back`;
  }
  if (ADD.test(tool.name)) {
    return `${tool.name} takes a root folder path, which the passthrough does not pass on: request the title with POST /api/v1/requests`;
  }
  if (tool.annotations?.readOnlyHint === true || SAFE_WRITES.has(tool.name)) return null;
  return `${tool.name} writes to the apps and is not on the passthrough's allow-list of job actions`;
}

/**
 * What the hub answers POST /api/v1/mcp/call with, in one round trip: the connector's tools could not be listed, the
 * passthrough refuses the tool, or it ran (and whether it was an action, which the route records).
 */
export type PassthroughResult =
  | { kind: "unlisted"; error: CallError }
  | { kind: "refused"; message: string }
  | { kind: "called"; outcome: CallOutcome; action: boolean };
