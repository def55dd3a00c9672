import { describe, expect, it } from "vitest";
import { type Circuit, CLOSED_CIRCUIT, type CircuitEvent, currentError, next, retryInMs } from "./circuit-breaker.logic";

const config = { failureThreshold: 5, openMs: 60_000 };

function apply(circuit: Circuit, events: CircuitEvent[], now = 0) {
  return events.reduce((c, e) => next(c, e, now, config).circuit, circuit);
}
const failure = (error = "down"): CircuitEvent => ({ type: "failure", error });

describe("circuit breaker", () => {
  it("stays closed through four consecutive failures and opens on the fifth", () => {
    const four = apply(CLOSED_CIRCUIT, [failure(), failure(), failure(), failure()]);
    expect(four.state).toBe("closed");
    const fifth = next(four, failure("connection refused"), 1_000, config);
    expect(fifth.circuit).toMatchObject({ state: "open", openedAt: 1_000, lastError: "connection refused" });
    expect(fifth.changedFrom).toBe("closed");
  });

  it("resets the count on a success, so only consecutive failures open it", () => {
    const circuit = apply(CLOSED_CIRCUIT, [failure(), failure(), failure(), failure(), { type: "success", latencyMs: 5 }, failure()]);
    expect(circuit).toMatchObject({ state: "closed", consecutiveFailures: 1 });
  });

  it("fails fast while open, without permitting a call", () => {
    const open = apply(
      CLOSED_CIRCUIT,
      Array.from({ length: 5 }, () => failure()),
      0,
    );
    const attempt = next(open, { type: "request" }, 59_999, config);
    expect(attempt.permitted).toBe(false);
    expect(retryInMs(open, 59_999, config)).toBe(1);
  });

  it("half-opens after the open period and lets exactly one trial through", () => {
    const open = apply(
      CLOSED_CIRCUIT,
      Array.from({ length: 5 }, () => failure()),
      0,
    );
    const trial = next(open, { type: "request" }, 60_000, config);
    expect(trial).toMatchObject({ permitted: true, changedFrom: "open", circuit: { state: "half_open", trialInFlight: true } });
    expect(next(trial.circuit, { type: "request" }, 60_001, config).permitted).toBe(false);
  });

  it("closes when the half-open trial succeeds", () => {
    const open = apply(
      CLOSED_CIRCUIT,
      Array.from({ length: 5 }, () => failure()),
      0,
    );
    const trial = next(open, { type: "request" }, 60_000, config).circuit;
    const closed = next(trial, { type: "success", latencyMs: 12 }, 60_010, config);
    expect(closed).toMatchObject({ changedFrom: "half_open", circuit: { state: "closed", consecutiveFailures: 0, lastSuccessAt: 60_010, latencyMs: 12 } });
  });

  it("reopens when the half-open trial fails, restarting the open period", () => {
    const open = apply(
      CLOSED_CIRCUIT,
      Array.from({ length: 5 }, () => failure()),
      0,
    );
    const trial = next(open, { type: "request" }, 60_000, config).circuit;
    const reopened = next(trial, failure("still down"), 60_005, config);
    expect(reopened).toMatchObject({ changedFrom: "half_open", circuit: { state: "open", openedAt: 60_005 } });
    expect(next(reopened.circuit, { type: "request" }, 100_000, config).permitted).toBe(false);
  });

  it("dates every recorded error", () => {
    const failed = next(CLOSED_CIRCUIT, failure("SABnzbd did not answer within 10 s"), 4_000, config).circuit;
    expect(failed).toMatchObject({ lastError: "SABnzbd did not answer within 10 s", lastFailureAt: 4_000 });
  });

  it("forgets the last error once a call succeeds, so a closed circuit never shows a stale one", () => {
    const open = apply(
      CLOSED_CIRCUIT,
      Array.from({ length: 5 }, () => failure("still down")),
      0,
    );
    const trial = next(open, { type: "request" }, 60_000, config).circuit;
    const closed = next(trial, { type: "success", latencyMs: 12 }, 60_010, config).circuit;
    expect(closed).toMatchObject({ state: "closed", lastError: null, lastFailureAt: null, lastSuccessAt: 60_010 });
    const recovered = apply(CLOSED_CIRCUIT, [failure(), { type: "success", latencyMs: 5 }]);
    expect(recovered).toMatchObject({ state: "closed", lastError: null, lastFailureAt: null });
  });

  it("reads a circuit stored before errors were forgotten on success as having no current error", () => {
    const stored: Circuit = { ...CLOSED_CIRCUIT, lastError: "old", lastFailureAt: 1_000, lastSuccessAt: 2_000 };
    expect(currentError(stored)).toBeNull();
    const failing = next(CLOSED_CIRCUIT, failure("now"), 3_000, config).circuit;
    expect(currentError(failing)).toEqual({ message: "now", at: 3_000 });
  });

  it("honours a configured threshold", () => {
    const strict = { failureThreshold: 2, openMs: 1_000 };
    const circuit = [failure(), failure()].reduce((c, e) => next(c, e, 0, strict).circuit, CLOSED_CIRCUIT);
    expect(circuit.state).toBe("open");
  });
});
