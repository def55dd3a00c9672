// Spans through @opentelemetry/api without an SDK or exporter: a minimal tracer provider whose spans carry real
// W3C ids, so the span ids in our JSON logs and traceparent headers are the spans' own. Swap in an SDK provider
// (with an exporter) later and the call sites stay the same.
import {
  type Attributes,
  type Context,
  context as otelContext,
  type Exception,
  type Link,
  ROOT_CONTEXT,
  type Span,
  type SpanAttributeValue,
  type SpanContext,
  SpanKind,
  type SpanOptions,
  type SpanStatus,
  type TimeInput,
  trace,
  TraceFlags,
  type Tracer,
  type TracerProvider,
} from "@opentelemetry/api";
import { newSpanId, type TraceContext, traceFromHeader } from "./trace";

export { SpanKind };

function randomTraceId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** A span that keeps what it was told in memory; `ended` and `durationMs` make it testable. */
export class RecordedSpan implements Span {
  attributes: Attributes = {};
  status: SpanStatus = { code: 0 };
  ended = false;
  endTime: number | undefined;
  readonly startTime: number;

  constructor(
    readonly name: string,
    private readonly context: SpanContext,
    readonly kind: SpanKind,
    readonly parentSpanId: string | undefined,
    startTime?: TimeInput,
  ) {
    this.startTime = typeof startTime === "number" ? startTime : Date.now();
  }

  spanContext(): SpanContext {
    return this.context;
  }
  setAttribute(key: string, value: SpanAttributeValue): this {
    this.attributes[key] = value;
    return this;
  }
  setAttributes(attributes: Attributes): this {
    Object.assign(this.attributes, attributes);
    return this;
  }
  addEvent(): this {
    return this;
  }
  addLink(_link: Link): this {
    return this;
  }
  addLinks(_links: Link[]): this {
    return this;
  }
  setStatus(status: SpanStatus): this {
    this.status = status;
    return this;
  }
  updateName(): this {
    return this;
  }
  end(endTime?: TimeInput): void {
    if (this.ended) return;
    this.ended = true;
    this.endTime = typeof endTime === "number" ? endTime : Date.now();
  }
  isRecording(): boolean {
    return !this.ended;
  }
  recordException(exception: Exception): void {
    this.attributes["exception.message"] = typeof exception === "string" ? exception : (exception.message ?? String(exception));
  }
}

class AutoArrTracer implements Tracer {
  startSpan(name: string, options: SpanOptions = {}, context: Context = otelContext.active()): Span {
    const parent = options.root ? undefined : trace.getSpanContext(context);
    const valid = parent && trace.isSpanContextValid(parent);
    const spanContext: SpanContext = {
      traceId: valid ? parent.traceId : randomTraceId(),
      spanId: newSpanId(),
      traceFlags: valid ? parent.traceFlags : TraceFlags.SAMPLED,
    };
    const span = new RecordedSpan(name, spanContext, options.kind ?? SpanKind.INTERNAL, valid ? parent.spanId : undefined, options.startTime);
    if (options.attributes) span.setAttributes(options.attributes);
    return span;
  }

  startActiveSpan<F extends (span: Span) => unknown>(name: string, ...rest: unknown[]): ReturnType<F> {
    const fn = rest[rest.length - 1] as F;
    const options = (rest.length > 1 ? rest[0] : {}) as SpanOptions;
    const parent = (rest.length > 2 ? rest[1] : otelContext.active()) as Context;
    const span = this.startSpan(name, options, parent);
    return otelContext.with(trace.setSpan(parent, span), () => fn(span)) as ReturnType<F>;
  }
}

const provider: TracerProvider = { getTracer: () => new AutoArrTracer() };
// Registration is per isolate; if another provider got there first its spans are used and their ids still logged.
trace.setGlobalTracerProvider(provider);

export function tracer(): Tracer {
  return trace.getTracer("autoarr");
}

/**
 * Starts a span continuing the W3C `traceparent` (or a new trace) and returns it with the TraceContext that
 * loggers and outgoing headers use, whose span id is the span's.
 */
export function startSpan(
  name: string,
  traceparent: string | null | undefined,
  kind: SpanKind,
  attributes: Attributes = {},
): { span: Span; trace: TraceContext } {
  const incoming = traceparent ? traceFromHeader(traceparent) : undefined;
  const parent = incoming?.parentSpanId
    ? trace.setSpanContext(ROOT_CONTEXT, {
        traceId: incoming.traceId,
        spanId: incoming.parentSpanId,
        traceFlags: incoming.sampled ? TraceFlags.SAMPLED : TraceFlags.NONE,
        isRemote: true,
      })
    : ROOT_CONTEXT;
  const span = tracer().startSpan(name, { kind, attributes }, parent);
  const { traceId, spanId, traceFlags } = span.spanContext();
  return {
    span,
    trace: {
      traceId,
      spanId,
      sampled: (traceFlags & TraceFlags.SAMPLED) === TraceFlags.SAMPLED,
      ...(incoming?.parentSpanId ? { parentSpanId: incoming.parentSpanId } : {}),
    },
  };
}
