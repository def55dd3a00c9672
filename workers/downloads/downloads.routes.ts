// The tenant's downloads across SABnzbd, Sonarr and Radarr, cached briefly in KV.
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { cacheKey } from "../platform/cache-keys";
import type { AppEnv } from "../platform/env";
import { requireAuth } from "../auth/authentication";
import { createRouter } from "../platform/router";
import { toTraceparent } from "../platform/trace";
import { bearerSecurity, errorResponses } from "../platform/common.schema";
import { HistoryResponse, QueueResponse } from "./downloads.schema";
import { Cache } from "../platform/cache";
import { readHistory, readQueue } from "./downloads.service";
import { type HubClient, hubFor } from "../connectors/hub-client";
import type { CallContext } from "../../durable-objects/tenant-hub/orchestrator";

async function gather<Body>(c: Context<AppEnv>, name: "queue" | "history", read: (hub: HubClient, context: CallContext) => Promise<Body>, refresh: boolean) {
  const { tenantId } = requireAuth(c);
  const cache = new Cache(c.env.CACHE);
  const key = cacheKey.tenant(tenantId, "queue", name);
  if (refresh) await cache.delete(key);
  const { value } = await cache.getOrLoad("queue", key, async () => {
    const body = await read(hubFor(c.env, tenantId), { traceparent: toTraceparent(c.get("trace")) });
    return { ...body, cachedAt: new Date().toISOString() };
  });
  return value;
}

const ok = <T>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });
const RefreshQuery = z.object({
  refresh: z.enum(["true", "false"]).optional().openapi({ description: "Ask the apps now instead of serving the 30 s cache" }),
});

export const downloadRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/queue",
      tags: ["downloads"],
      summary: "Everything downloading now, from SABnzbd, Sonarr and Radarr (cached 30 s)",
      security: bearerSecurity,
      request: { query: RefreshQuery },
      responses: { 200: ok(QueueResponse, "The queue"), ...errorResponses(400, 401, 409, 429, 503) },
    }),
    async (c) => c.json(await gather(c, "queue", readQueue, c.req.valid("query").refresh === "true"), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/history",
      tags: ["downloads"],
      summary: "Recent finished and failed downloads (cached 30 s)",
      security: bearerSecurity,
      request: { query: RefreshQuery },
      responses: { 200: ok(HistoryResponse, "The history"), ...errorResponses(400, 401, 409, 429, 503) },
    }),
    async (c) => c.json(await gather(c, "history", readHistory, c.req.valid("query").refresh === "true"), 200),
  );
