import { describe, expect, it } from "vitest";
import type { CallOutcome, ToolOutput, tools } from "@autoarr/contract";
import { detect } from "./detect.logic";
import { snapshotOf } from "./queue-snapshot";

const historyRead = (slots: object[]): CallOutcome<ToolOutput<typeof tools.sabnzbd.history>> => ({
  ok: true,
  tool: "sabnzbd_history",
  app: "sabnzbd",
  data: { changed: true, lastHistoryUpdate: 1, slots } as never,
  text: "",
  latencyMs: 1,
  attempts: 1,
});
// A real SABnzbd 4.5 lists a job still in post-processing with its status already Failed but `retry: False` and
// `loaded` = pp_active (sabnzbd/api.py add_active_history; postproc.py sets pp_active around process_job).
const settling = {
  nzoId: "SABnzbd_nzo_a",
  name: "Show.S01E01",
  status: "Failed",
  failMessage: "URL Fetching failed; Server could not complete request",
  retry: false,
  postProcessing: true,
};
const settled = { ...settling, retry: true, postProcessing: false };

describe("the queue snapshot", () => {
  it("leaves out a job SABnzbd is still post-processing, so no check decides on its not-yet-final retry flag", () => {
    const snapshot = snapshotOf({ sabHistory: historyRead([settling]) });
    expect(snapshot.sabFailed).toEqual([]);
    expect(detect(snapshot, {}, 3).detections).toEqual([]);
  });

  it("takes the same job once post-processing is over, retryable as SABnzbd then says", () => {
    const snapshot = snapshotOf({ sabHistory: historyRead([settled]) });
    const [detection] = detect(snapshot, {}, 3).detections;
    expect(detection).toMatchObject({ key: "SABnzbd_nzo_a", source: "sabnzbd_history", cause: "transient", retryableInSab: true });
  });

  it("reads answers of a connector older than the field as final", () => {
    const { postProcessing: _, ...older } = settled;
    expect(snapshotOf({ sabHistory: historyRead([older]) }).sabFailed).toHaveLength(1);
  });
});
