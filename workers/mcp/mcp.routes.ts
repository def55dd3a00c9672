// Direct access to the connector's tools for signed-in users, through the tenant's hub (breakers and all).
import { createRoute } from "@hono/zod-openapi";
import { requireAuth } from "../auth/authentication";
import { createRouter } from "../platform/router";
import { toTraceparent } from "../platform/trace";
import { bearerSecurity, errorResponses } from "../platform/common.schema";
import { CallToolBody, CallToolResponse, ToolList } from "./mcp.schema";
import { database } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { recordPassthroughAction } from "./passthrough-record.service";
import { callErrorToAppError, hubFor } from "../connectors/hub-client";

const ok = <T>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });

export const mcpRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/tools",
      tags: ["mcp"],
      summary: "The tools the tenant's connector offers",
      security: bearerSecurity,
      responses: { 200: ok(ToolList, "Tools"), ...errorResponses(401, 409, 429, 503) },
    }),
    async (c) => {
      const { tenantId } = requireAuth(c);
      const listed = await hubFor(c.env, tenantId).listTools({ traceparent: toTraceparent(c.get("trace")) });
      if (!listed.ok) throw callErrorToAppError(listed.error);
      return c.json({ tools: listed.tools }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/call",
      tags: ["mcp"],
      summary:
        "Call one connector tool: reads, and job actions on an allow-list (settings change through the audit's apply); arguments are checked against the tool's schema",
      security: bearerSecurity,
      request: { body: { content: { "application/json": { schema: CallToolBody } }, required: true } },
      responses: { 200: ok(CallToolResponse, "The tool's result"), ...errorResponses(400, 401, 403, 404, 409, 429, 503) },
    }),
    async (c) => {
      const auth = requireAuth(c);
      const { tenantId } = auth;
      const { tool, arguments: args } = c.req.valid("json");
      const hub = hubFor(c.env, tenantId);
      const answer = await hub.callPassthrough(tool, args, { traceparent: toTraceparent(c.get("trace")) });
      if (answer.kind === "unlisted") throw callErrorToAppError(answer.error);
      if (answer.kind === "refused") throw new AppError("forbidden", answer.message);
      const { outcome } = answer;
      if (answer.action) {
        const activity = await recordPassthroughAction(database(c.env.DB), auth, args, outcome, c.get("trace").traceId);
        if (activity) await hub.broadcast({ type: "activity", at: activity.at, data: activity });
      }
      if (!outcome.ok) throw callErrorToAppError(outcome.error);
      return c.json(
        // A stack tool (tools.stack) answers for every app and belongs to none.
        { tool: outcome.tool, app: outcome.app ?? "stack", data: outcome.data, text: outcome.text, latencyMs: outcome.latencyMs, attempts: outcome.attempts },
        200,
      );
    },
  );
