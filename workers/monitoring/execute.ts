// Carries out a recovery strategy through the orchestrator. Writes are never retried blindly: a failure is
// reported as it is, and the next check decides again from what the apps then show.
import { type AnyToolRef, type ToolInput, tools } from "@autoarr/contract";
import type { ToolCalls } from "../connectors/tool-call";
import type { ArrLink, Detection } from "./detect.logic";
import { lowerQualityProfile } from "../requests/quality-profile";
import type { Strategy } from "./strategy.logic";

/** How a recovery reaches the apps: typed calls by contract ref. */
export type Caller = ToolCalls;

export interface ExecutionResult {
  outcome: "succeeded" | "failed" | "alerted";
  steps: { tool: string; ok: boolean; message: string }[];
  /** The SABnzbd job that now carries the download: a real SABnzbd gives a retried job a new nzo_id. */
  nextJobId?: string;
  /** Set when less than the chosen strategy was carried out (only an alert): what is recorded is what happened. */
  carriedOut?: Strategy;
  /** What was and was not done, for the user, when it differs from the strategy's own reason. */
  note?: string;
}

function searchCommand(app: "sonarr" | "radarr", ids: { episodeId?: number; episodeIds?: number[]; seriesId?: number; movieId?: number }) {
  if (app === "radarr") return ids.movieId ? { name: "MoviesSearch", movieIds: [ids.movieId] } : undefined;
  // One search for every episode of a multi-episode download (EpisodeSearch takes episodeIds).
  const episodeIds = ids.episodeIds?.length ? ids.episodeIds : ids.episodeId ? [ids.episodeId] : [];
  if (episodeIds.length > 0) return { name: "EpisodeSearch", episodeIds };
  return ids.seriesId ? { name: "SeriesSearch", seriesId: ids.seriesId } : undefined;
}

async function run<R extends AnyToolRef>(call: Caller, steps: ExecutionResult["steps"], ref: R, args: ToolInput<R>): Promise<boolean> {
  const outcome = await call.call(ref, args);
  steps.push({ tool: ref.name, ok: outcome.ok, message: outcome.ok ? outcome.text : outcome.error.message });
  return outcome.ok;
}

async function search(call: Caller, steps: ExecutionResult["steps"], app: "sonarr" | "radarr", ids: Parameters<typeof searchCommand>[1]) {
  const command = searchCommand(app, ids);
  if (!command) {
    steps.push({ tool: tools[app].command.name, ok: false, message: "No episode or movie id to search for" });
    return false;
  }
  return run(call, steps, tools[app].command, command as ToolInput<(typeof tools)[typeof app]["command"]>);
}

/** Finds the Sonarr/Radarr failed-download record of a download that already left the queue. */
async function trackedFailure(call: Caller, downloadId: string) {
  for (const app of ["sonarr", "radarr"] as const) {
    const outcome = await call.call(tools[app].historyFailed, { pageSize: 50 });
    if (!outcome.ok) continue;
    // Sonarr records a failure once per episode of the download (HistoryService handles DownloadFailedEvent per episode).
    const records = outcome.data.records.filter((r) => r.downloadId === downloadId);
    const episodeIds = [...new Set(records.flatMap((r) => (r.episodeId ? [r.episodeId] : [])))];
    if (records[0]) return { app, record: { ...records[0], ...(episodeIds.length > 0 ? { episodeIds } : {}) } };
  }
  return undefined;
}

/** Removes the release from the app's queue and blocklists it; AutoArr starts the search itself, so it can follow it. */
async function blocklist(call: Caller, steps: ExecutionResult["steps"], arr: ArrLink): Promise<boolean> {
  if (arr.queueId === undefined) {
    steps.push({ tool: tools[arr.app].queueRemove.name, ok: false, message: "The download is no longer in the queue" });
    return false;
  }
  return run(call, steps, tools[arr.app].queueRemove, { id: arr.queueId, removeFromClient: true, blocklist: true, skipRedownload: true });
}

