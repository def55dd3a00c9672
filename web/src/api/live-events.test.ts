import { QueryClient, type InfiniteData } from "@tanstack/react-query";
import { describe, expect, it, vi } from "vitest";
import { ALL_ACTIVITY } from "./activity.api";
import type { ActivityItem, ActivityPage, HealthReport, Queue, QueueItem } from "./api-types";
import { applyLiveEvent, parseLiveEvent } from "./live-events";
import { queryKeys } from "./query-keys";

const health: HealthReport = {
  status: "ok",
  version: "1",
  checks: { worker: { status: "ok" }, d1: { status: "ok", latencyMs: 1 }, kv: { status: "ok", latencyMs: 1 } },
  services: { sonarr: { state: "closed", lastSuccessAt: "2026-01-01T00:00:00Z", lastError: null, lastErrorAt: null, latencyMs: 20 } },
};

describe("live events", () => {
  it("rejects messages that are not part of the protocol", () => {
    expect(parseLiveEvent("not json")).toBeNull();
    expect(parseLiveEvent(JSON.stringify({ type: "mystery", at: "now", data: {} }))).toBeNull();
    expect(parseLiveEvent(JSON.stringify({ type: "queue", at: "now", data: { items: [] } }))?.type).toBe("queue");
  });

  it("moves an app's circuit state in the cached health report and announces it", () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(queryKeys.health, health);
    const announcement = applyLiveEvent(queryClient, {
      type: "circuit",
      at: "now",
      data: { app: "sonarr", state: "open", lastError: "timeout", lastErrorAt: "2026-01-01T00:01:00.000Z" },
    });
    const services = queryClient.getQueryData<HealthReport>(queryKeys.health)?.services;
    expect(services?.sonarr).toMatchObject({ state: "open", lastError: "timeout", lastErrorAt: "2026-01-01T00:01:00.000Z", latencyMs: 20 });
    expect(announcement).toBe("Sonarr is unreachable.");
  });

  it("says degraded as soon as a circuit leaves closed, and asks the Worker again for the whole report", () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(queryKeys.health, { ...health, status: "ok" });
    applyLiveEvent(queryClient, {
      type: "circuit",
      at: "now",
      data: { app: "sabnzbd", state: "open", lastError: "SABnzbd did not answer within 10 s", lastErrorAt: "2026-01-01T00:01:00.000Z" },
    });
    expect(queryClient.getQueryData<HealthReport>(queryKeys.health)?.status).toBe("degraded");
    expect(queryClient.getQueryState(queryKeys.health)?.isInvalidated).toBe(true);
  });

  it("puts new activity at the top of the unfiltered log", () => {
    const queryClient = new QueryClient();
    const older: ActivityItem = { id: "a1", at: "2026-01-01T00:00:00Z", app: "radarr", kind: "detection", level: "info", message: "older" };
    queryClient.setQueryData<InfiniteData<ActivityPage, string | null>>(queryKeys.activity.list(ALL_ACTIVITY), {
      pages: [{ items: [older], nextCursor: null }],
      pageParams: [null],
    });
    applyLiveEvent(queryClient, { type: "activity", at: "now", data: { ...older, id: "a2", message: "newer" } });
    const pages = queryClient.getQueryData<InfiniteData<ActivityPage>>(queryKeys.activity.list(ALL_ACTIVITY))?.pages;
    expect(pages?.[0]?.items.map((item) => item.message)).toEqual(["newer", "older"]);
  });

  it("reads the hub's stored activity row (timestamp, tenantId) as an activity item", () => {
    const event = parseLiveEvent(
      JSON.stringify({
        type: "activity",
        at: "2026-01-02T00:00:00.000Z",
        data: {
          id: "a9",
          tenantId: "t1",
          timestamp: "2026-01-02T00:00:00.000Z",
          app: "sonarr",
          kind: "recovery",
          level: "warning",
          message: "The Expanse S02E03 recovered",
          data: { title: "x" },
        },
      }),
    );
    expect(event).toMatchObject({ type: "activity", data: { id: "a9", at: "2026-01-02T00:00:00.000Z", app: "sonarr", kind: "recovery", level: "warning" } });
    expect(event?.data).not.toHaveProperty("tenantId");
  });

  it("refetches the hunting panel when a hunt's activity arrives, and only then", () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(queryKeys.hunting, { apps: {}, recentRuns: [] });
    const entry = (kind: string): ActivityItem => ({ id: kind, at: "2026-12-02T05:00:00.000Z", app: "sonarr", kind, level: "info", message: "m", data: null });
    applyLiveEvent(queryClient, { type: "activity", at: "2026-12-02T05:00:00.000Z", data: entry("detection") });
    expect(queryClient.getQueryState(queryKeys.hunting)?.isInvalidated).toBe(false);
    applyLiveEvent(queryClient, { type: "activity", at: "2026-12-02T05:00:00.000Z", data: entry("hunt") });
    expect(queryClient.getQueryState(queryKeys.hunting)?.isInvalidated).toBe(true);
  });

  it("refetches the queue and the recovery list when a recovery is announced", () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(queryKeys.queue, { items: [] });
    queryClient.setQueryData(queryKeys.recoveries, { items: [], nextCursor: null });
    const announcement = applyLiveEvent(queryClient, {
      type: "recovery",
      at: "now",
      data: { app: "sonarr", title: "Show S01E01", reason: "failed", action: "blocklist_and_search", outcome: "succeeded" },
    });
    expect(queryClient.getQueryState(queryKeys.queue)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(queryKeys.recoveries)?.isInvalidated).toBe(true);
    expect(announcement).toMatch(/^Sonarr: Show S01E01/);
  });

  it("replaces the download queue's items and keeps its sources", () => {
    const queryClient = new QueryClient();
    const previous: Queue = { items: [], sources: { sabnzbd: { status: "ok" } }, cachedAt: "2026-01-01T00:00:00Z" };
    queryClient.setQueryData(queryKeys.queue, previous);
    const item: QueueItem = {
      id: "sabnzbd:n1",
      app: "sabnzbd",
      title: "Dune",
      status: "Downloading",
      progress: 0.5,
      sizeBytes: 100,
      sizeLeftBytes: 50,
      timeLeft: "0:01:00",
      downloadId: "n1",
      category: "movies",
      problem: null,
    };
    applyLiveEvent(queryClient, { type: "queue", at: "now", data: { items: [item] } });
    expect(queryClient.getQueryData(queryKeys.queue)).toEqual({ ...previous, items: [item] });
  });

  it("fetches the whole queue when the items arrive before it was ever fetched", () => {
    const queryClient = new QueryClient();
    const invalidate = vi.spyOn(queryClient, "invalidateQueries");
    applyLiveEvent(queryClient, { type: "queue", at: "now", data: { items: [] } });
    expect(queryClient.getQueryData(queryKeys.queue)).toBeUndefined();
    expect(invalidate).toHaveBeenCalledWith({ queryKey: queryKeys.queue });
  });
});
