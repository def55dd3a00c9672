import { describe, expect, it } from "vitest";
import { admit, type BackoffState, delaySeconds, noticeOnSuccess, rememberNetwork } from "./sign-in-backoff.logic";

const policy = { freeFailures: 5, firstDelaySeconds: 30, maxDelaySeconds: 900 };

/** Attempts at the given times (ms); returns each admission and the state after them. */
function attempts(times: number[], state?: BackoffState) {
  const admissions = times.map((now) => {
    const { admission, next } = admit(policy, state, now);
    state = next ?? state;
    return admission;
  });
  return { admissions, state };
}

describe("sign-in backoff", () => {
  it("admits the free failures at once, then makes the next attempt wait the first delay", () => {
    const { admissions } = attempts([0, 0, 0, 0, 0, 1_000]);
    expect(admissions.slice(0, 5).every((a) => a.allowed)).toBe(true);
    expect(admissions[5]).toEqual({ allowed: false, retryAfterSeconds: 29 });
  });

  it("doubles the delay per failure up to the cap, and never refuses forever", () => {
    expect([4, 5, 6, 7, 8, 9, 10, 11, 1_000, 1e9].map((f) => delaySeconds(policy, f))).toEqual([0, 30, 60, 120, 240, 480, 900, 900, 900, 900]);
    let { state } = attempts([0, 0, 0, 0, 0]);
    let now = 0;
    for (let i = 0; i < 50; i++) {
      now += delaySeconds(policy, state!.failures) * 1000;
      const { admission, next } = admit(policy, state, now);
      expect(admission.allowed).toBe(true);
      state = next;
    }
  });

  it("does not lengthen the wait for refused attempts", () => {
    const { state } = attempts([0, 0, 0, 0, 0]);
    const { admissions } = attempts([1_000, 10_000, 29_999, 30_000], state);
    expect(admissions.map((a) => a.allowed)).toEqual([false, false, false, true]);
  });

  it("tells of the failures before a success, and nothing when there were none", () => {
    expect(noticeOnSuccess(undefined)).toBeUndefined();
    expect(noticeOnSuccess(attempts([5]).state)).toBeUndefined();
    expect(noticeOnSuccess(attempts([5, 6, 7]).state)).toEqual({ failedSignIns: 2, since: 5 });
  });

  it("adds up the failures of every count, from the earliest", () => {
    expect(noticeOnSuccess(attempts([9]).state, [attempts([3, 4]).state, undefined])).toEqual({ failedSignIns: 2, since: 3 });
    expect(noticeOnSuccess(attempts([5, 6]).state, [attempts([7, 8, 9]).state])).toEqual({ failedSignIns: 4, since: 5 });
  });

  it("remembers the most recent networks, newest first, each once", () => {
    expect(rememberNetwork(["a", "b", "c"], "b", 3)).toEqual(["b", "a", "c"]);
    expect(rememberNetwork(["a", "b", "c"], "d", 3)).toEqual(["d", "a", "b"]);
  });
});
