// CORS for the configured origins only: a foreign origin gets no Access-Control-* header at all, not even on a
// preflight, so nothing about the API's methods or headers is advertised to it.
import { cors } from "hono/cors";
import { createMiddleware } from "hono/factory";
import { type AppEnv, envVars } from "../env";

const allowCors = cors({
  origin: (origin) => origin,
  allowHeaders: ["Authorization", "Content-Type", "traceparent"],
  allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
  exposeHeaders: ["Retry-After", "traceparent", "X-Request-Id"],
  maxAge: 600,
});

export const corsForAllowedOrigins = createMiddleware<AppEnv>(async (c, next) => {
  const origin = c.req.header("origin");
  if (origin && envVars(c.env).CORS_ALLOWED_ORIGINS.includes(origin)) return allowCors(c, next);
  // The answer still depends on the origin, so caches must not serve it to an allowed one. Set on c.res before the
  // handler runs, as hono's cors does, so the final response is copied with mutable headers (a WebSocket 101 from
  // the hub has immutable ones, which the security headers middleware then could not set).
  c.res.headers.append("Vary", "Origin");
  await next();
});
