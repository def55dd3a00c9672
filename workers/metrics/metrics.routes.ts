// GET /metrics: Prometheus text format for the whole service, behind a bearer token (the METRICS_TOKEN secret).
// Without the secret set the endpoint does not exist (404), so a deployment never exposes metrics by accident.
import { createRoute, z } from "@hono/zod-openapi";
import { AppError } from "../platform/errors";
import { createRouter } from "../platform/router";
import { envVars } from "../platform/env";
import { collectMetrics } from "./metrics.service";
import { PROMETHEUS_CONTENT_TYPE, writeMetrics } from "./prometheus";
import { errorResponses } from "../platform/common.schema";

const encoder = new TextEncoder();

/** Compares digests, so neither the length nor the content of the secret leaks through timing. */
export async function tokenMatches(presented: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([presented, expected].map((t) => crypto.subtle.digest("SHA-256", encoder.encode(t))));
  return crypto.subtle.timingSafeEqual(a!, b!);
}

export const metricsRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/metrics",
    tags: ["meta"],
    summary: "Prometheus metrics (bearer METRICS_TOKEN)",
    security: [{ metricsToken: [] }],
    responses: {
      200: { description: "Metrics in the Prometheus text format", content: { "text/plain": { schema: z.string() } } },
      ...errorResponses(401, 404),
    },
  }),
  async (c) => {
    const expected = envVars(c.env).METRICS_TOKEN;
    if (!expected) throw new AppError("not_found", "No route for GET /metrics");
    const presented = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
    if (!presented || !(await tokenMatches(presented, expected))) {
      throw new AppError("unauthorized", "Send 'Authorization: Bearer <METRICS_TOKEN>'", undefined, { "WWW-Authenticate": 'Bearer realm="metrics"' });
    }
    const text = writeMetrics(await collectMetrics(c.env));
    return c.text(text, 200, { "Content-Type": PROMETHEUS_CONTENT_TYPE, "Cache-Control": "no-store" });
  },
);
