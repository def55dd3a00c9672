// The tenant's activity log: detections, recoveries, setting changes, job actions run through the tool passthrough, and circuit transitions.
import { createRoute } from "@hono/zod-openapi";
import { requireAuth } from "../middleware/authentication";
import { createRouter } from "../lib/router";
import { bearerSecurity, errorResponses } from "../schemas/common";
import { ActivityPage, ActivityQuery } from "../schemas/monitoring";
import { readActivity } from "../services/activity-feed";
import { database } from "../services/db";

export const activityRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/",
    tags: ["activity"],
    summary: "Activity, newest first (kind: detection, recovery, change, action, request, circuit); pass nextCursor as cursor for the next page",
    security: bearerSecurity,
    request: { query: ActivityQuery },
    responses: { 200: { description: "A page of activity", content: { "application/json": { schema: ActivityPage } } }, ...errorResponses(400, 401, 429) },
  }),
  async (c) => c.json((await readActivity(database(c.env.DB), requireAuth(c).tenantId, c.req.valid("query"))) as never, 200),
);
