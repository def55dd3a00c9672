// What one check read of the download queues, as detection needs it: the tools' answers checked against their schemas.
import type { CallOutcome } from "@autoarr/contract";
import { ArrQueueOutput, SabHistoryOutput, SabQueueOutput } from "../connectors/tool-outputs.schema";
import type { QueueSnapshot } from "./detect.logic";

export function snapshotOf(outcomes: CallOutcome[]): QueueSnapshot {
  const data = (tool: string) => outcomes.find((o) => o.tool === tool && o.ok);
  const parse = <T>(tool: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }) => {
    const found = data(tool);
    if (!found?.ok) return undefined;
    const parsed = schema.safeParse(found.data);
    return parsed.success ? parsed.data : undefined;
  };
  const sonarr = parse("sonarr_queue", ArrQueueOutput);
  const radarr = parse("radarr_queue", ArrQueueOutput);
  const complete = (queue: typeof sonarr) => queue !== undefined && (queue.totalRecords ?? queue.records.length) <= queue.records.length;
  // A job SABnzbd is still post-processing may already say Failed while its retry flag is not yet set: decide on it
  // at the next check, once it is final.
  const history = parse("sabnzbd_history", SabHistoryOutput)?.slots.filter((s) => !s.postProcessing);
  return {
    sabQueue: parse("sabnzbd_queue", SabQueueOutput)?.slots,
    sabFailed: history?.filter((s) => s.status === "Failed"),
    sabCompleted: history?.filter((s) => s.status === "Completed"),
    sonarrQueue: sonarr?.records,
    radarrQueue: radarr?.records,
    completeQueues: [...(complete(sonarr) ? ["sonarr" as const] : []), ...(complete(radarr) ? ["radarr" as const] : [])],
  };
}
