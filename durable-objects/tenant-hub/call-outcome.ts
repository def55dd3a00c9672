// What a call through the orchestrator returns: the tool's data, or an error that says whose fault it was.
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";

/** JSON values: what crosses the Durable Object RPC boundary (a plain `unknown` would not type-check there). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface ToolSummary {
  name: string;
  title?: string;
  description?: string;
  inputSchema: { [key: string]: JsonValue };
  annotations?: { readOnlyHint?: boolean; destructiveHint?: boolean; idempotentHint?: boolean };
}

export const BREAKER_KEYS = ["connector", "sabnzbd", "sonarr", "radarr", "plex"] as const;
export type BreakerKey = (typeof BREAKER_KEYS)[number];
export type AppKey = Exclude<BreakerKey, "connector">;

export type CallErrorKind =
  | "no_connector"
  | "unknown_tool"
  | "invalid_arguments"
  | "circuit_open"
  | "connector_unavailable"
  | "timeout"
  | "outcome_unknown"
  | "app_unavailable"
  | "app_error";

export interface CallError {
  kind: CallErrorKind;
  message: string;
  /** Which part failed: an app, or the connector itself. */
  source?: BreakerKey;
  retryInMs?: number;
  details?: JsonValue;
}

export type CallOutcome =
  | { ok: true; tool: string; app: AppKey; data: JsonValue; text: string; latencyMs: number; attempts: number }
  | { ok: false; tool: string; app?: AppKey; error: CallError; latencyMs: number; attempts: number };

const APP_NAMES: Record<AppKey, string> = { sabnzbd: "SABnzbd", sonarr: "Sonarr", radarr: "Radarr", plex: "Plex" };

export function appOfTool(tool: string): AppKey | undefined {
  const prefix = tool.split("_")[0];
  return prefix && Object.hasOwn(APP_NAMES, prefix) ? (prefix as AppKey) : undefined;
}

export function displayName(key: BreakerKey): string {
  return key === "connector" ? "The connector" : APP_NAMES[key];
}

/** The connector tags failures with their kind in `_meta`; older connectors only send text. */
const FAILURE_META_KEY = "autoarr/failure";

export interface ToolFailure {
  kind: string;
  status?: number;
  /** For a timeout: the limit the app did not answer within, as the connector applied it. */
  timeoutMs?: number;
  message: string;
}

export function toolFailure(result: CallToolResult): ToolFailure | undefined {
  if (!result.isError) return undefined;
  const text = result.content.map((c) => (c.type === "text" ? c.text : "")).join(" ").trim() || "The tool reported an error";
  const meta = result._meta?.[FAILURE_META_KEY] as { kind?: unknown; status?: unknown; timeoutMs?: unknown } | undefined;
  if (meta && typeof meta.kind === "string") {
    return {
      kind: meta.kind,
      message: text,
      ...(typeof meta.status === "number" ? { status: meta.status } : {}),
      ...(typeof meta.timeoutMs === "number" && Number.isFinite(meta.timeoutMs) ? { timeoutMs: meta.timeoutMs } : {}),
    };
  }
  const kind = /unreachable|connection (refused|reset)/i.test(text)
    ? "unreachable"
    : /did not answer within/i.test(text)
      ? "timeout"
      : /malformed/i.test(text)
        ? "malformed"
        : /rejected|API key/i.test(text)
          ? "auth"
          : "app";
  return { kind, message: text };
}

/** Failures that say the app is unhealthy (count towards its breaker), as opposed to a refused request. */
export function isAppHealthFailure(failure: ToolFailure): boolean {
  if (["unreachable", "timeout", "malformed", "auth"].includes(failure.kind)) return true;
  return failure.kind === "http" && (failure.status ?? 500) >= 500;
}

export function resultText(result: CallToolResult): string {
  return result.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");
}
