// The Worker's side of a tenant's hub: a client bound to one tenant, and turning call outcomes into HTTP answers.
import type { CallError, CallOutcome } from "@autoarr/contract";
import type { TenantHub } from "../../durable-objects/tenant-hub/tenant-hub.do";
import type { CallContext, CallRequest } from "../../durable-objects/tenant-hub/orchestrator";
import type { Env } from "../platform/env";
import { AppError, type ErrorCode } from "../platform/errors";
import { type ToolCalls, typedToolCalls } from "./tool-call";

type Promised<T> = T extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
/** Drops the leading tenant id the hub checks on every RPC: the bound client supplies it. */
type Bound<T> = T extends (tenantId: string, ...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;

type TenantMethods =
  | "listTools"
  | "callPassthrough"
  | "serviceHealth"
  | "connectorsChanged"
  | "runHealthCheck"
  | "runQueueCheck"
  | "advanceRequests"
  | "runChecks"
  | "checkNow"
  | "ensureScheduled"
  | "decideApproval"
  | "notify"
  | "admitRequest"
  | "endSessions";
type PlainMethods = "broadcast" | "consumeRateLimit" | "metricsSnapshot" | "connectorSessionsOpened";

/** The hub's RPC methods as plain promises (the generated RPC types recurse too deeply on JSON values). */
type HubStub = { [K in TenantMethods | PlainMethods | "callTool" | "callMany"]: Promised<TenantHub[K]> };

/** One tenant's hub: every method acts for that tenant; tool calls are typed by their contract refs. */
export type HubClient = ToolCalls & { readonly tenantId: string } & { [K in TenantMethods]: Bound<TenantHub[K]> } & {
  [K in PlainMethods]: Promised<TenantHub[K]>;
} & {
  /** A tool named at run time (the user's own MCP call): untyped, checked against the tool's input schema by the hub. */
  callByName(tool: string, args: Record<string, unknown>, context?: CallContext): Promise<CallOutcome>;
  callManyByName(calls: CallRequest[], context?: CallContext): Promise<CallOutcome[]>;
};

export function hubFor(env: Env, tenantId: string): HubClient {
  const stub = env.TENANT_HUB.get(env.TENANT_HUB.idFromName(tenantId)) as unknown as HubStub;
  const typed = typedToolCalls({
    callTool: (tool, args, context) => stub.callTool(tenantId, tool, args, context),
    callMany: (calls, context) => stub.callMany(tenantId, calls, context),
  });
  return {
    tenantId,
    call: typed.call,
    callMany: typed.callMany,
    callByName: (tool, args, context) => stub.callTool(tenantId, tool, args, context),
    callManyByName: (calls, context) => stub.callMany(tenantId, calls, context),
    listTools: (context) => stub.listTools(tenantId, context),
    callPassthrough: (tool, args, context) => stub.callPassthrough(tenantId, tool, args, context),
    serviceHealth: () => stub.serviceHealth(tenantId),
    connectorsChanged: () => stub.connectorsChanged(tenantId),
    runHealthCheck: () => stub.runHealthCheck(tenantId),
    runQueueCheck: () => stub.runQueueCheck(tenantId),
    advanceRequests: () => stub.advanceRequests(tenantId),
    runChecks: () => stub.runChecks(tenantId),
    checkNow: () => stub.checkNow(tenantId),
    ensureScheduled: () => stub.ensureScheduled(tenantId),
    decideApproval: (actionId, approve) => stub.decideApproval(tenantId, actionId, approve),
    notify: (notifications) => stub.notify(tenantId, notifications),
    admitRequest: (rules, session) => stub.admitRequest(tenantId, rules, session),
    endSessions: (target) => stub.endSessions(tenantId, target),
    broadcast: (event) => stub.broadcast(event),
    consumeRateLimit: (rules) => stub.consumeRateLimit(rules),
    metricsSnapshot: () => stub.metricsSnapshot(),
    connectorSessionsOpened: () => stub.connectorSessionsOpened(),
  };
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
export function unwrap<O>(outcome: CallOutcome<O>): O {
  if (outcome.ok) return outcome.data;
  throw callErrorToAppError(outcome.error);
}

/**
 * For a batch over several apps: when every call failed for the same tenant-wide reason (no connector, the
 * connector down), that is the answer; otherwise the caller shows what the apps that answered could give.
 */
export function requireSomeAnswer(outcomes: CallOutcome<unknown>[]): void {
  const failures = outcomes.filter((o) => !o.ok);
  if (failures.length === 0 || failures.length < outcomes.length) return;
  const tenantWide = failures.find((o) => !o.ok && ["no_connector", "connector_unavailable"].includes(o.error.kind));
  const first = tenantWide ?? failures[0]!;
  if (!first.ok) throw callErrorToAppError(first.error);
}
