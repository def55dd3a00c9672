import { describe, expect, it } from "vitest";
import type { ActivityItem, QueueItem } from "../../api/api-types";
import { activityDiagnoseTarget, itemQueryOf, queueDiagnoseTarget } from "./diagnose-target";

const activity = (kind: string, data: unknown, app: string | null = "sonarr"): ActivityItem => ({
  id: "a-1",
  at: new Date().toISOString(),
  app,
  kind,
  level: "info",
  message: "Something happened",
  data,
});

const queueItem = (overrides: Partial<QueueItem> = {}): QueueItem => ({
  id: "sonarr:7",
  app: "sonarr",
  title: "Severance.S02E03.1080p.WEB-DL",
  status: "warning",
  progress: 0,
  sizeBytes: null,
  sizeLeftBytes: null,
  timeLeft: null,
  downloadId: "SABnzbd_nzo_7",
  category: "tv",
  problem: null,
  ...overrides,
});

describe("what an activity entry or queue item is diagnosed by", () => {
  it("asks about a request entry by its request, unless it arrived or waits for a choice", () => {
    expect(activityDiagnoseTarget(activity("request", { requestId: "req-1", status: "searching" }))).toEqual({ requestId: "req-1" });
    expect(activityDiagnoseTarget(activity("request", { requestId: "req-1", status: "available" }))).toBeNull();
    expect(activityDiagnoseTarget(activity("request", { requestId: "req-1", status: "needs_choice" }))).toBeNull();
  });

  it("prefers the Sonarr or Radarr ids an entry carries over its title", () => {
    const fix = activity("diagnosis_fix", { title: "Severance S02E03", target: { app: "sonarr", seriesId: 12, seasonNumber: 2, episodeNumber: 3 } });
    expect(activityDiagnoseTarget(fix)).toEqual({ sonarrSeriesId: 12, seasonNumber: 2, episodeNumber: 3 });
    expect(activityDiagnoseTarget(activity("hunt", { movieId: 40, title: "Dune" }, "radarr"))).toEqual({ radarrMovieId: 40 });
    expect(activityDiagnoseTarget(activity("hunt", { seriesId: 12 }, "radarr"))).toBeNull();
  });

  it("asks about a detection or recovery by the title it names, and about nothing for other kinds", () => {
    expect(activityDiagnoseTarget(activity("recovery", { title: "Show S01E02", action: { id: "rec-7" } }))).toEqual({ query: "Show S01E02" });
    expect(activityDiagnoseTarget(activity("recovery", { action: { id: "rec-7" } }))).toBeNull();
    expect(activityDiagnoseTarget(activity("circuit", { title: "Sonarr" }))).toBeNull();
    expect(activityDiagnoseTarget(activity("change", { title: "Severance" }))).toBeNull();
  });

  it("asks about a queue item by its title, which is all it carries; Plex's items are not downloads", () => {
    expect(queueDiagnoseTarget(queueItem())).toEqual({ query: "Severance S02E03" });
    expect(queueDiagnoseTarget(queueItem({ app: "plex" }))).toBeNull();
    expect(queueDiagnoseTarget(queueItem({ title: "x".repeat(300) }))).toEqual({ query: "x".repeat(200) });
  });

  it("says a release name the way people name the item: title and episode, or title and year", () => {
    expect(itemQueryOf("The.Office.US.S09E25.720p.HDTV.x264-GRP")).toBe("The Office US S09E25");
    expect(itemQueryOf("the_bear_s03_1080p_web")).toBe("the bear S03");
    expect(itemQueryOf("Dune.Part.Two.2024.2160p.UHD.BluRay-FLUX")).toBe("Dune Part Two 2024");
    expect(itemQueryOf("Blade Runner 2049 (2017) 1080p")).toBe("Blade Runner 2049 2017");
    expect(itemQueryOf("Show S01E02")).toBe("Show S01E02");
    expect(itemQueryOf("Spirited Away")).toBe("Spirited Away");
  });
});
