import { describe, expect, it } from "vitest";
import { CLOSED_CIRCUIT } from "./circuit-breaker.logic";
import { healthCheckWanted } from "./health-check";

const open = { ...CLOSED_CIRCUIT, state: "open" as const };

describe("when health checks recur", () => {
  it("while sockets are open, whatever the circuits", () => {
    expect(healthCheckWanted(1, {})).toBe(true);
    expect(healthCheckWanted(2, { connector: open })).toBe(true);
  });

  it("while an app's circuit is not closed and the connector's is", () => {
    expect(healthCheckWanted(0, { sabnzbd: open })).toBe(true);
    expect(healthCheckWanted(0, { connector: CLOSED_CIRCUIT, sonarr: { ...CLOSED_CIRCUIT, state: "half_open" } })).toBe(true);
    expect(healthCheckWanted(0, { connector: CLOSED_CIRCUIT, sabnzbd: CLOSED_CIRCUIT })).toBe(false);
  });

  it("not for an unreachable connector nobody watches: the check schedule backs off instead", () => {
    expect(healthCheckWanted(0, { connector: open })).toBe(false);
    expect(healthCheckWanted(0, { connector: open, sabnzbd: open })).toBe(false);
  });
});