/** Moves the series or movie to the best quality profile below the one that keeps failing. Sonarr sets profiles per series. */
async function lowerQuality(
  call: Caller,
  steps: ExecutionResult["steps"],
  detection: Detection & { arr: ArrLink },
): Promise<"lowered" | "none_lower" | "failed"> {
  const { arr, quality } = detection;
  const mediaId = arr.app === "sonarr" ? arr.seriesId : arr.movieId;
  if (!quality || !mediaId) {
    steps.push({ tool: tools[arr.app].setQualityProfile.name, ok: false, message: "The app did not say which quality or item this download was" });
    return "failed";
  }
  const outcome = await call.call(tools[arr.app].qualityProfiles, {});
  if (!outcome.ok) {
    steps.push({ tool: tools[arr.app].qualityProfiles.name, ok: false, message: outcome.error.message });
    return "failed";
  }
  const target = lowerQualityProfile(outcome.data.profiles, quality.resolution);
  if (!target) {
    steps.push({ tool: tools[arr.app].qualityProfiles.name, ok: false, message: `No quality profile allows less than ${quality.name}` });
    return "none_lower";
  }
  const changed = await run(call, steps, tools[arr.app].setQualityProfile, { id: mediaId, qualityProfileId: target.id });
  return changed ? "lowered" : "failed";
}

export async function execute(call: Caller, detection: Detection, strategy: Strategy): Promise<ExecutionResult> {
  const steps: ExecutionResult["steps"] = [];
  const done = (ok: boolean): ExecutionResult => ({ outcome: ok ? "succeeded" : "failed", steps });
  switch (strategy) {
    case "alert":
      return { outcome: "alerted", steps };
    case "retry_download": {
      const outcome = await call.call(tools.sabnzbd.retry, { nzoId: detection.downloadId ?? "" });
      steps.push({ tool: tools.sabnzbd.retry.name, ok: outcome.ok, message: outcome.ok ? outcome.text : outcome.error.message });
      const retried = outcome.ok ? (outcome.data as { nzoId?: unknown }).nzoId : undefined;
      return { ...done(outcome.ok), ...(typeof retried === "string" ? { nextJobId: retried } : {}) };
    }
    case "blocklist_and_search": {
      const arr = detection.arr;
      if (!arr) return done(false);
      return done((await blocklist(call, steps, arr)) && (await search(call, steps, arr.app, arr)));
    }
    case "search_lower_quality": {
      const arr = detection.arr;
      if (!arr) return done(false);
      // Lower first: if no lower profile exists the release stays where the user can see it.
      const lowered = await lowerQuality(call, steps, { ...detection, arr });
      if (lowered === "none_lower")
        return {
          outcome: "alerted",
          steps,
          carriedOut: "alert",
          note: `no quality profile allows less than ${detection.quality?.name ?? "this quality"}, so nothing was changed or searched`,
        };
      if (lowered === "failed") return done(false);
      const removed = arr.queueId === undefined || (await blocklist(call, steps, arr));
      return done(removed && (await search(call, steps, arr.app, arr)));
    }
    case "search_again": {
      const arr = detection.arr;
      return done(arr ? await search(call, steps, arr.app, arr) : false);
    }
    case "mark_failed_and_search": {
      const tracked = detection.downloadId ? await trackedFailure(call, detection.downloadId) : undefined;
      if (!tracked) {
        steps.push({
          tool: tools.sonarr.historyFailed.name,
          ok: false,
          message: "Neither Sonarr nor Radarr tracks this download, so there is nothing to search for",
        });
        return {
          outcome: "alerted",
          steps,
          carriedOut: "alert",
          note: "neither Sonarr nor Radarr tracks this download, so nothing was marked failed or searched",
        };
      }
      return done(await search(call, steps, tracked.app, tracked.record));
    }
  }
}
