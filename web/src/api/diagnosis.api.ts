// "Why isn't it here?": one item followed through the stack (POST /api/v1/diagnose) and the fixes its broken link offers
// (POST /api/v1/diagnose/fixes). Only the lazily loaded diagnosis view imports this, so none of it enters Home's chunk.
import { queryOptions } from "@tanstack/react-query";
import { apiRequest } from "./http-client";

// The shapes of workers/diagnosis/diagnosis.schema.ts as /tmp/issue19/interfaces.md fixes them, until the Worker's routes
// are in openapi.d.ts; then these become aliases of components["schemas"].
export const STEP_IDS = ["plex", "known", "monitored", "wanted", "searched", "releases", "indexers", "grabbed", "download", "import", "plex-refresh"] as const;
/** What to diagnose: exactly one of these (the route answers 400 otherwise). */
export type DiagnoseTarget =
  | { requestId: string }
  | { sonarrSeriesId: number; seasonNumber?: number; episodeNumber?: number }
  | { radarrMovieId: number }
  | { query: string };

export type StepId = (typeof STEP_IDS)[number];
export type StepStatus = "ok" | "broken" | "warning" | "waiting" | "skipped" | "unknown";
export type FixAction =
  | "search"
  | "monitor"
  | "blocklist-remove"
  | "retry-download"
  | "mark-failed"
  | "change-quality-profile"
  | "plex-refresh"
  | "indexer-enable";

export type DiagnosedItem = {
  app: "sonarr" | "radarr";
  label: string;
  seriesId?: number;
  seasonNumber?: number;
  episodeNumber?: number;
  episodeId?: number;
  movieId?: number;
  tvdbId?: number;
  tmdbId?: number;
  title?: string;
  year?: number;
};

export type DiagnosisStep = { id: StepId; title: string; status: StepStatus; saw: string; where: string; evidence?: string[] };

export type DiagnosisFix = {
  id: string;
  action: FixAction;
  label: string;
  description: string;
  app: string;
  step: StepId;
  params: Record<string, unknown>;
};

export type Diagnosis = {
  target: DiagnosedItem;
  verdict: { status: "broken" | "arrived" | "on-its-way" | "unknown"; step: StepId | null; summary: string };
  steps: DiagnosisStep[];
  fixes: DiagnosisFix[];
  releaseSearch: "not-run" | "ran";
  diagnosedAt: string;
};

export type FixResult = { action: FixAction; dryRun: boolean; applied: boolean; message: string; activityId?: string; changeId?: string };

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
    queryFn: ({ signal }) => apiRequest<Diagnosis>("/api/v1/diagnose", { method: "POST", body: { ...target, releaseSearch }, signal }),
    // Each diagnosis asks every app (and, with releaseSearch, every indexer): only when the person asks, and each
    // opening of the dialog asks afresh rather than showing an older answer.
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

export const applyFix = (fix: DiagnosisFix, target: DiagnosedItem, dryRun: boolean) =>
  apiRequest<FixResult>("/api/v1/diagnose/fixes", { method: "POST", body: { action: fix.action, target, params: fix.params, dryRun } });
