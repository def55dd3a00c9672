// What the details dialog fetches when it opens: a recovery's steps, and the apps' own web addresses for the links.
import { queryOptions } from "@tanstack/react-query";
import type { AppLinks, RecoveryDetail } from "./api-types";
import { apiRequest } from "./http-client";
import { queryKeys } from "./query-keys";

/** One recovery action with the steps AutoArr took, in order (GET /api/v1/downloads/recoveries/{id}). */
export const recoveryDetailQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.recoveryDetail(id),
    queryFn: ({ signal }) => apiRequest<RecoveryDetail>(`/api/v1/downloads/recoveries/${encodeURIComponent(id)}`, { signal }),
  });

/** Each app's base URL as the connector reports it; the Worker caches it, so an hour here is plenty. */
export const appLinksQuery = () =>
  queryOptions({
    queryKey: queryKeys.appLinks,
    queryFn: ({ signal }) => apiRequest<AppLinks>("/api/v1/apps/links", { signal }),
    staleTime: 60 * 60_000,
  });
