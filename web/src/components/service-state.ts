import type { CircuitState } from "../api/api-types";

export type ServiceStateLook = { label: string; tone: "good" | "bad" | "warn" | "idle" };

const LOOKS: Record<CircuitState, ServiceStateLook> = {
  closed: { label: "Healthy", tone: "good" },
  open: { label: "Down", tone: "bad" },
  half_open: { label: "Recovering", tone: "warn" },
};

export const NOT_CONNECTED: ServiceStateLook = { label: "Not connected", tone: "idle" };

export const lookOf = (state: CircuitState | undefined): ServiceStateLook => (state ? LOOKS[state] : NOT_CONNECTED);
