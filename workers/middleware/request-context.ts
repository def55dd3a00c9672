// Starts the request's trace (honouring traceparent), logs one structured line per request, and echoes the trace.
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { createLogger } from "../lib/logger";
import { toTraceparent, traceFromHeader } from "../lib/trace";

export const requestContext = createMiddleware<AppEnv>(async (c, next) => {
  const trace = traceFromHeader(c.req.header("traceparent"));
  const logger = createLogger("http", trace);
  c.set("trace", trace);
  c.set("logger", logger);
  const started = Date.now();
  await next();
  c.header("traceparent", toTraceparent(trace));
  c.header("X-Request-Id", trace.traceId);
  const status = c.res.status;
  logger[status >= 500 ? "error" : status >= 400 ? "warn" : "info"]("request", {
    method: c.req.method,
    path: c.req.path,
    route: c.req.routePath,
    status,
    duration_ms: Date.now() - started,
    tenant_id: c.get("auth")?.tenantId,
  });
});
