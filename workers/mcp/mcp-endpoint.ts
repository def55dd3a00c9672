// The /mcp route: the access token (verified by the authenticate middleware) names the tenant and user; the
// request has already counted against the tenant's api rate limit; each MCP session stays bound to the user who
// opened it; then the agents package hands the request to the session's AutoArrMcp object.
import type { Context } from "hono";
import type { AppEnv } from "../platform/env";
import { AppError } from "../platform/errors";
import { cacheKey, MCP_SESSION_TTL_SECONDS } from "../platform/cache-keys";
import { toTraceparent } from "../platform/trace";
import { AutoArrMcp } from "./autoarr-mcp.agent";
import type { McpProps } from "./autoarr.tools";

export const MCP_PATH = "/mcp";

const handler = AutoArrMcp.serve(MCP_PATH, { binding: "AUTOARR_MCP" });

export async function serveMcp(c: Context<AppEnv>): Promise<Response> {
  const auth = c.get("auth");
  if (!auth) {
    throw new AppError("unauthorized", c.get("authProblem") ?? "Send 'Authorization: Bearer <AutoArr access token>'", undefined, {
      "WWW-Authenticate": 'Bearer realm="autoarr"',
    });
  }
  const owner = `${auth.tenantId}:${auth.userId}`;
  const sessionId = c.req.header("mcp-session-id");
  // Session ids are unguessable, but a leaked one must still not let another user act in that session.
  if (sessionId && (await c.env.CACHE.get(cacheKey.mcpSession(sessionId))) !== owner) {
    return c.json({ jsonrpc: "2.0", error: { code: -32001, message: "Session not found" }, id: null }, 404);
  }
  const props: McpProps = { tenantId: auth.tenantId, userId: auth.userId, role: auth.role, traceparent: toTraceparent(c.get("trace")) };
  const ctx = c.executionCtx;
  const response = await handler.fetch(c.req.raw, c.env, {
    waitUntil: (p: Promise<unknown>) => ctx.waitUntil(p),
    passThroughOnException: () => ctx.passThroughOnException(),
    props,
  } as unknown as ExecutionContext);
  const opened = response.headers.get("mcp-session-id");
  if (!sessionId && opened) await c.env.CACHE.put(cacheKey.mcpSession(opened), owner, { expirationTtl: MCP_SESSION_TTL_SECONDS });
  return response;
}
