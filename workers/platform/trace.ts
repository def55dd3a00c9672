// W3C trace context: honour an incoming traceparent (read by the contract, as the connector reads it), or start a new trace.
import { parseTraceparent } from "@autoarr/contract";

export interface TraceContext {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  sampled: boolean;
}

function randomHex(bytes: number): string {
  const buf = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(buf, (b) => b.toString(16).padStart(2, "0")).join("");
}

export function newSpanId(): string {
  return randomHex(8);
}

export function traceFromHeader(header: string | null | undefined): TraceContext {
  const incoming = parseTraceparent(header);
  if (incoming)
    return { traceId: incoming.traceId, parentSpanId: incoming.parentSpanId, spanId: newSpanId(), sampled: (parseInt(incoming.flags, 16) & 1) === 1 };
  return { traceId: randomHex(16), spanId: newSpanId(), sampled: true };
}

export function toTraceparent(trace: TraceContext): string {
  return `00-${trace.traceId}-${trace.spanId}-${trace.sampled ? "01" : "00"}`;
}
