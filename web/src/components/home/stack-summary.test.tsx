import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { HealthReport, Queue } from "../../api/api-types";
import { browserTimeZone } from "../../api/overview.api";
import { mockApi } from "../../test/mock-api";
import { renderWithProviders } from "../../test/render";
import { signInForTest } from "../../test/signed-in";
import { busyOverview, quietOverview } from "./overview-fixtures";
import { StackSummaryLine, summarizeStack } from "./stack-summary";

const now = "2026-12-01T18:00:00.000Z";
const healthy = { state: "closed" as const, lastSuccessAt: now, lastError: null, lastErrorAt: null, latencyMs: 20 };
const health = (services: HealthReport["services"], status: HealthReport["status"] = "ok"): HealthReport => ({
  status,
  version: "0.1.0",
  checks: { worker: { status: "ok" }, d1: { status: "ok" }, kv: { status: "ok" } },
  services,
});
const queueOf = (count: number) => ({ items: Array.from({ length: count }, (_, index) => ({ id: `q${index}` })) }) as unknown as Queue;

describe("Stack summary", () => {
  it("says all is good with what is downloading and what was fixed today", () => {
    expect(summarizeStack(health({ sonarr: healthy }), queueOf(3), busyOverview()).text).toBe("All good — 3 downloading, 2 failures fixed today");
    expect(summarizeStack(health({ sonarr: healthy }), queueOf(0), quietOverview()).text).toBe("All good — nothing downloading, no failures today");
  });

  it("names the app that is down first", () => {
    const down = { ...healthy, state: "open" as const, lastError: "connect ECONNREFUSED", lastErrorAt: now };
    const summary = summarizeStack(health({ sonarr: down, radarr: healthy }, "degraded"), queueOf(1), quietOverview());
    expect(summary).toEqual({ tone: "bad", text: "Needs attention — Sonarr is down" });
    expect(summarizeStack(health({ sonarr: down, radarr: down }, "degraded"), undefined, quietOverview()).text).toBe(
      "Needs attention — Sonarr and Radarr are down",
    );
  });

  it("counts approvals waiting, then what else needs the user", () => {
    const overview = quietOverview();
    overview.attention.approvalsWaiting = 1;
    expect(summarizeStack(health({ sonarr: healthy }), queueOf(0), overview).text).toBe("Needs attention — 1 approval waiting");
    overview.attention.approvalsWaiting = 2;
    overview.attention.requestsNeedingChoice = 1;
    overview.attention.highPriorityFindings = [{ id: "r1", app: "sabnzbd", title: "Raise the article cache" }];
    expect(summarizeStack(health({ sonarr: healthy }), queueOf(0), overview).text).toBe(
      "Needs attention — 2 approvals waiting, 1 request to choose and 1 more",
    );
  });

  it("does not count an error older than the last success as a problem", () => {
    const recovered = { ...healthy, lastError: "timeout", lastErrorAt: "2026-12-01T17:00:00.000Z" };
    expect(summarizeStack(health({ sonarr: recovered }), queueOf(0), quietOverview()).tone).toBe("good");
  });

  it("holds one line of the same height while loading, then reads the three queries", async () => {
    signInForTest();
    mockApi({
      "GET /health": { body: health({ sonarr: healthy }) },
      "GET /api/v1/downloads/queue": { body: { items: [], sources: {} } },
      [`GET /api/v1/overview?days=7&tz=${encodeURIComponent(browserTimeZone())}`]: { body: busyOverview() },
    });
    renderWithProviders(<StackSummaryLine />);
    const line = screen.getByRole("status");
    expect(line.textContent).toBe("Checking your stack…");
    expect(line.classList.contains("stack-summary")).toBe(true);
    await screen.findByText("All good — nothing downloading, 2 failures fixed today");
  });
});
