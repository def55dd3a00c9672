// The signed-in user, their tenant and role.
import { createRoute } from "@hono/zod-openapi";
import { requireAuth } from "./authentication";
import { createRouter } from "../platform/router";
import { MeResponse } from "./auth.schema";
import { bearerSecurity, errorResponses } from "../platform/common.schema";
import { describeAuth } from "./auth-sessions.service";
import { database } from "../platform/db/database";

export const meRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/",
    tags: ["auth"],
    summary: "Who am I",
    security: bearerSecurity,
    responses: { 200: { description: "The signed-in user", content: { "application/json": { schema: MeResponse } } }, ...errorResponses(401, 429) },
  }),
  async (c) => c.json(await describeAuth(database(c.env.DB), requireAuth(c)), 200),
);
