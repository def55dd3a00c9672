// What a call through the hub returns: the tool's data, or an error that says whose fault it was.
import type { AppId, BreakerKey } from "./apps.js";

/** JSON values: what crosses the Durable Object RPC boundary (a plain `unknown` would not type-check there). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export const CALL_ERROR_KINDS = [
  "no_connector",
  "unknown_tool",
  "invalid_arguments",
  "circuit_open",
  "connector_unavailable",
  "timeout",
  "outcome_unknown",
  "app_unavailable",
  "app_error",
] as const;
export type CallErrorKind = (typeof CALL_ERROR_KINDS)[number];

export interface CallError {
  kind: CallErrorKind;
  message: string;
  /** Which part failed: an app, or the connector itself. */
  source?: BreakerKey;
  retryInMs?: number;
  details?: JsonValue;
}

export type CallOutcome<O = JsonValue> =
  // `app` is absent from a stack tool's answer (tools.stack): it belongs to no app.
  | { ok: true; tool: string; app?: AppId; data: O; text: string; latencyMs: number; attempts: number }
  | { ok: false; tool: string; app?: AppId; error: CallError; latencyMs: number; attempts: number };

export interface ToolSummary {
  name: string;
  title?: string;
  description?: string;
  inputSchema: { [key: string]: JsonValue };
  annotations?: { readOnlyHint?: boolean; destructiveHint?: boolean; idempotentHint?: boolean };
}
