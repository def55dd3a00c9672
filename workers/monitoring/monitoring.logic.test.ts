import { describe, expect, it } from "vitest";
import { detect, type Detection } from "./detect.logic";
import { execute } from "./execute";
import { causeOf } from "./failure-reason.logic";
import { decide, type DecisionContext } from "./strategy.logic";
import { lowerQualityProfile } from "../requests/quality-profile";
import { typedToolCalls } from "../connectors/tool-call";
import { trackDownloads, vanishedDetection } from "./vanished.logic";
import { isPublicHttpsUrl } from "./webhook-url";

describe("failure causes", () => {
  it.each([
    ["Aborted, cannot be completed - https://sabnzbd.org/not-complete", "broken_release"],
    ["Repairing failed, not enough repair blocks", "broken_release"],
    ["Unpacking failed, archive requires a password", "protected_release"],
    ["Aborted, encryption detected", "protected_release"],
    ["Unpacking failed, write error or disk is full?", "disk_full"],
    ["Moving failed: [Errno 13] Permission denied", "permissions"],
    ["Server news.example.com timed out", "transient"],
    ["No files found are eligible for import in /downloads/tv/Show", "import_path"],
    ["", "unknown"],
  ])("reads %j as %s", (message, cause) => {
    expect(causeOf(message)).toBe(cause);
  });

  it.each([
    ["URL Fetching failed; File not on server", "broken_release"],
    ["Download failed - Not on your server(s)", "broken_release"],
    ["Aborted, cannot be completed - https://sabnzbd.org/not-complete", "broken_release"],
    ["Server name does not resolve", "server_setup"],
    ["Failed login for server news.example.com", "server_setup"],
    ["Server news.example.com requires user/password", "server_setup"],
    ["Authentication failed, check username/password.", "server_setup"],
  ])("reads the real SABnzbd text %j as %s, never as a transient server problem", (message, cause) => {
    expect(causeOf(message)).toBe(cause);
  });

  it("never retries a real permanent failure in SABnzbd", () => {
    const history: Detection = { ...base, source: "sabnzbd_history", app: "sabnzbd", retryableInSab: true, arr: undefined };
    for (const message of [
      "URL Fetching failed; File not on server",
      "Server name does not resolve",
      "Download failed - Not on your server(s)",
      "Failed login for server news.example.com",
    ]) {
      expect(decide({ ...history, reason: message, cause: causeOf(message) }, ctx(0)).strategy).not.toBe("retry_download");
    }
    expect(decide({ ...history, cause: "server_setup" }, ctx(0)).strategy).toBe("alert");
  });
});

const ctx = (attempts: number, more: Partial<DecisionContext> = {}): DecisionContext => ({
  attempts,
  maxAttempts: 3,
  failuresAtQuality: 1,
  allowLowerQuality: false,
  ...more,
});
const base: Detection = {
  key: "n1",
  source: "sonarr_queue",
  app: "sonarr",
  title: "Show S01E01",
  downloadId: "n1",
  reason: "x",
  cause: "broken_release",
  arr: { app: "sonarr", queueId: 7, episodeId: 70, seriesId: 1 },
  quality: { name: "WEBDL-1080p", resolution: 1080 },
};

describe("recovery decision tree", () => {
  it("blocklists and searches again for a broken release Sonarr tracks", () => {
    expect(decide(base, ctx(0)).strategy).toBe("blocklist_and_search");
  });
  it("only alerts for disk full and permissions", () => {
    expect(decide({ ...base, cause: "disk_full" }, ctx(0)).strategy).toBe("alert");
    expect(decide({ ...base, cause: "permissions" }, ctx(0)).strategy).toBe("alert");
  });
  it("alerts with the app's message when an import is blocked", () => {
    const decision = decide({ ...base, cause: "import_path", reason: "No files found are eligible for import" }, ctx(0));
    expect(decision).toMatchObject({ strategy: "alert", why: expect.stringContaining("No files found") });
  });
  it("retries in SABnzbd only for a transient failure that SABnzbd can retry", () => {
    const sab: Detection = { ...base, source: "sabnzbd_history", app: "sabnzbd", cause: "transient", retryableInSab: true };
    delete sab.arr;
    expect(decide(sab, ctx(0)).strategy).toBe("retry_download");
    expect(decide({ ...sab, cause: "broken_release" }, ctx(0)).strategy).toBe("mark_failed_and_search");
  });
  it("stops at the maximum number of attempts", () => {
    expect(decide(base, ctx(2)).strategy).toBe("blocklist_and_search");
    expect(decide(base, ctx(3))).toMatchObject({ strategy: "alert", why: expect.stringContaining("Gave up after 3") });
  });
});

