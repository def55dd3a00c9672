// The tenant's circuit breakers, kept in the Durable Object's storage so they survive eviction.
import type { BreakerKey } from "@autoarr/contract";
import { type Circuit, CLOSED_CIRCUIT, type CircuitConfig, type CircuitEvent, DEFAULT_CIRCUIT_CONFIG, next, retryInMs } from "./circuit-breaker.logic";
import type { BreakerGate } from "./orchestrator";

const PREFIX = "circuit:";

export interface CircuitChange {
  key: BreakerKey;
  from: Circuit["state"];
  circuit: Circuit;
}

export class BreakerStore implements BreakerGate {
  constructor(
    private readonly storage: SyncKvStorage,
    private readonly now: () => number,
    private readonly onChange: (change: CircuitChange) => void,
    private readonly config: CircuitConfig = DEFAULT_CIRCUIT_CONFIG,
  ) {
    // A trial that was in flight when the object was evicted can never report back.
    for (const [name, circuit] of storage.list<Circuit>({ prefix: PREFIX })) {
      if (circuit.trialInFlight) storage.put(name, { ...circuit, trialInFlight: false });
    }
  }

  get(key: BreakerKey): Circuit {
    return this.storage.get<Circuit>(PREFIX + key) ?? CLOSED_CIRCUIT;
  }

  all(): Partial<Record<BreakerKey, Circuit>> {
    const result: Partial<Record<BreakerKey, Circuit>> = {};
    for (const [name, circuit] of this.storage.list<Circuit>({ prefix: PREFIX })) {
      result[name.slice(PREFIX.length) as BreakerKey] = circuit;
    }
    return result;
  }

  private apply(key: BreakerKey, event: CircuitEvent) {
    const now = this.now();
    const transition = next(this.get(key), event, now, this.config);
    this.storage.put(PREFIX + key, transition.circuit);
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
    if (circuit.trialInFlight) this.storage.put(PREFIX + key, { ...circuit, trialInFlight: false });
  }
}
