// Carries the W3C trace id of the /mcp request being served, so every log line of that request can include it.
import { AsyncLocalStorage } from "node:async_hooks";

const storage = new AsyncLocalStorage<{ traceId?: string }>();

/** Extracts the trace id from a `traceparent` header (version-traceid-parentid-flags). */
export function traceIdFrom(traceparent: string | string[] | undefined): string | undefined {
  const value = Array.isArray(traceparent) ? traceparent[0] : traceparent;
  const match = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/.exec(value?.trim().toLowerCase() ?? "");
  const traceId = match?.[1];
  return traceId && !/^0+$/.test(traceId) ? traceId : undefined;
}

export function withTrace<T>(traceId: string | undefined, fn: () => T): T {
  return storage.run(traceId ? { traceId } : {}, fn);
}

export function currentTraceId(): string | undefined {
  return storage.getStore()?.traceId;
}
