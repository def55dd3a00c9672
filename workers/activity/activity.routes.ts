// The tenant's activity log: detections, recoveries, setting changes, job actions run through the tool passthrough, and circuit transitions.
import { createRoute } from "@hono/zod-openapi";
import { requireAuth } from "../auth/authentication";
import { createRouter } from "../platform/router";
import { bearerSecurity, errorResponses } from "../platform/common.schema";
import { ActivityPage, ActivityQuery } from "../monitoring/monitoring.schema";
import { readActivity } from "./activity-feed.repo";
import { database } from "../platform/db/database";

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
  async (c) => c.json(await readActivity(database(c.env.DB), requireAuth(c).tenantId, c.req.valid("query")), 200),
);
