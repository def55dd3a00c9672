import type { CircuitState, ServiceHealth } from "../api/api-types";

export type ServiceStateLook = { label: string; tone: "good" | "bad" | "warn" | "idle" };

const LOOKS: Record<CircuitState, ServiceStateLook> = {
  closed: { label: "Healthy", tone: "good" },
  open: { label: "Down", tone: "bad" },
  half_open: { label: "Recovering", tone: "warn" },
};

export const NOT_CONNECTED: ServiceStateLook = { label: "Not connected", tone: "idle" };

export const lookOf = (state: CircuitState | undefined): ServiceStateLook => (state ? LOOKS[state] : NOT_CONNECTED);

/** The error worth showing beside the state: none once the service is healthy again (its circuit closed, or a success
 * after the error), so a card never says "Healthy" next to an old "unreachable". */
export function currentError(health: ServiceHealth | undefined): string | null {
  if (!health?.lastError || health.state === "closed") return null;
  const succeededAt = health.lastSuccessAt ? Date.parse(health.lastSuccessAt) : Number.NaN;
  const failedAt = health.lastErrorAt ? Date.parse(health.lastErrorAt) : Number.NaN;
  if (!Number.isNaN(succeededAt) && (Number.isNaN(failedAt) || succeededAt > failedAt)) return null;
  return health.lastError;
}
