// Shapes of the health endpoints.
import { z } from "@hono/zod-openapi";

export const Probe = z.object({ status: z.enum(["ok", "error"]), latencyMs: z.number().optional(), error: z.string().optional() }).openapi("Probe");

export const ServiceHealth = z
  .object({
    state: z.enum(["closed", "open", "half_open"]),
    lastSuccessAt: z.string().nullable(),
    lastError: z.string().nullable().openapi({ description: "The error since the last success; null once a call succeeds" }),
    lastErrorAt: z.string().nullable().openapi({ description: "When lastError happened; null with it" }),
    latencyMs: z.number().nullable(),
  })
  .openapi("ServiceHealth");

/** One part's health: a platform check (worker, d1, kv) or an app's circuit. */
export const PartHealth = z.union([Probe, ServiceHealth]).openapi("PartHealth");

export const PlatformChecks = z.object({ worker: Probe, d1: Probe, kv: Probe }).openapi("PlatformChecks");

export const HealthResponse = z
  .object({
    status: z.enum(["ok", "degraded"]).openapi({
      description:
        "degraded when a platform check fails or, for a signed-in caller, the connector or one of the tenant's apps is failing (circuit not closed, or its latest call failed)",
    }),
    version: z.string(),
    checks: PlatformChecks,
    services: z.record(z.string(), ServiceHealth).openapi({
      description: "Circuit state of each app of the signed-in tenant (empty when not signed in or no connector is paired)",
    }),
  })
  .openapi("Health");

export const ServiceName = z.object({
  service: z
    .string()
    .min(1)
    .max(40)
    .openapi({ param: { name: "service", in: "path" }, example: "d1" }),
});
