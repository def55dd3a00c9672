// GET /api/v1/apps/links: the apps' own web addresses for the caller's tenant, kept an hour per tenant in KV. An
// answer the connector could not give is not kept, so links appear as soon as it is back.
import { createRoute } from "@hono/zod-openapi";
import { requireAuth } from "../auth/authentication";
import { hubFor } from "../connectors/hub-client";
import { Cache } from "../platform/cache";
import { cacheKey } from "../platform/cache-keys";
import { bearerSecurity, errorResponses } from "../platform/common.schema";
import { createRouter } from "../platform/router";
import { toTraceparent } from "../platform/trace";
import { AppLinks, type AppLinksBody } from "./app-links.schema";
import { readAppLinks } from "./app-links.service";

export const appLinkRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/links",
    tags: ["apps"],
    summary: "Each app's own web address, for links to an item's page in the app (cached 1 h)",
    security: bearerSecurity,
    responses: {
      200: { description: "The apps' web addresses; empty when the connector cannot be reached", content: { "application/json": { schema: AppLinks } } },
      ...errorResponses(401, 429),
    },
  }),
  async (c) => {
    const { tenantId } = requireAuth(c);
    const cache = new Cache(c.env.CACHE);
    const key = cacheKey.tenant(tenantId, "appLinks", "web-urls");
    const cached = await cache.get<AppLinksBody>("appLinks", key);
    if (cached) return c.json(cached, 200);
    const apps = await readAppLinks(hubFor(c.env, tenantId), { traceparent: toTraceparent(c.get("trace")) });
    const body: AppLinksBody = { apps: apps ?? {}, cachedAt: new Date().toISOString() };
    if (apps) await cache.put("appLinks", key, body);
    return c.json(body, 200);
  },
);
