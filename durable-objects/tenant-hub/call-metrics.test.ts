import { describe, expect, it } from "vitest";
import { CallMetrics, METRICS_FLUSH_INTERVAL_MS } from "./call-metrics";

function countingStorage() {
  const data = new Map<string, unknown>();
  let writes = 0;
  const storage = {
    get: (key: string) => data.get(key),
    put: (key: string, value: unknown) => {
      writes++;
      data.set(key, structuredClone(value));
    },
    delete: (key: string) => data.delete(key),
    list: ({ prefix }: { prefix: string }) => [...data].filter(([k]) => k.startsWith(prefix)),
  };
  return { storage: storage as unknown as SyncKvStorage, writes: () => writes };
}

describe("call metrics", () => {
  it("counts in memory and writes each series once per flush interval", () => {
    const { storage, writes } = countingStorage();
    let now = 0;
    const metrics = new CallMetrics(storage, () => now);
    for (let i = 0; i < 50; i++) metrics.record("sonarr_queue", "ok", 0.004);
    metrics.record("radarr_queue", "error", 0.2);
    expect(writes()).toBe(0);
    expect(metrics.all().find((s) => s.tool === "sonarr_queue")?.histogram.count).toBe(50);

    now += METRICS_FLUSH_INTERVAL_MS;
    metrics.record("sonarr_queue", "ok", 0.004);
    expect(writes()).toBe(2); // one per series, whatever the number of calls
  });

  it("a flush leaves what the next hub reads after eviction", () => {
    const { storage } = countingStorage();
    const metrics = new CallMetrics(storage, () => 0);
    metrics.record("plex_identity", "ok", 0.01);
    metrics.record("plex_identity", "ok", 0.02);
    metrics.flush();
    const rebuilt = new CallMetrics(storage, () => 0);
    expect(rebuilt.all()).toEqual([
      expect.objectContaining({ app: "plex", tool: "plex_identity", outcome: "ok", histogram: expect.objectContaining({ count: 2 }) }),
    ]);
  });
});
