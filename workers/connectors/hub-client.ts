// The Worker's side of a tenant's hub: reaching it, and turning call outcomes into HTTP answers.
import type { CallError, CallOutcome } from "@autoarr/contract";
import type { TenantHub } from "../../durable-objects/tenant-hub/tenant-hub.do";
import type { Env } from "../platform/env";
import { AppError, type ErrorCode } from "../platform/errors";

type Promised<T> = T extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;

/** The hub's RPC methods as plain promises (the generated RPC types recurse too deeply on JSON values). */
export type HubClient = {
  [K in
    | "callTool"
    | "callMany"
    | "listTools"
    | "serviceHealth"
    | "connectorsChanged"
    | "connectorSessionsOpened"
    | "runHealthCheck"
    | "runQueueCheck"
    | "decideApproval"
    | "broadcast"
    | "consumeRateLimit"
    | "metricsSnapshot"]: Promised<TenantHub[K]>;
};

export function hubFor(env: Env, tenantId: string): HubClient {
  return env.TENANT_HUB.get(env.TENANT_HUB.idFromName(tenantId)) as unknown as HubClient;
}

const STATUS_OF: Record<CallError["kind"], ErrorCode> = {
  no_connector: "conflict",
  unknown_tool: "not_found",
  invalid_arguments: "invalid_request",
  circuit_open: "upstream_unavailable",
  connector_unavailable: "upstream_unavailable",
  timeout: "upstream_unavailable",
  outcome_unknown: "upstream_unavailable",
  app_unavailable: "upstream_unavailable",
  app_error: "upstream_error",
};

export function callErrorToAppError(error: CallError): AppError {
  const headers: Record<string, string> = {};
  if (error.retryInMs !== undefined) headers["Retry-After"] = String(Math.max(1, Math.ceil(error.retryInMs / 1000)));
  const details = { kind: error.kind, ...(error.source ? { source: error.source } : {}), ...(error.details === undefined ? {} : { details: error.details }) };
  return new AppError(STATUS_OF[error.kind], error.message, details, headers);
}

/** The data of a successful call, or the HTTP error its failure maps to. */
export function unwrap(outcome: CallOutcome): unknown {
  if (outcome.ok) return outcome.data;
  throw callErrorToAppError(outcome.error);
}

/**
 * For a batch over several apps: when every call failed for the same tenant-wide reason (no connector, the
 * connector down), that is the answer; otherwise the caller shows what the apps that answered could give.
 */
export function requireSomeAnswer(outcomes: CallOutcome[]): void {
  const failures = outcomes.filter((o) => !o.ok);
  if (failures.length === 0 || failures.length < outcomes.length) return;
  const tenantWide = failures.find((o) => !o.ok && ["no_connector", "connector_unavailable"].includes(o.error.kind));
  const first = tenantWide ?? failures[0]!;
  if (!first.ok) throw callErrorToAppError(first.error);
}
