import { describe, expect, it } from "vitest";
import { detect, type Detection } from "./detect.logic";
import { causeOf } from "./failure-reason.logic";
import { decide } from "./strategy.logic";
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
});

const base: Detection = { key: "n1", source: "sonarr_queue", app: "sonarr", title: "Show S01E01", downloadId: "n1", reason: "x", cause: "broken_release", arr: { app: "sonarr", queueId: 7, episodeId: 70 } };

describe("recovery decision tree", () => {
  it("blocklists and searches again for a broken release Sonarr tracks", () => {
    expect(decide(base, 0, 3).strategy).toBe("blocklist_and_search");
  });
  it("only alerts for disk full and permissions", () => {
    expect(decide({ ...base, cause: "disk_full" }, 0, 3).strategy).toBe("alert");
    expect(decide({ ...base, cause: "permissions" }, 0, 3).strategy).toBe("alert");
  });
  it("alerts with the app's message when an import is blocked", () => {
    const decision = decide({ ...base, cause: "import_path", reason: "No files found are eligible for import" }, 0, 3);
    expect(decision).toMatchObject({ strategy: "alert", why: expect.stringContaining("No files found") });
  });
  it("retries in SABnzbd only for a transient failure that SABnzbd can retry", () => {
    const sab: Detection = { ...base, source: "sabnzbd_history", app: "sabnzbd", cause: "transient", retryableInSab: true };
    delete sab.arr;
    expect(decide(sab, 0, 3).strategy).toBe("retry_download");
    expect(decide({ ...sab, cause: "broken_release" }, 0, 3).strategy).toBe("mark_failed_and_search");
  });
  it("stops at the maximum number of attempts", () => {
    expect(decide(base, 2, 3).strategy).toBe("blocklist_and_search");
    expect(decide(base, 3, 3)).toMatchObject({ strategy: "alert", why: expect.stringContaining("Gave up after 3") });
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
