// Structured JSON logs: one line per event, with the trace it belongs to. Errors in the context are described
// without a failed query's bound values (see log-redaction.ts).
import { redactForLog, redactQueryParams } from "./log-redaction";
import type { TraceContext } from "./trace";

export type LogLevel = "debug" | "info" | "warn" | "error";

export interface Logger {
  debug(message: string, context?: Record<string, unknown>): void;
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
  child(logger: string, trace?: TraceContext): Logger;
}

export function createLogger(logger: string, trace?: TraceContext): Logger {
  const write = (level: LogLevel, message: string, context?: Record<string, unknown>) => {
    const line = JSON.stringify({
      timestamp: new Date().toISOString(),
      level,
      logger,
      message: redactQueryParams(message),
      ...(context ? { context: redactForLog(context) } : {}),
      ...(trace ? { trace_id: trace.traceId, span_id: trace.spanId } : {}),
    });
    if (level === "error") console.error(line);
    else if (level === "warn") console.warn(line);
    else console.log(line);
  };
  return {
    debug: (m, c) => write("debug", m, c),
    info: (m, c) => write("info", m, c),
    warn: (m, c) => write("warn", m, c),
    error: (m, c) => write("error", m, c),
    child: (name, childTrace) => createLogger(name, childTrace ?? trace),
  };
}
