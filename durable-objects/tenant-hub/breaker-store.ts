// The tenant's circuit breakers: held in memory, and kept in the Durable Object's storage so they survive eviction.
//
// Why not write every call: a storage write holds the hub's next outgoing message (the call to the connector, the
// answer to the Worker) until it is durable, and four of them per call were most of the hub's own latency. A
// circuit is written when anything that decides a call changes (state, failure count, trial, error); the success
// time and latency, which only inform the health view, at most once a minute per circuit while nothing else changes.
import type { BreakerKey } from "@autoarr/contract";
import { type Circuit, CLOSED_CIRCUIT, type CircuitConfig, type CircuitEvent, DEFAULT_CIRCUIT_CONFIG, next, retryInMs } from "./circuit-breaker.logic";
import type { BreakerGate } from "./orchestrator";

const PREFIX = "circuit:";
/** How stale the stored success time and latency of an otherwise unchanged circuit may get. */
export const HEALTH_DETAIL_PERSIST_MS = 60_000;

export interface CircuitChange {
  key: BreakerKey;
  from: Circuit["state"];
  circuit: Circuit;
}

/** Whether the stored copy must be replaced: anything a decision reads differs, or its health details are old. */
export function needsWrite(stored: Circuit | undefined, current: Circuit, now: number): boolean {
  if (!stored) return current !== CLOSED_CIRCUIT;
  if (
    stored.state !== current.state ||
    stored.consecutiveFailures !== current.consecutiveFailures ||
    stored.openedAt !== current.openedAt ||
    stored.trialInFlight !== current.trialInFlight ||
    stored.lastFailureAt !== current.lastFailureAt ||
    stored.lastError !== current.lastError
  ) {
    return true;
  }
  const detailsChanged = stored.lastSuccessAt !== current.lastSuccessAt || stored.latencyMs !== current.latencyMs;
  return detailsChanged && (stored.lastSuccessAt === null || now - stored.lastSuccessAt >= HEALTH_DETAIL_PERSIST_MS);
}

export class BreakerStore implements BreakerGate {
  private readonly circuits = new Map<BreakerKey, Circuit>();
  /** What storage holds for each circuit, so a write is only made when it would change something that matters. */
  private readonly stored = new Map<BreakerKey, Circuit>();

  constructor(
    private readonly storage: SyncKvStorage,
    private readonly now: () => number,
    private readonly onChange: (change: CircuitChange) => void,
    private readonly config: CircuitConfig = DEFAULT_CIRCUIT_CONFIG,
  ) {
    for (const [name, stored] of storage.list<Circuit>({ prefix: PREFIX })) {
      const key = name.slice(PREFIX.length) as BreakerKey;
      // A trial that was in flight when the object was evicted can never report back.
      const circuit = stored.trialInFlight ? { ...stored, trialInFlight: false } : stored;
      this.stored.set(key, stored);
      this.circuits.set(key, circuit);
      this.persist(key, circuit);
    }
  }

  get(key: BreakerKey): Circuit {
    return this.circuits.get(key) ?? CLOSED_CIRCUIT;
  }

  all(): Partial<Record<BreakerKey, Circuit>> {
    return Object.fromEntries(this.circuits) as Partial<Record<BreakerKey, Circuit>>;
  }

  private persist(key: BreakerKey, circuit: Circuit): void {
    if (!needsWrite(this.stored.get(key), circuit, this.now())) return;
    this.storage.put(PREFIX + key, circuit);
    this.stored.set(key, circuit);
  }

  private set(key: BreakerKey, circuit: Circuit): void {
    if (circuit === this.circuits.get(key)) return;
    this.circuits.set(key, circuit);
    this.persist(key, circuit);
  }

  private apply(key: BreakerKey, event: CircuitEvent) {
    const transition = next(this.get(key), event, this.now(), this.config);
    this.set(key, transition.circuit);
    if (transition.changedFrom) this.onChange({ key, from: transition.changedFrom, circuit: transition.circuit });
    return transition;
  }

  request(key: BreakerKey) {
    const transition = this.apply(key, { type: "request" });
    return { permitted: transition.permitted, retryInMs: retryInMs(transition.circuit, this.now(), this.config) };
  }

  success(key: BreakerKey, latencyMs: number): void {
    this.apply(key, { type: "success", latencyMs });
  }

  failure(key: BreakerKey, error: string, latencyMs?: number): void {
    this.apply(key, { type: "failure", error, ...(latencyMs === undefined ? {} : { latencyMs }) });
  }

  release(key: BreakerKey): void {
    const circuit = this.get(key);
    if (circuit.trialInFlight) this.set(key, { ...circuit, trialInFlight: false });
  }
}
