import { describe, expect, it } from "vitest";
import { REPEATED_SUCCESS_WRITE_INTERVAL_MS, ReachabilityNotes, type ReachabilityUpdate } from "./reachability-notes";

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

  it("writes repeated successes at most once a minute, and repeated failures once", async () => {
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
});
