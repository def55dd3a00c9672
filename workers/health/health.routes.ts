// Health of the platform (Worker, D1, KV) and, for a signed-in tenant, of its apps.
import { createRoute, type z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { type AppEnv, envVars } from "../platform/env";
import { AppError } from "../platform/errors";
import { createRouter } from "../platform/router";
import { errorResponses } from "../platform/common.schema";
import { HealthResponse, PartHealth, type ServiceHealth, ServiceName } from "./health.schema";
import { isOwnKey, ownValue } from "../platform/own-key";
import { hubFor } from "../connectors/hub-client";
import { PLATFORM_CHECKS, probePlatform } from "./platform-health.service";

type ServiceHealthMap = Record<string, z.infer<typeof ServiceHealth>>;

/** The signed-in tenant's connector and apps, with their circuit states; empty without a token or a connector. */
async function tenantServices(c: Context<AppEnv>): Promise<ServiceHealthMap> {
  const auth = c.get("auth");
  if (!auth) return {};
  const services: ServiceHealthMap = {};
  for (const [key, health] of Object.entries(await hubFor(c.env, auth.tenantId).serviceHealth())) {
    if (health) services[key] = health;
  }
  return services;
}

/** An app (or the connector) is failing while its circuit is not closed or its latest call failed (lastError is the error since the last success). */
function isFailing(health: z.infer<typeof ServiceHealth>): boolean {
  return health.state !== "closed" || health.lastError !== null;
}

export const healthRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["health"],
      summary: "Health of the Worker, D1, KV and, for a signed-in caller, the tenant's connector and apps",
      responses: {
        200: {
          description: "The platform answers; status is degraded when one of the signed-in tenant's apps or its connector is failing",
          content: { "application/json": { schema: HealthResponse } },
        },
        503: { description: "A platform part is failing", content: { "application/json": { schema: HealthResponse } } },
        ...errorResponses(429),
      },
    }),
    async (c) => {
      const [checks, services] = await Promise.all([probePlatform(c.env), tenantServices(c)]);
      const platformUp = Object.values(checks).every((p) => p.status === "ok");
      const appsUp = !Object.values(services).some(isFailing);
      const status = platformUp && appsUp ? ("ok" as const) : ("degraded" as const);
      const body = { status, version: envVars(c.env).APP_VERSION, checks, services };
      return platformUp ? c.json(body, 200) : c.json(body, 503);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{service}",
      tags: ["health"],
      summary: "Health of one part: worker, d1, kv, or one of the tenant's apps",
      request: { params: ServiceName },
      responses: {
        200: { description: "The part answers", content: { "application/json": { schema: PartHealth } } },
        503: { description: "The part is failing", content: { "application/json": { schema: PartHealth } } },
        ...errorResponses(404, 429),
      },
    }),
    async (c) => {
      const { service } = c.req.valid("param");
      if (isOwnKey(PLATFORM_CHECKS, service)) {
        const probe = await PLATFORM_CHECKS[service](c.env);
        return probe.status === "ok" ? c.json(probe, 200) : c.json(probe, 503);
      }
      const app = ownValue(await tenantServices(c), service);
      if (!app) throw new AppError("not_found", `No health is tracked for '${service}'`);
      return isFailing(app) ? c.json(app, 503) : c.json(app, 200);
    },
  );
