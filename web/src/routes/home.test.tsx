import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { HealthReport } from "../api/api-types";
import { browserTimeZone } from "../api/overview.api";
import { busyOverview } from "../components/home/overview-fixtures";
import { seriousAxeViolations } from "../test/axe";
import { mockApi } from "../test/mock-api";
import { renderWithProviders } from "../test/render";
import { signInForTest } from "../test/signed-in";
import HomeScreen from "./home";

const now = new Date().toISOString();
const health: HealthReport = {
  status: "ok",
  version: "0.1.0",
  checks: { worker: { status: "ok" }, d1: { status: "ok" }, kv: { status: "ok" } },
  services: { sonarr: { state: "closed", lastSuccessAt: now, lastError: null, lastErrorAt: null, latencyMs: 20 } },
};
const MB = 1024 ** 2;
const timeline = {
  from: new Date(Date.now() - 6 * 3_600_000).toISOString(),
  to: now,
  samples: [
    { at: new Date(Date.now() - 5 * 3_600_000).toISOString(), speedBytesPerSecond: 8 * MB, sizeLeftBytes: 2 * 1024 * MB, items: 2 },
    { at: new Date(Date.now() - 60_000).toISOString(), speedBytesPerSecond: 2 * MB, sizeLeftBytes: 300 * MB, items: 1 },
  ],
};

function mockHome(overview = busyOverview()) {
  signInForTest();
  return mockApi({
    "GET /health": { body: health },
    "GET /api/v1/downloads/queue": { body: { items: [], sources: {} } },
    [`GET /api/v1/overview?days=7&tz=${encodeURIComponent(browserTimeZone())}`]: { body: overview },
    "GET /api/v1/overview/queue?hours=6": { body: timeline },
    "GET /api/v1/activity?limit=10": { body: { items: [], nextCursor: null } },
  });
}

describe("Home", () => {
  it("reads top to bottom: summary, needs you, services, this week, downloads with the queue chart, latest activity", async () => {
    const overview = busyOverview();
    overview.attention.approvalsWaiting = 1;
    overview.attention.gaveUp = [{ id: "ra1", app: "sonarr", title: "Show.S01E02", at: now, reason: "No other release to try" }];
    overview.attention.highPriorityFindings = [{ id: "r1", app: "sabnzbd", title: "Raise the article cache" }];
    mockHome(overview);
    const { container } = renderWithProviders(<HomeScreen />);
    await screen.findByRole("figure", { name: "Queue over the last 6 hours" }).then((figure) => within(figure).findByRole("img"));
    await within(await screen.findByRole("figure", { name: "Recoveries per day" })).findByRole("img");
    expect((await screen.findByText(/^Needs attention/)).textContent).toBe("Needs attention — 1 approval waiting, 1 download AutoArr gave up on and 1 more");

    const headings = screen.getAllByRole("heading", { level: 2 }).map((heading) => heading.textContent);
    expect(headings).toEqual(["Needs you", "Services", "This week", "Downloads", "Latest activity"]);
    const summary = container.querySelector("p.stack-summary[role=status]");
    const needsYou = screen.getByRole("region", { name: "Needs you" });
    expect(summary?.compareDocumentPosition(needsYou)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    expect(within(needsYou).getByRole("link", { name: "1 recovery waiting for your approval" }).getAttribute("href")).toBe("/activity");
    expect(within(needsYou).getByRole("link", { name: "Show.S01E02 — AutoArr gave up: No other release to try" })).toBeTruthy();
    expect(within(needsYou).getByRole("link", { name: "SABnzbd: Raise the article cache" }).getAttribute("href")).toBe("/audit");
    const queueChart = screen.getByRole("figure", { name: "Queue over the last 6 hours" });
    expect(screen.getByRole("region", { name: "Downloads" }).compareDocumentPosition(queueChart)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);

    const newSections = [summary!, needsYou, screen.getByRole("region", { name: "This week" }), queueChart];
    for (const section of newSections) expect(await seriousAxeViolations(section)).toEqual([]);
  }, 20_000); // axe-core in jsdom is slow on a loaded machine

  it("shows the sections once the overview has answered, and leaves Needs you out when nothing waits for the user", async () => {
    mockHome();
    renderWithProviders(<HomeScreen />);
    // Nothing is laid out below the summary until it is known whether "Needs you" will push it down.
    expect(screen.getByRole("status", { name: "Loading your stack" })).toBeTruthy();
    expect(screen.queryByRole("heading", { name: "Services" })).toBeNull();
    expect(await screen.findByRole("heading", { name: "Services" })).toBeTruthy();
    await screen.findByText("All good — nothing downloading, 2 failures fixed today");
    expect(screen.queryByRole("heading", { name: "Needs you" })).toBeNull();
  });
});
