// W3C trace context: honour an incoming traceparent, or start a new trace.
export interface TraceContext {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  sampled: boolean;
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

function randomHex(bytes: number): string {
  const buf = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(buf, (b) => b.toString(16).padStart(2, "0")).join("");
}

export function newSpanId(): string {
  return randomHex(8);
}

export function traceFromHeader(header: string | null | undefined): TraceContext {
  const match = header ? TRACEPARENT.exec(header.trim().toLowerCase()) : null;
  const [, traceId, parentSpanId, flags] = match ?? [];
  if (traceId && parentSpanId && flags && !/^0+$/.test(traceId) && !/^0+$/.test(parentSpanId)) {
    return { traceId, parentSpanId, spanId: newSpanId(), sampled: (parseInt(flags, 16) & 1) === 1 };
  }
  return { traceId: randomHex(16), spanId: newSpanId(), sampled: true };
}

export function toTraceparent(trace: TraceContext): string {
  return `00-${trace.traceId}-${trace.spanId}-${trace.sampled ? "01" : "00"}`;
}
