// A job SABnzbd completed with articles missing and nothing repaired: damaged, although its status is "Completed".
// The stage texts are a real 4.5's (connector/test/sabnzbd-stage-log.test.ts, test/stack/realbed-fixtures.test.mjs).
import { describe, expect, it } from "vitest";
import { damageOf } from "./damage.logic";
import { detect } from "./detect.logic";
import { decide } from "./strategy.logic";

const download = (...lines: string[]) => ({ name: "Download", actions: ["Downloaded in 0 seconds at an average of 4.2 MB/s", "Age: 0m", ...lines] });
const ctx = { attempts: 0, maxAttempts: 3, failuresAtQuality: 1, allowLowerQuality: false };

describe("a damaged completed job", () => {
  it("is one whose Download stage says articles were missing and no Repair line says it was made whole", () => {
    expect(damageOf([download("2 articles were missing"), { name: "Repair", actions: ["Trying RAR renamer", "[X] No par2 sets"] }])).toBe(
      "Download: 2 articles were missing; Repair: [X] No par2 sets",
    );
    expect(damageOf([download("1 articles were missing")])).toBe("Download: 1 articles were missing");
  });
  it("is not one PAR2 repaired or verified, nor one with nothing missing", () => {
    expect(damageOf([download("1 articles were missing"), { name: "Repair", actions: ["[Realbed.Repairable.Release] Repaired in 1 second"] }])).toBeUndefined();
    expect(damageOf([download("1 articles were missing"), { name: "Repair", actions: ["[X] Quick Check OK"] }])).toBeUndefined();
    expect(damageOf([download("3 articles were missing"), { name: "Repair", actions: ["[X] Verified in 2 seconds, all files correct"] }])).toBeUndefined();
    expect(damageOf([download()])).toBeUndefined();
    expect(damageOf(undefined)).toBeUndefined();
  });

  const slot = {
    nzoId: "SABnzbd_nzo_d",
    name: "Show.S01E02.720p.WEB-DL-GRP",
    status: "Completed",
    failMessage: "",
    retry: false,
    postProcessing: false,
    stageLog: [download("2 articles were missing")],
  };
  it("is detected from SABnzbd's history with the real stage text, never as retryable", () => {
    const { detections } = detect({ sabCompleted: [slot] }, {}, 3);
    expect(detections).toEqual([
      expect.objectContaining({
        key: "SABnzbd_nzo_d",
        source: "sabnzbd_history",
        cause: "damaged",
        retryableInSab: false,
        reason: expect.stringContaining("2 articles were missing"),
      }),
    ]);
    expect(detect({ sabCompleted: [{ ...slot, stageLog: [download()] }] }, {}, 3).detections).toEqual([]);
  });
  it("is blocklisted and searched again while the app has not imported it, and only reported otherwise", () => {
    const [found] = detect({ sabCompleted: [slot] }, {}, 3).detections;
    expect(decide(found!, ctx)).toMatchObject({ strategy: "alert", why: expect.stringContaining("damaged") });
    expect(decide({ ...found!, arr: { app: "sonarr", queueId: 3, episodeId: 7 } }, ctx)).toMatchObject({
      strategy: "blocklist_and_search",
      why: expect.stringContaining("before Sonarr imports it"),
    });
    expect(decide({ ...found!, arr: { app: "sonarr", episodeId: 7 } }, ctx)).toMatchObject({ strategy: "alert", why: expect.stringContaining("Sonarr") });
  });
});
