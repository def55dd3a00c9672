import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockApi } from "../../test/mock-api";
import { renderWithProviders } from "../../test/render";
import { signInForTest } from "../../test/signed-in";
import { HealthGrid } from "./health-grid";

const degraded = {
  status: "degraded",
  version: "0.1.0",
  checks: { worker: { status: "ok" }, d1: { status: "ok", latencyMs: 3 }, kv: { status: "error" } },
  services: {
    sonarr: { state: "open", lastSuccessAt: null, lastError: "connect ECONNREFUSED", lastErrorAt: new Date().toISOString(), latencyMs: null },
    radarr: { state: "closed", lastSuccessAt: new Date().toISOString(), lastError: null, lastErrorAt: null, latencyMs: 42 },
  },
};

describe("Health grid", () => {
  it("keeps a card per app while loading, then shows each circuit state, reading a 503 degraded report", async () => {
    signInForTest();
    const { calls } = mockApi({ "GET /health": { status: 503, body: degraded } });
    renderWithProviders(<HealthGrid />);
    expect(screen.getAllByText("Checking…")).toHaveLength(5);
    expect(await screen.findByText("Some services need attention")).toBeTruthy();
    expect(screen.getByText("Down")).toBeTruthy();
    expect(screen.getByText("connect ECONNREFUSED")).toBeTruthy();
    expect(screen.getByText("Healthy")).toBeTruthy();
    expect(screen.getAllByText("Not connected")).toHaveLength(3);
    expect(calls[0]?.headers.get("Authorization")).toBe("Bearer access-1");
  });
});
