import { describe, expect, it } from "vitest";
import { type NotedReachability, REPEATED_SUCCESS_WRITE_INTERVAL_MS, ReachabilityNotes, type ReachabilityUpdate } from "./reachability-notes";

function notes() {
  let now = 1_000_000;
  const written: ReachabilityUpdate[] = [];
  const recorder = new ReachabilityNotes(
    async (update) => {
      // A slow first write must not let a later one land before it.
      if (written.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      written.push(update);
    },
    () => now,
    (error) => {
      throw error;
    },
  );
  return { recorder, written, advance: (ms: number) => (now += ms) };
}

describe("connector reachability notes", () => {
  it("writes a failure right after a success, in order", async () => {
    const { recorder, written, advance } = notes();
    recorder.note(true, null);
    advance(1_000);
    await recorder.note(false, "connection refused");
    expect(written.map((w) => w.reachable)).toEqual([true, false]);
    expect(written[1]).toEqual({ reachable: false, lastError: "connection refused" });
  });

  it("writes repeated successes at most every ten minutes, and repeated failures once", async () => {
    const { recorder, written, advance } = notes();
    await recorder.note(true, null);
    advance(10_000);
    expect(recorder.note(true, null)).toBeUndefined();
    advance(REPEATED_SUCCESS_WRITE_INTERVAL_MS);
    await recorder.note(true, null);
    await recorder.note(false, "timeout");
    advance(REPEATED_SUCCESS_WRITE_INTERVAL_MS * 2);
    expect(recorder.note(false, "timeout")).toBeUndefined();
    await recorder.note(true, null);
    expect(written.map((w) => w.reachable)).toEqual([true, true, false, true]);
  });

  it("remembers what it wrote, so a hub rebuilt after eviction does not write a recent success again", async () => {
    let stored: NotedReachability | undefined;
    const memory = { load: () => stored, save: (noted: NotedReachability) => void (stored = noted) };
    let now = 5_000_000;
    const written: ReachabilityUpdate[] = [];
    const write = async (update: ReachabilityUpdate) => void written.push(update);
    const fail = (error: unknown) => {
      throw error;
    };
    await new ReachabilityNotes(write, () => now, fail, memory).note(true, null);
    expect(stored).toEqual({ reachable: true, at: now });
    now += 120_000;
    const rebuilt = new ReachabilityNotes(write, () => now, fail, memory);
    expect(rebuilt.note(true, null)).toBeUndefined();
    await rebuilt.note(false, "connection refused");
    expect(written.map((w) => w.reachable)).toEqual([true, false]);
  });
});
