// Carries the W3C trace of the /mcp request being served: the caller's trace id and a span of our own (its parent
// is the caller's span), so every log line of that request has trace_id and span_id like the cloud's logs.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import { parseTraceparent } from "@autoarr/contract";

export interface TraceSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
}

const storage = new AsyncLocalStorage<TraceSpan | undefined>();

/** Extracts the trace id from a `traceparent` header (version-traceid-parentid-flags). */
export function traceIdFrom(traceparent: string | string[] | undefined): string | undefined {
  return spanFrom(traceparent)?.traceId;
}

/** A new span continuing the caller's trace, or undefined without a valid traceparent. */
export function spanFrom(traceparent: string | string[] | undefined): TraceSpan | undefined {
  const value = Array.isArray(traceparent) ? traceparent[0] : traceparent;
  const incoming = parseTraceparent(value);
  return incoming && { traceId: incoming.traceId, parentSpanId: incoming.parentSpanId, spanId: randomBytes(8).toString("hex") };
}

export function withTrace<T>(trace: TraceSpan | string | undefined, fn: () => T): T {
  const span = typeof trace === "string" ? { traceId: trace, spanId: randomBytes(8).toString("hex") } : trace;
  return storage.run(span, fn);
}

export function currentTrace(): TraceSpan | undefined {
  return storage.getStore();
}

export function currentTraceId(): string | undefined {
  return storage.getStore()?.traceId;
}