describe("lower quality and vanished downloads", () => {
  it("searches at a lower quality once the item failed maxAttempts times at one quality, only when the tenant allows it", () => {
    expect(decide(base, ctx(0, { failuresAtQuality: 2 })).strategy).toBe("blocklist_and_search");
    expect(decide(base, ctx(0, { failuresAtQuality: 3, allowLowerQuality: true }))).toMatchObject({
      strategy: "search_lower_quality",
      why: expect.stringContaining("3 releases failed at WEBDL-1080p"),
    });
    expect(decide(base, ctx(0, { failuresAtQuality: 3 }))).toMatchObject({
      strategy: "alert",
      exhausted: true,
      why: expect.stringContaining("Allow lower quality"),
    });
  });
  it("never lowers the quality for a failure that is not the release's fault", () => {
    expect(decide({ ...base, cause: "disk_full" }, ctx(0, { failuresAtQuality: 5, allowLowerQuality: true })).strategy).toBe("alert");
  });
  it("searches again, without a blocklist, for a download that vanished; alerts when no app tracks it", () => {
    const vanished: Detection = { ...base, source: "vanished", cause: "vanished", arr: { app: "sonarr", episodeId: 70, seriesId: 1 } };
    expect(decide(vanished, ctx(0)).strategy).toBe("search_again");
    const untracked: Detection = { ...vanished };
    delete untracked.arr;
    expect(decide(untracked, ctx(0)).strategy).toBe("alert");
  });

  it("steps down to the best profile below the failing resolution, preferring the narrowest, and stops at the bottom", () => {
    const profiles = [
      { id: 1, name: "Any", maxResolution: 1080, allowedQualities: ["SDTV", "HDTV-720p", "WEBDL-720p", "WEB 1080p", "Bluray-1080p"] },
      { id: 2, name: "SD", maxResolution: 480, allowedQualities: ["SDTV"] },
      { id: 3, name: "HD-720p", maxResolution: 720, allowedQualities: ["HDTV-720p", "WEBDL-720p"] },
      { id: 4, name: "HD-1080p", maxResolution: 1080, allowedQualities: ["HDTV-1080p", "WEB 1080p", "Bluray-1080p"] },
      { id: 5, name: "Ultra-HD", maxResolution: 2160, allowedQualities: ["WEBDL-2160p"] },
    ];
    expect(lowerQualityProfile(profiles, 2160)?.name).toBe("HD-1080p");
    expect(lowerQualityProfile(profiles, 1080)?.name).toBe("HD-720p");
    expect(lowerQualityProfile(profiles, 720)?.name).toBe("SD");
    expect(lowerQualityProfile(profiles, 480)).toBeUndefined();
  });

  const record = (downloadId: string, more: object = {}) => ({
    id: 1,
    title: `T ${downloadId}`,
    status: "downloading",
    statusMessages: [],
    downloadId,
    size: 1,
    sizeleft: 1,
    episodeId: 70,
    seriesId: 1,
    quality: "WEBDL-1080p",
    qualityResolution: 1080,
    ...more,
  });
  it("tells which tracked downloads are gone, judging only queues read in full", () => {
    const first = trackDownloads({ sonarrQueue: [record("a"), record("b")], completeQueues: ["sonarr"] }, {});
    expect(Object.keys(first.tracked)).toEqual(["a", "b"]);
    expect(first.gone).toEqual([]);
    const partial = trackDownloads({ sonarrQueue: [record("a")], completeQueues: [] }, first.tracked);
    expect(partial.gone).toEqual([]);
    expect(Object.keys(partial.tracked)).toEqual(["a", "b"]);
    const full = trackDownloads({ sonarrQueue: [record("a")], completeQueues: ["sonarr"] }, first.tracked);
    expect(full.gone.map(([id]) => id)).toEqual(["b"]);
    expect(full.gone[0]![1]).toMatchObject({ app: "sonarr", arr: { app: "sonarr", episodeId: 70, seriesId: 1 }, quality: { resolution: 1080 } });
  });
  it("counts a gone download as vanished only when history shows no import, failure or removal", () => {
    const gone = { app: "sonarr" as const, title: "T", arr: { app: "sonarr" as const, episodeId: 70 } };
    expect(vanishedDetection("b", gone, [{ eventType: "grabbed" }])).toMatchObject({ source: "vanished", cause: "vanished", key: "b" });
    for (const settled of ["downloadFolderImported", "movieFolderImported", "downloadFailed", "downloadIgnored"]) {
      expect(vanishedDetection("b", gone, [{ eventType: "grabbed" }, { eventType: settled }]), settled).toBeUndefined();
    }
  });
});

