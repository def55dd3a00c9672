// What one check read of the download queues, as detection needs it: the tools' answers, already checked against
// their contract refs by the typed call.
import type { CallOutcome, ToolOutput, tools } from "@autoarr/contract";
import type { QueueSnapshot } from "./detect.logic";

/** The check's four reads (one left out counts as not answered). */
export interface QueueReads {
  sabQueue?: CallOutcome<ToolOutput<typeof tools.sabnzbd.queue>>;
  sabHistory?: CallOutcome<ToolOutput<typeof tools.sabnzbd.history>>;
  sonarrQueue?: CallOutcome<ToolOutput<typeof tools.sonarr.queue>>;
  radarrQueue?: CallOutcome<ToolOutput<typeof tools.radarr.queue>>;
}

const dataOf = <O>(outcome: CallOutcome<O> | undefined): O | undefined => (outcome?.ok ? outcome.data : undefined);

export function snapshotOf(read: QueueReads): QueueSnapshot {
  const sonarr = dataOf(read.sonarrQueue);
  const radarr = dataOf(read.radarrQueue);
  const complete = (queue: typeof sonarr) => queue !== undefined && (queue.totalRecords ?? queue.records.length) <= queue.records.length;
  // A job SABnzbd is still post-processing may already say Failed while its retry flag is not yet set: decide on it
  // at the next check, once it is final.
  const history = dataOf(read.sabHistory)?.slots.filter((s) => !s.postProcessing);
  return {
    sabQueue: dataOf(read.sabQueue)?.slots,
    sabFailed: history?.filter((s) => s.status === "Failed"),
    sabCompleted: history?.filter((s) => s.status === "Completed"),
    sonarrQueue: sonarr?.records,
    radarrQueue: radarr?.records,
    completeQueues: [...(complete(sonarr) ? ["sonarr" as const] : []), ...(complete(radarr) ? ["radarr" as const] : [])],
  };
}
