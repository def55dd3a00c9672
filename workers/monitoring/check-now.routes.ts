// "Run a check now": the tenant's queue check and request progress at once, instead of at the hub's next alarm.
import { createRoute } from "@hono/zod-openapi";
import { requireAuth } from "../auth/authentication";
import { AppError } from "../platform/errors";
import { createRouter } from "../platform/router";
import { bearerSecurity, errorResponses } from "../platform/common.schema";
import { hubFor } from "../connectors/hub-client";
import { CheckNowReport } from "./check-now.schema";

export const checkNowRoutes = createRouter().openapi(
  createRoute({
    method: "post",
    path: "/check",
    operationId: "runCheckNow",
    tags: ["downloads"],
    summary: "Check the downloads and move content requests along now (owners only); a check already running is joined, never run twice",
    security: bearerSecurity,
    responses: { 200: { description: "The check's report", content: { "application/json": { schema: CheckNowReport } } }, ...errorResponses(401, 403, 429) },
  }),
  async (c) => {
    const auth = requireAuth(c);
    // It can act on downloads (retry, blocklist, search again), as the tenant's settings say: the owner's call.
    if (auth.role !== "owner") throw new AppError("forbidden", "Only the tenant's owner can run a check");
    return c.json(await hubFor(c.env, auth.tenantId).checkNow(), 200);
  },
);
