import { describe, expect, it } from "vitest";
import { type BucketState, decide } from "./sliding-window.logic";

const perMinute = (limit: number) => [{ name: "api", limit, windowSeconds: 60 }];

function run(limit: number, times: number[], state: BucketState = {}) {
  return times.map((now) => {
    const { decision, next } = decide(perMinute(limit), state, now);
    Object.assign(state, next);
    return decision;
  });
}

describe("sliding-window rate limiting", () => {
  it("admits the limit at once, then refuses until the oldest request leaves the window", () => {
    const decisions = run(5, [0, 0, 0, 0, 0, 30_000]);
    expect(decisions.slice(0, 5).every((d) => d.allowed)).toBe(true);
    expect(decisions[5]).toEqual({ allowed: false, retryAfterSeconds: 30, refusedBy: "api" });
  });

  it("never admits more than the limit in any rolling window", () => {
    const state: BucketState = {};
    const times = Array.from({ length: 600 }, (_, i) => i * 250); // a request every 250 ms for 150 s
    const admitted = run(100, times, state)
      .map((d, i) => (d.allowed ? times[i]! : undefined))
      .filter((t): t is number => t !== undefined);
    for (const start of admitted) {
      expect(admitted.filter((t) => t >= start && t < start + 60_000).length).toBeLessThanOrEqual(100);
    }
    expect(admitted.length).toBeGreaterThanOrEqual(200);
  });

  it("admits again once the window has slid past the oldest request", () => {
    const state: BucketState = {};
    run(2, [0, 10_000], state);
    expect(run(2, [59_999], state)[0]!.allowed).toBe(false);
    expect(run(2, [60_001], state)[0]!.allowed).toBe(true);
  });

  it("charges no bucket when any bucket refuses", () => {
    const rules = [
      { name: "small", limit: 1, windowSeconds: 60 },
      { name: "big", limit: 100, windowSeconds: 60 },
    ];
    const first = decide(rules, {}, 0);
    expect(first.decision.allowed).toBe(true);
    const second = decide(rules, first.next, 0);
    expect(second.decision).toMatchObject({ allowed: false, refusedBy: "small" });
    expect(second.next).toEqual({});
  });
});
