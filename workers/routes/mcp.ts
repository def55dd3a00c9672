// Direct access to the connector's tools for signed-in users, through the tenant's hub (breakers and all).
import { createRoute } from "@hono/zod-openapi";
import { requireAuth } from "../middleware/authentication";
import { createRouter } from "../lib/router";
import { toTraceparent } from "../lib/trace";
import { bearerSecurity, errorResponses } from "../schemas/common";
import { CallToolBody, CallToolResponse, ToolList } from "../schemas/mcp";
import { callErrorToAppError, hubFor } from "../services/tenant-hub";

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
      const listed = await hubFor(c.env, tenantId).listTools(tenantId, { traceparent: toTraceparent(c.get("trace")) });
      if (!listed.ok) throw callErrorToAppError(listed.error);
      return c.json({ tools: listed.tools }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/call",
      tags: ["mcp"],
      summary: "Call one connector tool; arguments are checked against the tool's schema",
      security: bearerSecurity,
      request: { body: { content: { "application/json": { schema: CallToolBody } }, required: true } },
      responses: { 200: ok(CallToolResponse, "The tool's result"), ...errorResponses(400, 401, 404, 409, 429, 503) },
    }),
    async (c) => {
      const { tenantId } = requireAuth(c);
      const { tool, arguments: args } = c.req.valid("json");
      const outcome = await hubFor(c.env, tenantId).callTool(tenantId, tool, args, { traceparent: toTraceparent(c.get("trace")) });
      if (!outcome.ok) throw callErrorToAppError(outcome.error);
      return c.json({ tool: outcome.tool, app: outcome.app, data: outcome.data, text: outcome.text, latencyMs: outcome.latencyMs, attempts: outcome.attempts }, 200);
    },
  );
