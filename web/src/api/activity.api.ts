import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { ActivityPage, RecoveryDecision, RecoveryPage } from "./api-types";
import { apiRequest } from "./http-client";
import { queryKeys, type ActivityFilter } from "./query-keys";

export const ALL_ACTIVITY: ActivityFilter = { app: "", kind: "" };

/** Small pages keep the log quick on a phone; older entries load on demand. */
export const ACTIVITY_PAGE_SIZE = 10;

function activityPath(filter: ActivityFilter, cursor: string | null): string {
  const params = new URLSearchParams();
  params.set("limit", String(ACTIVITY_PAGE_SIZE));
  if (cursor) params.set("cursor", cursor);
  if (filter.app) params.set("app", filter.app);
  if (filter.kind) params.set("kind", filter.kind);
  const query = params.toString();
  return query ? `/api/v1/activity?${query}` : "/api/v1/activity";
}

export const activityQuery = (filter: ActivityFilter) =>
  infiniteQueryOptions({
    queryKey: queryKeys.activity.list(filter),
    queryFn: ({ pageParam, signal }) => apiRequest<ActivityPage>(activityPath(filter, pageParam), { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

/** What AutoArr did (or would do) about failed and stalled downloads, newest first. */
export const recoveriesQuery = () =>
  queryOptions({
    queryKey: queryKeys.recoveries,
    queryFn: ({ signal }) => apiRequest<RecoveryPage>("/api/v1/downloads/recoveries?limit=20", { signal }),
  });

export const decideRecovery = (id: string, approve: boolean) =>
  apiRequest<RecoveryDecision>(`/api/v1/downloads/recoveries/${encodeURIComponent(id)}/${approve ? "approve" : "reject"}`, { method: "POST" });
