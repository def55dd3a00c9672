// The one Env type for the Worker's bindings, the zod schema its vars and secrets are read through (parsed once per
// env object), and the Hono context types built on it.
import { z } from "zod";
import { DEFAULT_APP_TIMEOUT_MS, hubDeadlineMs } from "@autoarr/contract";
import type { MetricsHub } from "../../durable-objects/metrics-hub/metrics-hub.do";
import type { RateLimiter } from "../../durable-objects/rate-limiter/rate-limiter.do";
import type { TenantHub } from "../../durable-objects/tenant-hub/tenant-hub.do";
import type { AutoArrMcp } from "../mcp/autoarr-mcp.agent";
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
  /** "off" stops tenant hubs from arming their own two-minute check alarm (the workerd tests); default "on". */
  CHECK_ALARMS?: string;
  /** DNS-over-HTTPS JSON endpoint that checks where webhook and connector names point (default Cloudflare's). */
  DNS_RESOLVER_URL?: string;
  /** The deployment's VAPID private key for web push, a P-256 JWK as JSON (a Worker secret; `node scripts/generate-vapid-keys.mjs`). */
  VAPID_PRIVATE_KEY?: string;
  /** Who runs this deployment, for push services (VAPID "sub"): "mailto:…" or "https://…". */
  VAPID_SUBJECT?: string;
  /** "true" only for local runs (`npm start`, tests): notification channels may point at http://127.0.0.1, localhost or [::1]. */
  AUTOARR_ALLOW_LOOPBACK_NOTIFICATIONS?: string;
  /** The web app's public origin, for links in notifications (default: the origin of the request that added the channel). */
  PUBLIC_APP_URL?: string;
  /** Only bound in the test runner: the real migrations, applied by test/setup. */
  TEST_MIGRATIONS?: { name: string; queries: string[] }[];
  /** Only bound in the test runner: the control server of test/harness that starts simulators and connectors. */
  TEST_HARNESS_URL?: string;
}

/** An unset or empty var takes its default. */
const unsetIfEmpty = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const text = () => z.preprocess(unsetIfEmpty, z.string().optional());
const count = (fallback: number) => z.preprocess(unsetIfEmpty, z.coerce.number().positive().default(fallback));
/** A number whose default belongs to the code that uses it (the breaker keeps its own). */
const optionalCount = () => z.preprocess(unsetIfEmpty, z.coerce.number().positive().optional());

/** The vars and secrets as the code reads them: typed, with their defaults. Bindings (DB, KV, DOs) stay on Env. */
export const EnvVars = z.object({
  APP_VERSION: z.preprocess(unsetIfEmpty, z.string().default("dev")),
  CORS_ALLOWED_ORIGINS: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .default("")
      .transform((list) =>
        list
          .split(",")
          .map((o) => o.trim())
          .filter(Boolean),
      ),
  ),
  ACCESS_TOKEN_TTL_SECONDS: count(900),
  REFRESH_TOKEN_TTL_DAYS: count(30),
  ANTHROPIC_API_KEY: text(),
  ANTHROPIC_BASE_URL: text(),
  ANTHROPIC_MODEL: text(),
  CIRCUIT_FAILURE_THRESHOLD: optionalCount(),
  CIRCUIT_OPEN_SECONDS: optionalCount(),
  MCP_CALL_TIMEOUT_MS: count(hubDeadlineMs(DEFAULT_APP_TIMEOUT_MS)),
  AUTOARR_ALLOW_LOOPBACK_CONNECTORS: z
    .string()
    .optional()
    .transform((value) => value === "true"),
  DNS_RESOLVER_URL: text(),
  VAPID_PRIVATE_KEY: text(),
  VAPID_SUBJECT: text(),
  AUTOARR_ALLOW_LOOPBACK_NOTIFICATIONS: z
    .string()
    .optional()
    .transform((value) => value === "true"),
  PUBLIC_APP_URL: text(),
  CHECK_ALARMS: z.preprocess(unsetIfEmpty, z.enum(["on", "off"]).default("on")),
  METRICS_TOKEN: text(),
});
export type EnvVars = z.output<typeof EnvVars>;

type VarName = keyof EnvVars;
/** Anything carrying the vars: the Worker's env, or a test's copy of it with some changed. */
export type VarSource = { [K in VarName]?: unknown };

const parsed = new WeakMap<object, EnvVars>();

/** The env's vars, parsed once per env object (an isolate keeps one); a var that does not parse fails loudly. */
export function envVars(env: VarSource): EnvVars {
  let vars = parsed.get(env);
  if (!vars) {
    const result = EnvVars.safeParse(env);
    if (!result.success) {
      const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`The Worker's configuration is invalid: ${problems}`);
    }
    vars = result.data;
    parsed.set(env, vars);
  }
  return vars;
}

/** The session an accepted access token belongs to (its refresh family), as the auth middleware sets it. */
export interface AccessTokenSession {
  /** The refresh family the token was issued for. */
  id: string;
  issuedAtMs: number;
  expiresAtMs: number;
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
