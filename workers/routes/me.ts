// The signed-in user, their tenant and role.
import { createRoute } from "@hono/zod-openapi";
import { requireAuth } from "../middleware/authentication";
import { createRouter } from "../lib/router";
import { MeResponse } from "../schemas/auth";
import { bearerSecurity, errorResponses } from "../schemas/common";
import { describeAuth } from "../services/auth-sessions";
import { database } from "../services/db";

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
