// Shapes of the direct tool endpoints.
import { z } from "@hono/zod-openapi";

export const ToolInfo = z
  .object({
    name: z.string(),
    title: z.string().optional(),
    description: z.string().optional(),
    inputSchema: z.record(z.string(), z.unknown()),
    annotations: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi("Tool");

export const ToolList = z.object({ tools: z.array(ToolInfo) }).openapi("ToolList");

export const CallToolBody = z
  .object({
    tool: z
      .string()
      .regex(/^[a-z][a-z0-9_]{1,63}$/)
      .openapi({ example: "sonarr_queue" }),
    arguments: z.record(z.string(), z.unknown()).default({}),
  })
  .strict()
  .openapi("CallToolRequest");

export const CallToolResponse = z
  .object({ tool: z.string(), app: z.string(), data: z.unknown(), text: z.string(), latencyMs: z.number(), attempts: z.number() })
  .openapi("CallToolResult");