describe("stall detection", () => {
  const slot = (leftMb: number) => ({ sabQueue: [{ nzoId: "a", name: "A", status: "Downloading", leftMb, labels: [] }] });
  it("strikes a download each check it makes no progress and flags it at the threshold", () => {
    let stall = {};
    const results = [500, 500, 500, 500].map((left) => {
      const r = detect(slot(left), stall, 3);
      stall = r.stall;
      return r.detections.length;
    });
    expect(results).toEqual([0, 0, 0, 1]);
  });
  it("resets the strikes as soon as the download moves, so a slow download is never flagged", () => {
    let stall = {};
    const results = [500, 500, 499, 499, 498, 498].map((left) => {
      const r = detect(slot(left), stall, 3);
      stall = r.stall;
      return r.detections.length;
    });
    expect(results.every((n) => n === 0)).toBe(true);
  });
});

describe("webhook URLs", () => {
  it.each(["https://discord.com/api/webhooks/1/x", "https://hooks.example.com/a?b=c"])("accepts %s", (url) => expect(isPublicHttpsUrl(url)).toBe(true));
  it.each([
    "http://hooks.example.com",
    "https://localhost/x",
    "https://127.0.0.1",
    "https://10.1.2.3",
    "https://172.16.0.1",
    "https://192.168.1.1",
    "https://169.254.169.254",
    "https://[::1]/",
    "https://[fe80::1]/",
    "https://[fd00::1]/",
    "https://[::ffff:127.0.0.1]/",
    "https://nas.local/",
    "https://2130706433/",
    "https://user:pw@example.com/",
  ])("refuses %s", (url) => expect(isPublicHttpsUrl(url)).toBe(false));
});

describe("a download's identity across SABnzbd retries", () => {
  it("follows the new job id a SABnzbd retry returns", async () => {
    const detection: Detection = {
      ...base,
      source: "sabnzbd_history",
      app: "sabnzbd",
      downloadId: "SABnzbd_nzo_old",
      cause: "transient",
      retryableInSab: true,
    };
    const call = async (tool: string) => ({
      ok: true as const,
      tool,
      app: "sabnzbd" as const,
      data: { retried: true, nzoId: "SABnzbd_nzo_new" },
      text: "re-queued",
      latencyMs: 1,
      attempts: 1,
    });
    const result = await execute(typedToolCalls({ callTool: call, callMany: async () => [] }), detection, "retry_download");
    expect(result).toMatchObject({ outcome: "succeeded", nextJobId: "SABnzbd_nzo_new" });
  });
});
