// What a log line may carry of an error: its name, message, stack and cause chain, never a failed query's bound
// values. drizzle writes them into the message ("Failed query: <sql>\nparams: <values>"), and they can be secrets
// (a sealed webhook URL, a password hash), so the SQL text stays and the values go — wherever the error ends up
// in the log context, as an object or already turned into a string.
import { DrizzleQueryError } from "drizzle-orm";

const REDACTED = "[redacted]";
/** From drizzle's "\nparams: " to the end of the message, or to the first stack frame when it is in a stack. */
const PARAMS = /\nparams: [\s\S]*?(?=\n\s+at |$)/g;
/** Shorter values are left alone in free text: "1" or "auto" would tear the SQL apart and say nothing secret. */
const MIN_REDACTED_VALUE_LENGTH = 8;
const MAX_DEPTH = 6;

export function redactQueryParams(text: string): string {
  return text.replace(PARAMS, `\nparams: ${REDACTED}`);
}

/** The bound values of every failed query in an error's cause chain, as they could be spelled in its texts. */
function boundValues(error: unknown): string[] {
  const values: string[] = [];
  for (let e = error, depth = 0; e instanceof Error && depth < MAX_DEPTH; e = e.cause, depth++) {
    if (!(e instanceof DrizzleQueryError)) continue;
    for (const param of e.params) {
      const text = typeof param === "string" ? param : JSON.stringify(param);
      if (text && text.length >= MIN_REDACTED_VALUE_LENGTH) values.push(text, JSON.stringify(text).slice(1, -1));
    }
  }
  return values;
}

function scrub(text: string, values: string[]): string {
  let scrubbed = redactQueryParams(text);
  for (const value of values) scrubbed = scrubbed.split(value).join(REDACTED);
  return scrubbed;
}

export interface LoggableError {
  name: string;
  message: string;
  stack?: string;
  /** For a failed query: its SQL text (with placeholders, never the values). */
  query?: string;
  cause?: LoggableError | string;
}

function describe(error: unknown, values: string[], depth: number): LoggableError | string {
  if (!(error instanceof Error)) return scrub(String(error), values);
  const described: LoggableError = {
    name: error instanceof DrizzleQueryError ? "DrizzleQueryError" : error.name,
    message: scrub(error.message, values),
    ...(error.stack ? { stack: scrub(error.stack, values) } : {}),
    ...(error instanceof DrizzleQueryError ? { query: error.query } : {}),
  };
  if (error.cause !== undefined && depth < MAX_DEPTH) described.cause = describe(error.cause, values, depth + 1);
  return described;
}

export function loggableError(error: unknown): LoggableError | string {
  return describe(error, boundValues(error), 0);
}

/** A log context with every error described by loggableError and every text rid of query parameters. */
export function redactForLog(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactQueryParams(value);
  if (value instanceof Error) return loggableError(value);
  if (value === null || typeof value !== "object" || depth >= MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item) => redactForLog(item, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactForLog(item, depth + 1)]));
}
