// "Why isn't it here?": one item followed through the stack (POST /api/v1/diagnose) and the fixes its broken link offers
// (POST /api/v1/diagnose/fixes). Only the lazily loaded diagnosis view imports this, so none of it enters Home's chunk.
import { queryOptions } from "@tanstack/react-query";
import { apiRequest } from "./http-client";
import type { components } from "./openapi";

type Schemas = components["schemas"];

/** What to diagnose: exactly one of these (the route answers 400 otherwise); releaseSearch is added per request. */
export type DiagnoseTarget =
  | { requestId: string }
  | { sonarrSeriesId: number; seasonNumber?: number; episodeNumber?: number }
  | { radarrMovieId: number }
  | { query: string };

export type Diagnosis = Schemas["Diagnosis"];
export type DiagnosedItem = Schemas["DiagnosisTarget"];
export type DiagnosisStep = Schemas["DiagnosisStep"];
export type StepId = DiagnosisStep["id"];
export type StepStatus = DiagnosisStep["status"];
export type DiagnosisFix = Schemas["DiagnosisFix"];
export type FixAction = DiagnosisFix["action"];
export type FixResult = Schemas["DiagnosisFixResult"];

/** Fixes that undo or change something the person may want kept: asked for through a confirmation showing the dry run. */
const DESTRUCTIVE: ReadonlySet<FixAction> = new Set(["mark-failed", "blocklist-remove", "change-quality-profile"]);
export const isDestructive = (action: FixAction): boolean => DESTRUCTIVE.has(action);

export const diagnosisKeys = {
  all: ["diagnosis"] as const,
  of: (target: DiagnoseTarget, releaseSearch: boolean) => ["diagnosis", target, releaseSearch] as const,
};

export const diagnosisQuery = (target: DiagnoseTarget, releaseSearch: boolean) =>
  queryOptions({
    queryKey: diagnosisKeys.of(target, releaseSearch),
    queryFn: ({ signal }) => {
      const body: Schemas["DiagnoseRequest"] = { ...target, releaseSearch };
      return apiRequest<Diagnosis>("/api/v1/diagnose", { method: "POST", body, signal });
    },
    // Each diagnosis asks every app (and, with releaseSearch, every indexer): only when the person asks, and each
    // opening of the dialog asks afresh rather than showing an older answer.
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

export function applyFix(fix: DiagnosisFix, target: DiagnosedItem, dryRun: boolean): Promise<FixResult> {
  const body: Schemas["DiagnosisFixRequest"] = { action: fix.action, target, params: fix.params, dryRun };
  return apiRequest<FixResult>("/api/v1/diagnose/fixes", { method: "POST", body });
}
