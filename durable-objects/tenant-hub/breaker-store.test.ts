import { describe, expect, it } from "vitest";
import { BreakerStore, HEALTH_DETAIL_PERSIST_MS } from "./breaker-store";
import type { Circuit } from "./circuit-breaker.logic";

/** The part of a Durable Object's synchronous KV storage the store uses, counting writes. */
function countingStorage() {
  const data = new Map<string, unknown>();
  let writes = 0;
  const storage = {
    get: (key: string) => structuredClone(data.get(key)),
    put: (key: string, value: unknown) => {
      writes++;
      data.set(key, structuredClone(value));
    },
    delete: (key: string) => data.delete(key),
    list: ({ prefix }: { prefix: string }) => [...data].filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k, structuredClone(v)] as [string, unknown]),
  };
  return { storage: storage as unknown as SyncKvStorage, writes: () => writes, data };
}

const config = { failureThreshold: 3, openMs: 60_000 };

function call(store: BreakerStore, ok: boolean, latencyMs = 5) {
  const { permitted } = store.request("sonarr");
  if (!permitted) return false;
  if (ok) store.success("sonarr", latencyMs);
  else store.failure("sonarr", "connection refused", latencyMs);
  return true;
}

describe("breaker store", () => {
  it("writes a healthy circuit once, not once per call", () => {
    const { storage, writes } = countingStorage();
    let now = 1_000;
    const store = new BreakerStore(
      storage,
      () => now,
      () => {},
      config,
    );
    for (let i = 0; i < 100; i++) {
      call(store, true, i);
      now += 100;
    }
    expect(writes()).toBe(1);
    // The view in memory is current all the same.
    expect(store.get("sonarr")).toMatchObject({ state: "closed", latencyMs: 99, lastSuccessAt: now - 100 });
  });

  it("refreshes the stored success time and latency once they are a minute old", () => {
    const { storage, writes, data } = countingStorage();
    let now = 0;
    const store = new BreakerStore(
      storage,
      () => now,
      () => {},
      config,
    );
    call(store, true);
    now += HEALTH_DETAIL_PERSIST_MS - 1;
    call(store, true);
    expect(writes()).toBe(1);
    now += 1;
    call(store, true, 42);
    expect(writes()).toBe(2);
    expect(data.get("circuit:sonarr")).toMatchObject({ lastSuccessAt: now, latencyMs: 42 });
  });

  it("writes every failure, the opening and the trial, so a rebuilt hub decides as the old one would", () => {
    const { storage, writes } = countingStorage();
    let now = 0;
    const changes: string[] = [];
    const store = new BreakerStore(
      storage,
      () => now,
      (c) => changes.push(`${c.from}→${c.circuit.state}`),
      config,
    );
    call(store, true);
    const before = writes();
    for (let i = 0; i < 3; i++) call(store, false);
    expect(writes() - before).toBe(3);
    expect(changes).toEqual(["closed→open"]);

    // Evicted: a new store over the same storage fails fast too.
    const rebuilt = new BreakerStore(
      storage,
      () => now,
      () => {},
      config,
    );
    expect(rebuilt.request("sonarr").permitted).toBe(false);
    now += config.openMs;
    expect(rebuilt.request("sonarr").permitted).toBe(true); // the half-open trial, written as in flight
    const afterTrial = new BreakerStore(
      storage,
      () => now,
      () => {},
      config,
    );
    // The trial's hub is gone, so it can never report: the next hub may try again.
    expect(afterTrial.get("sonarr")).toMatchObject({ state: "half_open", trialInFlight: false });
    expect(afterTrial.request("sonarr").permitted).toBe(true);
  });

  it("keeps a closed circuit that was only ever asked for out of storage", () => {
    const { storage, writes } = countingStorage();
    const store = new BreakerStore(
      storage,
      () => 0,
      () => {},
      config,
    );
    expect(store.request("plex").permitted).toBe(true);
    store.release("plex");
    expect(writes()).toBe(0);
    expect(store.get("plex")).toMatchObject({ state: "closed" } satisfies Partial<Circuit>);
  });
});
