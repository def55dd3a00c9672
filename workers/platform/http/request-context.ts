// Starts the request's span (continuing an incoming traceparent), logs one structured line per request with the
// span's ids, counts it for /metrics, and echoes the trace.
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { createLogger } from "../logger";
import { toTraceparent } from "../trace";
import { flushSoon, recordHttp } from "../metric-buffer";
import { SpanKind, startSpan } from "../tracing";

export const requestContext = createMiddleware<AppEnv>(async (c, next) => {
  const { span, trace } = startSpan(`${c.req.method} ${c.req.path}`, c.req.header("traceparent"), SpanKind.SERVER, { "http.request.method": c.req.method });
  const logger = createLogger("http", trace);
  c.set("trace", trace);
  c.set("logger", logger);
  const started = performance.now();
  await next();
  c.header("traceparent", toTraceparent(trace));
  c.header("X-Request-Id", trace.traceId);
  const status = c.res.status;
  const seconds = (performance.now() - started) / 1000;
  // The route template, not the path, so ids do not become label values.
  const route = c.req.routePath;
  span.setAttributes({ "http.route": route, "http.response.status_code": status });
  span.setStatus({ code: status >= 500 ? 2 : 1 });
  span.end();
  logger[status >= 500 ? "error" : status >= 400 ? "warn" : "info"]("request", {
    method: c.req.method,
    path: c.req.path,
    route,
    status,
    duration_ms: Math.round(seconds * 1000),
    tenant_id: c.get("auth")?.tenantId,
  });
  recordHttp(c.req.method, route, status, seconds);
  let waitUntil: ((work: Promise<unknown>) => void) | undefined;
  try {
    const ctx = c.executionCtx;
    waitUntil = (work) => ctx.waitUntil(work);
  } catch {
    // No execution context (app.request in unit tests): the counts wait for the next flush.
  }
  flushSoon(c.env, waitUntil);
});
