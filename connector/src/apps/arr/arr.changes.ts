// Sonarr's and Radarr's "what changed" answer: GET /queue/status (QueueStatusController: counts and whether any item
// errs or warns) and the queue's totalRecords from a one-record page, read in parallel.
import type { ArrFingerprint } from "@autoarr/contract";
import { ok, type Result } from "../../http/upstream.js";
import type { ArrApi } from "./arr.api.js";
import { arr, bool, num, obj, paging, type Raw } from "./arr.types.js";

export async function arrChanges(api: ArrApi): Promise<Result<ArrFingerprint>> {
  const [status, queue] = await Promise.all([
    api.call<Raw>({ path: "queue/status" }),
    // The queue tool's own default: items not matched to the library left out (includeUnknown…Items=false). Newest
    // first, so a new grab shows even when it replaced a removed item and the counts stayed.
    api.call<Raw>({ path: "queue", query: { page: 1, pageSize: 1, sortKey: "added", sortDirection: "descending" } }),
  ]);
  if (!status.ok) return status;
  if (!queue.ok) return queue;
  const s = obj(status.value);
  const newest = num(obj(arr(obj(queue.value).records)[0]).id);
  return ok({
    totalCount: num(s.totalCount) ?? 0,
    count: num(s.count) ?? 0,
    unknownCount: num(s.unknownCount) ?? 0,
    errors: bool(s.errors) ?? false,
    warnings: bool(s.warnings) ?? false,
    unknownErrors: bool(s.unknownErrors) ?? false,
    unknownWarnings: bool(s.unknownWarnings) ?? false,
    totalRecords: paging(obj(queue.value)).totalRecords,
    ...(newest === undefined ? {} : { newestId: newest }),
  });
}
