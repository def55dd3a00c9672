import { queryOptions } from "@tanstack/react-query";
import type { AppName, Audit, ConfigChange, Page, PlannedChange } from "./contract.types";
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
    queryFn: ({ signal }) => apiRequest<Page<ConfigChange>>("/api/v1/config/history", { signal }),
  });

export const runAudit = (apps?: AppName[]) =>
  apiRequest<Audit>("/api/v1/config/audit", { method: "POST", body: apps ? { apps } : {} });

export const previewRecommendation = (recommendationId: string) =>
  apiRequest<PlannedChange>("/api/v1/config/apply", { method: "POST", body: { recommendationId, dryRun: true } });

export const applyRecommendation = (recommendationId: string) =>
  apiRequest<{ change: ConfigChange }>("/api/v1/config/apply", { method: "POST", body: { recommendationId } });

export const dismissRecommendation = (recommendationId: string) =>
  apiRequest<void>(`/api/v1/config/recommendations/${encodeURIComponent(recommendationId)}/dismiss`, { method: "POST" });

export const rollBackChange = (changeId: string) =>
  apiRequest<unknown>(`/api/v1/config/history/${encodeURIComponent(changeId)}/rollback`, { method: "POST" });
