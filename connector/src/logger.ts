// Structured JSON logs (one object per line on stderr): timestamp, level, logger, message, context, and inside an
// /mcp request the trace_id and span_id it belongs to (the same field names as the cloud's logs).
import { currentTrace } from "./trace.js";
export type LogLevel = "debug" | "info" | "warn" | "error";
const LEVEL_ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(message: string, context?: Record<string, unknown>): void;
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
  child(name: string): Logger;
}

export interface LoggerOptions {
  level?: LogLevel;
  write?: (line: string) => void;
  /** Values that must never appear in a log line (API keys, tokens); replaced by "********". */
  secrets?: readonly string[];
}

export function createLogger(name: string, options: LoggerOptions = {}): Logger {
  const threshold = LEVEL_ORDER[options.level ?? "info"];
  const write = options.write ?? ((line: string) => process.stderr.write(line + "\n"));
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 4);

  const emit = (level: LogLevel, message: string, context?: Record<string, unknown>) => {
    if (LEVEL_ORDER[level] < threshold) return;
    const trace = currentTrace();
    let line = JSON.stringify({
      timestamp: new Date().toISOString(),
      level,
      logger: name,
      message,
      context: context ?? {},
      ...(trace ? { trace_id: trace.traceId, span_id: trace.spanId, ...(trace.parentSpanId ? { parent_span_id: trace.parentSpanId } : {}) } : {}),
    });
    for (const secret of secrets) line = line.split(secret).join("********");
    write(line);
  };
  return {
    debug: (m, c) => emit("debug", m, c),
    info: (m, c) => emit("info", m, c),
    warn: (m, c) => emit("warn", m, c),
    error: (m, c) => emit("error", m, c),
    child: (child) => createLogger(`${name}.${child}`, options),
  };
}

export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child: () => silentLogger,
};
