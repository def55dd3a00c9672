import { queryOptions } from "@tanstack/react-query";
import type { AppName, Audit, ConfigChangeResult, ConfigHistory, PlannedChange, Recommendation } from "./api-types";
import { apiRequest } from "./http-client";
import { queryKeys } from "./query-keys";

export const latestAuditQuery = () =>
  queryOptions({
    queryKey: queryKeys.audit.latest,
    queryFn: ({ signal }) => apiRequest<Audit>("/api/v1/config/audits/latest", { signal }),
  });

export const changeHistoryQuery = () =>
  queryOptions({
    queryKey: queryKeys.audit.history,
    queryFn: ({ signal }) => apiRequest<ConfigHistory>("/api/v1/config/history", { signal }),
  });

/** Runs a fresh audit; `refresh` re-reads the apps instead of using configuration cached in the last 5 minutes. */
export const runAudit = (options: { apps?: AppName[]; refresh?: boolean } = {}) =>
  apiRequest<Audit>("/api/v1/config/audit", {
    method: "POST",
    body: { ...(options.apps ? { apps: options.apps } : {}), ...(options.refresh ? { refresh: true } : {}) },
  });

export const previewRecommendation = (recommendationId: string) =>
  apiRequest<PlannedChange>("/api/v1/config/apply", { method: "POST", body: { recommendationId, dryRun: true } });

export const applyRecommendation = (recommendationId: string) =>
  apiRequest<ConfigChangeResult>("/api/v1/config/apply", { method: "POST", body: { recommendationId, dryRun: false } });

export const dismissRecommendation = (recommendationId: string) =>
  apiRequest<Recommendation>(`/api/v1/config/recommendations/${encodeURIComponent(recommendationId)}/dismiss`, { method: "POST" });

export const rollBackChange = (changeId: string) =>
  apiRequest<ConfigChangeResult>(`/api/v1/config/history/${encodeURIComponent(changeId)}/rollback`, { method: "POST" });
