import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it, vi } from "vitest";
import { mockApi } from "../test/mock-api";
import { signInForTest } from "../test/signed-in";
import { applyLiveEvent, OVERVIEW_SETTLE_MS } from "./live-events";
import { findingsTrendQuery, overviewQuery, queueTimelineQuery } from "./overview.api";
import { queryKeys } from "./query-keys";

describe("overview queries", () => {
  it("ask for the days in the given zone, the queue's hours and the number of audits", async () => {
    signInForTest();
    const { calls } = mockApi({
      "GET /api/v1/overview?days=7&tz=Europe%2FBerlin": { body: { days: [] } },
      "GET /api/v1/overview/queue?hours=6": { body: { samples: [] } },
      "GET /api/v1/overview/findings?audits=12": { body: { audits: [] } },
    });
    const queryClient = new QueryClient();
    await queryClient.fetchQuery(overviewQuery({ timeZone: "Europe/Berlin" }));
    await queryClient.fetchQuery(queueTimelineQuery());
    await queryClient.fetchQuery(findingsTrendQuery());
    expect(calls.map((call) => call.path)).toEqual([
      "/api/v1/overview?days=7&tz=Europe%2FBerlin",
      "/api/v1/overview/queue?hours=6",
      "/api/v1/overview/findings?audits=12",
    ]);
  });

  it("are refreshed once, after a live burst of activity and recovery events settles", () => {
    vi.useFakeTimers();
    try {
      const queryClient = new QueryClient();
      const week = queryKeys.overview.summary(7, "UTC");
      queryClient.setQueryData(week, { days: [] });
      queryClient.setQueryData(queryKeys.overview.queue(6), { samples: [] });
      const invalidations = vi.spyOn(queryClient, "invalidateQueries");
      const overviewInvalidations = () => invalidations.mock.calls.filter(([filters]) => filters?.queryKey === queryKeys.overview.all).length;
      applyLiveEvent(queryClient, {
        type: "activity",
        at: "now",
        data: { id: "a1", at: "2026-01-01T00:00:00Z", app: "sonarr", kind: "detection", level: "warning", message: "Import failed", data: null },
      });
      vi.advanceTimersByTime(OVERVIEW_SETTLE_MS / 2);
      applyLiveEvent(queryClient, {
        type: "recovery",
        at: "now",
        data: { app: "sonarr", title: "Show S01E01", reason: "failed", action: "blocklist_and_search", outcome: "succeeded" },
      });
      expect(queryClient.getQueryState(week)?.isInvalidated).toBe(false);
      vi.advanceTimersByTime(OVERVIEW_SETTLE_MS);
      expect(overviewInvalidations()).toBe(1);
      expect(queryClient.getQueryState(week)?.isInvalidated).toBe(true);
      expect(queryClient.getQueryState(queryKeys.overview.queue(6))?.isInvalidated).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
