// A circuit breaker as a pure state machine: closed → open after N consecutive failures; open fails fast
// for openMs; then half-open lets one trial call through; success closes it, any failure reopens it.

export type CircuitState = "closed" | "open" | "half_open";

export interface CircuitConfig {
  failureThreshold: number;
  openMs: number;
}

export const DEFAULT_CIRCUIT_CONFIG: CircuitConfig = { failureThreshold: 5, openMs: 60_000 };

export interface Circuit {
  state: CircuitState;
  consecutiveFailures: number;
  openedAt: number | null;
  /** True while the single half-open trial call is in flight. */
  trialInFlight: boolean;
  lastSuccessAt: number | null;
  /** The latest failure since the last success, and when it happened; both cleared by a success. */
  lastFailureAt: number | null;
  lastError: string | null;
  latencyMs: number | null;
}

export const CLOSED_CIRCUIT: Circuit = {
  state: "closed",
  consecutiveFailures: 0,
  openedAt: null,
  trialInFlight: false,
  lastSuccessAt: null,
  lastFailureAt: null,
  lastError: null,
  latencyMs: null,
};

export type CircuitEvent = { type: "request" } | { type: "success"; latencyMs: number } | { type: "failure"; error: string; latencyMs?: number };

export interface Transition {
  circuit: Circuit;
  /** For a request: whether the call may go ahead. */
  permitted: boolean;
  /** Set when the state changed, so callers can announce it. */
  changedFrom?: CircuitState;
}

function withState(circuit: Circuit, next: Circuit): Transition {
  return { circuit: next, permitted: true, ...(next.state !== circuit.state ? { changedFrom: circuit.state } : {}) };
}

export function next(circuit: Circuit, event: CircuitEvent, now: number, config: CircuitConfig = DEFAULT_CIRCUIT_CONFIG): Transition {
  switch (event.type) {
    case "request": {
      if (circuit.state === "closed") return { circuit, permitted: true };
      if (circuit.state === "open") {
        if (circuit.openedAt !== null && now - circuit.openedAt >= config.openMs) {
          return withState(circuit, { ...circuit, state: "half_open", trialInFlight: true });
        }
        return { circuit, permitted: false };
      }
      // half_open: only one trial at a time.
      if (circuit.trialInFlight) return { circuit, permitted: false };
      return { circuit: { ...circuit, trialInFlight: true }, permitted: true };
    }
    case "success":
      return withState(circuit, {
        ...circuit,
        state: "closed",
        consecutiveFailures: 0,
        openedAt: null,
        trialInFlight: false,
        lastSuccessAt: now,
        // A closed circuit beside an old error reads as "down but fine"; the past is in the activity log.
        lastFailureAt: null,
        lastError: null,
        latencyMs: event.latencyMs,
      });
    case "failure": {
      const consecutiveFailures = circuit.consecutiveFailures + 1;
      const opens = circuit.state === "half_open" || (circuit.state === "closed" && consecutiveFailures >= config.failureThreshold);
      return withState(circuit, {
        ...circuit,
        state: opens ? "open" : circuit.state,
        consecutiveFailures,
        openedAt: opens ? now : circuit.openedAt,
        trialInFlight: false,
        lastFailureAt: now,
        lastError: event.error,
        latencyMs: event.latencyMs ?? circuit.latencyMs,
      });
    }
  }
}

/**
 * The error of the failures since the last success, with its time; null when the last call succeeded. Circuits stored
 * before a success cleared the error keep it beside zero failures, and are read the same way.
 */
export function currentError(circuit: Circuit): { message: string; at: number } | null {
  if (circuit.consecutiveFailures === 0 || circuit.lastError === null || circuit.lastFailureAt === null) return null;
  return { message: circuit.lastError, at: circuit.lastFailureAt };
}

/** Milliseconds until an open circuit lets a trial through (0 if it would now). */
export function retryInMs(circuit: Circuit, now: number, config: CircuitConfig = DEFAULT_CIRCUIT_CONFIG): number {
  if (circuit.state !== "open" || circuit.openedAt === null) return 0;
  return Math.max(0, circuit.openedAt + config.openMs - now);
}
