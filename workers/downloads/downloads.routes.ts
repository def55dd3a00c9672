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
import { buildHistory, buildQueue, HISTORY_CALLS, QUEUE_CALLS } from "./downloads.service";
import { hubFor, requireSomeAnswer } from "../connectors/hub-client";
import type { CallOutcome } from "@autoarr/contract";

async function gather<Body>(c: Context<AppEnv>, name: "queue" | "history", build: (outcomes: CallOutcome[]) => Body, refresh: boolean) {
  const { tenantId } = requireAuth(c);
  const cache = new Cache(c.env.CACHE);
  const key = cacheKey.tenant(tenantId, "queue", name);
  if (refresh) await cache.delete(key);
  const { value } = await cache.getOrLoad("queue", key, async () => {
    const outcomes = await hubFor(c.env, tenantId).callManyByName(name === "queue" ? QUEUE_CALLS : HISTORY_CALLS, {
      traceparent: toTraceparent(c.get("trace")),
    });
    requireSomeAnswer(outcomes);
    return { ...build(outcomes), cachedAt: new Date().toISOString() };
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
    async (c) => c.json(await gather(c, "queue", buildQueue, c.req.valid("query").refresh === "true"), 200),
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
    async (c) => c.json(await gather(c, "history", buildHistory, c.req.valid("query").refresh === "true"), 200),
  );
