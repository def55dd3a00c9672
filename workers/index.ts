// The API Worker: HTTP through Hono, the two-minute cron, and the Durable Object classes it binds.
import { createApp } from "./app";
import type { Env } from "./platform/env";
import { runScheduled } from "./scheduled";

const app = createApp();

export default {
  fetch: app.fetch,
  scheduled: (controller, env, ctx) => runScheduled(controller, env, ctx),
} satisfies ExportedHandler<Env>;

export { TenantHub } from "../durable-objects/tenant-hub/tenant-hub.do";
export { RateLimiter } from "../durable-objects/rate-limiter/rate-limiter.do";
export { MetricsHub } from "../durable-objects/metrics-hub/metrics-hub.do";
export { AutoArrMcp } from "./mcp/autoarr-mcp.agent";
