// A Sonarr download of several episodes is one queue record per episode (Sonarr QueueService.MapQueue; the Sonarr
// simulator follows it, connector/src/simulators/SOURCES.md): it is one download to recover, acted on once.
import { typedToolCalls } from "../connectors/tool-call";
import { describe, expect, it } from "vitest";
import { detect } from "./detect.logic";
import { execute } from "./execute";
import { trackDownloads } from "./vanished.logic";

const record = (id: number, episodeId: number, more: object = {}) => ({
  id,
  title: "Show.S01E01E02.1080p.WEB-DL-GRP",
  status: "failed",
  trackedDownloadState: "failedPending",
  trackedDownloadStatus: "ok",
  statusMessages: [],
  errorMessage: "Download failed - Not on your server(s)",
  downloadId: "SABnzbd_nzo_pack",
  size: 1,
  sizeleft: 1,
  seriesId: 4,
  episodeId,
  quality: "WEBDL-1080p",
  qualityResolution: 1080,
  ...more,
});

describe("a multi-episode download", () => {
  it("is detected once, with every episode it carries", () => {
    const { detections } = detect({ sonarrQueue: [record(11, 401), record(12, 402), record(13, 403)] }, {}, 3);
    expect(detections).toHaveLength(1);
    expect(detections[0]).toMatchObject({ key: "SABnzbd_nzo_pack", arr: { app: "sonarr", queueId: 11, seriesId: 4, episodeIds: [401, 402, 403] } });
  });

  it("links its SABnzbd failure to all its episodes", () => {
    const failed = {
      nzoId: "SABnzbd_nzo_pack",
      name: "Show.S01E01E02.1080p.WEB-DL-GRP",
      status: "Failed",
      failMessage: "Download failed - Not on your server(s)",
      retry: true,
      postProcessing: false,
    };
    const queue = [
      record(11, 401, { status: "downloading", trackedDownloadState: "downloading" }),
      record(12, 402, { status: "downloading", trackedDownloadState: "downloading" }),
    ];
    const { detections } = detect({ sabFailed: [failed], sonarrQueue: queue }, {}, 3);
    expect(detections).toHaveLength(1);
    expect(detections[0]!.arr).toMatchObject({ episodeIds: [401, 402] });
  });

  it("is recovered by one queue removal with blocklist and one search for all its episodes", async () => {
    const { detections } = detect({ sonarrQueue: [record(11, 401), record(12, 402)] }, {}, 3);
    const calls: { tool: string; args: Record<string, unknown> }[] = [];
    const answers: Record<string, object> = {
      sonarr_queue_remove: { removed: true, id: 11, removeFromClient: true, blocklisted: true, skipRedownload: true },
      sonarr_command: { id: 7, name: "EpisodeSearch", status: "queued" },
    };
    const callTool = async (tool: string, args: Record<string, unknown>) => {
      calls.push({ tool, args });
      return { ok: true as const, tool, app: "sonarr" as const, data: answers[tool] as never, text: "ok", latencyMs: 1, attempts: 1 };
    };
    const result = await execute(typedToolCalls({ callTool, callMany: async () => [] }), detections[0]!, "blocklist_and_search");
    expect(result.outcome).toBe("succeeded");
    expect(calls).toEqual([
      { tool: "sonarr_queue_remove", args: { id: 11, removeFromClient: true, blocklist: true, skipRedownload: true } },
      { tool: "sonarr_command", args: { name: "EpisodeSearch", episodeIds: [401, 402] } },
    ]);
  });

  it("is tracked with all its episodes, so a search after it vanished asks for each", () => {
    const { tracked } = trackDownloads({ sonarrQueue: [record(11, 401), record(12, 402)], completeQueues: ["sonarr"] }, {});
    expect(tracked["SABnzbd_nzo_pack"]!.arr).toMatchObject({ episodeIds: [401, 402] });
  });
});
