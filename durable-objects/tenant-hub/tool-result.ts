// The hub's reading of a connector's tool result: the failure it reports (kind, status, limit) or its text.
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { FAILURE_META_KEY } from "@autoarr/contract";

export interface ToolFailure {
  kind: string;
  status?: number;
  /** For a timeout: the limit the app did not answer within, as the connector applied it. */
  timeoutMs?: number;
  message: string;
}

export function toolFailure(result: CallToolResult): ToolFailure | undefined {
  if (!result.isError) return undefined;
  const text =
    result.content
      .map((c) => (c.type === "text" ? c.text : ""))
      .join(" ")
      .trim() || "The tool reported an error";
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

export function resultText(result: CallToolResult): string {
  return result.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");
}
