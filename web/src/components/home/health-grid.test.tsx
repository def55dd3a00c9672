import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { APP_IDS } from "../../api/contract";
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
    // One card per registry app, and the connector's.
    expect(screen.getAllByText("Checking…")).toHaveLength(APP_IDS.length + 1);
    expect(await screen.findByText("Some services need attention")).toBeTruthy();
    expect(screen.getByText("Down")).toBeTruthy();
    expect(screen.getByText("connect ECONNREFUSED")).toBeTruthy();
    expect(screen.getByText("Healthy")).toBeTruthy();
    // Every card but Sonarr's and Radarr's, which the report names.
    expect(screen.getAllByText("Not connected")).toHaveLength(APP_IDS.length + 1 - 2);
    expect(calls[0]?.headers.get("Authorization")).toBe("Bearer access-1");
  });
});

describe("A service card's error", () => {
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
  const report = (connector: Record<string, unknown>) => ({
    status: "ok",
    version: "0.1.0",
    checks: { worker: { status: "ok" }, d1: { status: "ok", latencyMs: 3 }, kv: { status: "ok" } },
    services: { connector: { state: "closed", lastSuccessAt: null, lastError: null, lastErrorAt: null, latencyMs: 12, ...connector } },
  });
  const stale = "The connector is unreachable: fetch failed";

  it("is not shown beside Healthy once the service succeeded after it", async () => {
    signInForTest();
    mockApi({ "GET /health": { body: report({ lastSuccessAt: minutesAgo(1), lastError: stale, lastErrorAt: minutesAgo(10) }) } });
    renderWithProviders(<HealthGrid />);
    expect(await screen.findByText("Healthy")).toBeTruthy();
    expect(screen.queryByText(stale)).toBeNull();
    expect(screen.getByText(/^OK/).textContent).toMatch(/^OK 1 minute ago · 12 ms$/);
  });

  it("is still shown while the service is down after its last success", async () => {
    signInForTest();
    mockApi({ "GET /health": { body: report({ state: "open", lastSuccessAt: minutesAgo(10), lastError: stale, lastErrorAt: minutesAgo(1) }) } });
    renderWithProviders(<HealthGrid />);
    expect(await screen.findByText("Down")).toBeTruthy();
    expect(screen.getByText(stale)).toBeTruthy();
  });
});
