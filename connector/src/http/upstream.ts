// One HTTP call to a configured app, with a timeout and failures classified into safe, user-facing text.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "../logger.js";

export type FailureKind = "auth" | "unreachable" | "timeout" | "malformed" | "http" | "app" | "validation" | "not_found";

export interface AppFailure {
  kind: FailureKind;
  /** Safe to show to a user or a model: no URLs, keys or stack traces. */
  message: string;
  status?: number;
  /** For a timeout: the limit the app did not answer within. */
  timeoutMs?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; failure: AppFailure };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (failure: AppFailure): Result<never> => ({ ok: false, failure });

export interface AppTarget {
  /** Display name used in messages, e.g. "Sonarr". */
  appName: string;
  baseUrl: string;
  timeoutMs: number;
  headers: Record<string, string>;
  query: Record<string, string>;
  logger: Logger;
}

export interface UpstreamRequest {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  query?: Record<string, string | number | boolean | readonly (string | number)[] | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  /** This request's own limit instead of the app's (a release search); the call's budget still bounds it. */
  timeoutMs?: number;
}

export interface UpstreamResponse {
  status: number;
  contentType: string;
  text: string;
}

export function buildUrl(target: AppTarget, request: UpstreamRequest): URL {
  const base = target.baseUrl.endsWith("/") ? target.baseUrl : target.baseUrl + "/";
  const url = new URL(request.path.replace(/^\//, ""), base);
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) url.searchParams.append(key, String(item));
    else url.searchParams.set(key, String(value));
  }
  for (const [key, value] of Object.entries(target.query)) url.searchParams.set(key, value);
  return url;
}

/** The deadline shared by every request one tool call makes to its app. */
const callBudget = new AsyncLocalStorage<{ deadline: number; budgetMs: number }>();

/**
 * Runs one tool call so that all its requests to the app end within `budgetMs` together: the connector advertises
 * this as its app timeout, and the hub waits that long plus a margin, so a slow app can never outlast the hub.
 */
export function withinAppTimeout<T>(budgetMs: number, run: () => Promise<T>): Promise<T> {
  return callBudget.run({ deadline: Date.now() + budgetMs, budgetMs }, run);
}

/** Performs the request; any HTTP status is a success here, only transport problems fail. */
export async function send(target: AppTarget, request: UpstreamRequest): Promise<Result<UpstreamResponse>> {
  const budget = callBudget.getStore();
  const requestLimitMs = request.timeoutMs ?? target.timeoutMs;
  const limitMs = budget?.budgetMs ?? requestLimitMs;
  const remainingMs = budget ? Math.min(requestLimitMs, budget.deadline - Date.now()) : requestLimitMs;
  if (remainingMs <= 0) return fail(timedOut(target, limitMs));
  const url = buildUrl(target, request);
  const method = request.method ?? "GET";
  const headers: Record<string, string> = { Accept: "application/json", ...target.headers, ...request.headers };
  let body: string | undefined;
  if (request.body !== undefined) {
    body = JSON.stringify(request.body);
    headers["Content-Type"] = "application/json";
  }
  const started = Date.now();
  try {
    const response = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(remainingMs) });
    const text = await response.text();
    target.logger.debug("upstream call", { app: target.appName, method, path: url.pathname, status: response.status, ms: Date.now() - started });
    return ok({ status: response.status, contentType: response.headers.get("content-type") ?? "", text });
  } catch (error) {
    const failure = classifyTransportError(target, error, limitMs);
    target.logger.warn("upstream call failed", {
      app: target.appName,
      method,
      path: url.pathname,
      ms: Date.now() - started,
      kind: failure.kind,
      detail: describeError(error),
    });
    return fail(failure);
  }
}

function timedOut(target: AppTarget, limitMs: number): AppFailure {
  return { kind: "timeout", message: `${target.appName} did not answer within ${formatSeconds(limitMs)}`, timeoutMs: limitMs };
}

function classifyTransportError(target: AppTarget, error: unknown, limitMs: number): AppFailure {
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || name === "AbortError") return timedOut(target, limitMs);
  const code = errorCode(error);
  const reason =
    code === "ECONNREFUSED"
      ? "connection refused"
      : code === "ECONNRESET" || code === "UND_ERR_SOCKET"
        ? "connection reset"
        : code === "ENOTFOUND" || code === "EAI_AGAIN"
          ? "host name not found"
          : code === "EHOSTUNREACH" || code === "ENETUNREACH"
            ? "host unreachable"
            : code === "ETIMEDOUT"
              ? "connection timed out"
              : code?.startsWith("ERR_TLS") || code?.includes("CERT")
                ? "TLS handshake failed"
                : "connection failed";
  return { kind: "unreachable", message: `${target.appName} is unreachable at its configured URL (${reason})` };
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
}

export function parseJson(appName: string, response: UpstreamResponse): Result<unknown> {
  try {
    return ok(JSON.parse(response.text));
  } catch {
    return fail({ kind: "malformed", message: `${appName} returned malformed JSON (HTTP ${response.status})` });
  }
}
