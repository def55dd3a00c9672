// A SABnzbd failure an app tracks is the app's: read from the app's history whether it processed it already.
import { describe, expect, it } from "vitest";
import { arrSideOf } from "./arr-side.logic";
import type { Detection } from "./detect.logic";
import { decide } from "./strategy.logic";

const grabbed = (episodeId: number) => ({ eventType: "grabbed", seriesId: 4, episodeId });
const ctx = { attempts: 0, maxAttempts: 3, failuresAtQuality: 1, allowLowerQuality: false };

describe("which app a SABnzbd job belongs to", () => {
  it("is the app that recorded its failure, with every episode of it", () => {
    const side = arrSideOf({
      sonarr: [{ eventType: "downloadFailed", message: "Not on your server(s)", seriesId: 4, episodeId: 402 }, grabbed(401), grabbed(402)],
      radarr: [],
    });
    expect(side).toEqual({
      kind: "processed",
      app: "sonarr",
      message: "Not on your server(s)",
      link: { app: "sonarr", seriesId: 4, episodeId: 402, episodeIds: [402, 401] },
    });
  });
  it("waits for an app that grabbed it and has not processed it yet", () => {
    expect(arrSideOf({ sonarr: [], radarr: [{ eventType: "grabbed", movieId: 9 }] })).toMatchObject({ kind: "pending", app: "radarr", link: { movieId: 9 } });
  });
  it("is SABnzbd's alone when no app grabbed it or the app was told to ignore it", () => {
    expect(arrSideOf({ sonarr: [], radarr: [] })).toEqual({ kind: "untracked" });
    expect(arrSideOf({ sonarr: [grabbed(401), { eventType: "downloadIgnored" }], radarr: [] })).toEqual({ kind: "untracked" });
  });
  it("is unknown while an app's history cannot be read", () => {
    expect(arrSideOf({ sonarr: [] })).toBeUndefined();
  });
});

describe("a transient SABnzbd failure", () => {
  const failure: Detection = {
    key: "n",
    source: "sabnzbd_history",
    app: "sabnzbd",
    title: "T",
    downloadId: "n",
    reason: "Server could not complete request",
    cause: "transient",
    retryableInSab: true,
  };
  it("is retried in SABnzbd only when no app tracks it, since the app blocklists and grabs another itself", () => {
    expect(decide(failure, ctx).strategy).toBe("retry_download");
    expect(decide({ ...failure, arr: { app: "sonarr", queueId: 5, episodeId: 401 } }, ctx).strategy).toBe("blocklist_and_search");
  });
  it("is only reported when the app that grabbed it has not processed it long after it would have", () => {
    expect(decide({ ...failure, arr: { app: "radarr", movieId: 9 }, pendingInApp: true }, ctx)).toMatchObject({
      strategy: "alert",
      why: expect.stringContaining("leaves it to Radarr"),
    });
  });
});
