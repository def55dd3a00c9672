// The one Env type for the Worker's bindings, and the Hono context types built on it.
import type { MetricsHub } from "../../durable-objects/metrics-hub/metrics-hub.do";
import type { RateLimiter } from "../../durable-objects/rate-limiter/rate-limiter.do";
import type { TenantHub } from "../../durable-objects/tenant-hub/tenant-hub.do";
import type { AutoArrMcp } from "../mcp/autoarr-mcp.agent";
import type { AccessTokenSession } from "../auth/access-tokens.service";
import type { Logger } from "./logger";
import type { TraceContext } from "./trace";

export interface Env {
  DB: D1Database;
  CACHE: KVNamespace;
  TENANT_HUB: DurableObjectNamespace<TenantHub>;
  RATE_LIMITER: DurableObjectNamespace<RateLimiter>;
  /** One object for the service: the HTTP and cache counters behind GET /metrics. */
  METRICS_HUB: DurableObjectNamespace<MetricsHub>;
  /** One per MCP session of AutoArr's own MCP server at /mcp. */
  AUTOARR_MCP: DurableObjectNamespace<AutoArrMcp>;
  ASSETS?: Fetcher;
  /** Signs access tokens and derives the key that encrypts connector secrets. A Worker secret. */
  AUTOARR_SECRET_KEY: string;
  /** The key AUTOARR_SECRET_KEY replaced, while tokens and secrets made with it are still accepted (see README, rotating keys). */
  AUTOARR_SECRET_KEY_PREVIOUS?: string;
  /** Bearer token for GET /metrics (a Worker secret); without it /metrics answers 404. */
  METRICS_TOKEN?: string;
  APP_VERSION?: string;
  CORS_ALLOWED_ORIGINS?: string;
  ACCESS_TOKEN_TTL_SECONDS?: string;
  REFRESH_TOKEN_TTL_DAYS?: string;
  ANTHROPIC_API_KEY?: string;
  ANTHROPIC_BASE_URL?: string;
  /** Claude model for reasoning (default claude-sonnet-4-5). */
  ANTHROPIC_MODEL?: string;
  BRAVE_SEARCH_API_KEY?: string;
  /** Consecutive failures that open an app's circuit (default 5). */
  CIRCUIT_FAILURE_THRESHOLD?: string;
  /** How long an open circuit fails fast before a trial call (default 60). */
  CIRCUIT_OPEN_SECONDS?: string;
  /** The least the hub waits for the connector, in ms (default 15000); a tool call also waits out the connector's advertised app timeout + 5 s. */
  MCP_CALL_TIMEOUT_MS?: string;
  /** "true" only for local runs (`npm start`, tests): connectors may be registered at http://127.0.0.1, localhost or [::1]. */
  AUTOARR_ALLOW_LOOPBACK_CONNECTORS?: string;
  /** DNS-over-HTTPS JSON endpoint that checks where webhook and connector names point (default Cloudflare's). */
  DNS_RESOLVER_URL?: string;
  /** Only bound in the test runner: the real migrations, applied by test/setup. */
  TEST_MIGRATIONS?: { name: string; queries: string[] }[];
  /** Only bound in the test runner: the control server of test/harness that starts simulators and connectors. */
  TEST_HARNESS_URL?: string;
}

export interface AuthContext {
  userId: string;
  tenantId: string;
  role: "owner" | "member";
}

export interface AppVariables {
  trace: TraceContext;
  logger: Logger;
  /** Set when the request carries a valid access token. */
  auth?: AuthContext;
  /** Why a presented access token was not accepted, for the 401 message. */
  authProblem?: string;
  /** The session the access token belongs to (set with auth); checked against the tenant's signed-out sessions. */
  accessSession?: AccessTokenSession;
}

export interface AppEnv {
  Bindings: Env;
  Variables: AppVariables;
}
