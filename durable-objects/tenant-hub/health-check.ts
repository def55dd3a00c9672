// The hub's health decisions: which circuits a tenant's health report covers and how each reads, which status
// tools a health check pings, and when the next check is due.
import { appOfTool, BREAKER_KEYS, type BreakerKey, STATUS_TOOLS } from "@autoarr/contract";
import { type Circuit, currentError } from "./circuit-breaker.logic";

export const HEALTH_CHECK_INTERVAL_MS = 60_000;

export interface ServiceHealth {
  state: "closed" | "open" | "half_open";
  lastSuccessAt: string | null;
  /** The error since the last success and when it happened; both null once a call succeeds. */
  lastError: string | null;
  lastErrorAt: string | null;
  latencyMs: number | null;
}

/** The connector, every app it offers tools for, and any circuit with a history, in the registry's order. */
export function healthReport(
  toolNames: string[],
  circuits: Partial<Record<BreakerKey, Circuit>>,
  circuitOf: (key: BreakerKey) => Circuit,
): Partial<Record<BreakerKey, ServiceHealth>> {
  const tracked = new Set<BreakerKey>(["connector"]);
  for (const name of toolNames) {
    const app = appOfTool(name);
    if (app) tracked.add(app);
  }
  for (const key of Object.keys(circuits) as BreakerKey[]) tracked.add(key);
  const result: Partial<Record<BreakerKey, ServiceHealth>> = {};
  for (const key of BREAKER_KEYS.filter((k) => tracked.has(k))) {
    const c = circuitOf(key);
    const error = currentError(c);
    result[key] = {
      state: c.state,
      lastSuccessAt: c.lastSuccessAt ? new Date(c.lastSuccessAt).toISOString() : null,
      lastError: error?.message ?? null,
      lastErrorAt: error ? new Date(error.at).toISOString() : null,
      latencyMs: c.latencyMs,
    };
  }
  return result;
}

/** Each app's status tool the connector offers: what one health check pings. */
export function statusCalls(offered: string[]): { tool: string }[] {
  const names = new Set(offered);
  return (Object.values(STATUS_TOOLS) as string[]).filter((t) => names.has(t)).map((tool) => ({ tool }));
}

/**
 * Health checks run every 60 s while someone watches (open sockets), or while an app's circuit is not closed and the
 * connector answers. A connector that does not, with nobody watching, is left to the check schedule's backoff
 * (check-schedule.ts): a dead NAS then costs one cheap attempt per wait, not one a minute.
 */
export function healthCheckWanted(openSockets: number, circuits: Partial<Record<BreakerKey, Circuit>>): boolean {
  if (openSockets > 0) return true;
  if (circuits.connector && circuits.connector.state !== "closed") return false;
  return Object.entries(circuits).some(([key, c]) => key !== "connector" && c.state !== "closed");
}
