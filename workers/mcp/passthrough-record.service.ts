// Each job action run through POST /api/v1/mcp/call goes into the activity feed: who ran which tool on what, and
// how it went — also when it failed, since a timed-out retry or delete may still have happened in the app.
import { eq } from "drizzle-orm";
import { appOfTool, type CallOutcome } from "@autoarr/contract";
import { users } from "../platform/db/schema";
import type { AuthContext } from "../platform/env";
import { recordActivity } from "../activity/activity.service";
import type { Database } from "../platform/db/database";

/** Failures that stop before the connector sends anything to an app: nothing happened that needs recording. */
const NEVER_SENT = new Set(["no_connector", "unknown_tool", "invalid_arguments", "circuit_open"]);

const MAX_TARGET_LENGTH = 200;

/** The arguments as `key=value, …`: what the action was aimed at (a job id, a queue item, a library section). */
function describeTarget(args: Record<string, unknown>): string {
  const text = Object.entries(args)
    .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
    .join(", ");
  if (!text) return "no arguments";
  return text.length > MAX_TARGET_LENGTH ? `${text.slice(0, MAX_TARGET_LENGTH - 1)}…` : text;
}

export async function recordPassthroughAction(db: Database, auth: AuthContext, args: Record<string, unknown>, outcome: CallOutcome, traceId: string) {
  if (!outcome.ok && NEVER_SENT.has(outcome.error.kind)) return undefined;
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, auth.userId)).limit(1);
  const who = user?.email ?? auth.userId;
  const result = outcome.ok ? "succeeded" : `failed: ${outcome.error.message}`;
  return recordActivity(db, auth.tenantId, {
    app: outcome.app ?? appOfTool(outcome.tool) ?? null,
    kind: "action",
    level: outcome.ok ? "info" : "warning",
    message: `${who} ran ${outcome.tool} (${describeTarget(args)}) through the tool passthrough: ${result}`,
    data: {
      tool: outcome.tool,
      arguments: args,
      userId: auth.userId,
      email: user?.email ?? null,
      outcome: outcome.ok ? "succeeded" : "failed",
      ...(outcome.ok ? {} : { error: { kind: outcome.error.kind, message: outcome.error.message } }),
      traceId,
    },
  });
}
