// API information and a liveness ping.
import { createRoute } from "@hono/zod-openapi";
import { createRouter } from "../platform/router";
import { envVars } from "../platform/env";
import { ApiInfo, Pong } from "./meta.schema";

export const OPENAPI_PATH = "/api/v1/openapi.json";

export const metaRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/api/v1",
      tags: ["meta"],
      summary: "API name and version",
      responses: { 200: { description: "API information", content: { "application/json": { schema: ApiInfo } } } },
    }),
    (c) =>
      c.json(
        { name: "AutoArr API" as const, version: envVars(c.env).APP_VERSION, openapi: OPENAPI_PATH, docs: "https://github.com/autoarr/autoarr#readme" },
        200,
      ),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/ping",
      tags: ["meta"],
      summary: "Liveness",
      responses: { 200: { description: "Alive", content: { "application/json": { schema: Pong } } } },
    }),
    (c) => c.json({ pong: true as const, time: new Date().toISOString() }, 200),
  );
