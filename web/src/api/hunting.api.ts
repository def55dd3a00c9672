// Gentle hunting: each app's settings, the pause switch and the recent hunts (GET/PUT/POST /api/v1/hunting…).
import { queryOptions } from "@tanstack/react-query";
import type { components } from "./openapi";
import { apiRequest } from "./http-client";
import { queryKeys } from "./query-keys";

type Schemas = components["schemas"];
export type HuntingOverview = Schemas["HuntingOverview"];
export type HuntingAppState = Schemas["HuntingAppState"];
export type HuntingSettings = Schemas["HuntingSettings"];
export type HuntingSettingsPatch = Schemas["HuntingSettingsPatch"];
export type HuntRun = Schemas["HuntRun"];
export type HuntApp = HuntRun["app"];

export const huntingQuery = () =>
  queryOptions({
    queryKey: queryKeys.hunting,
    queryFn: ({ signal }) => apiRequest<HuntingOverview>("/api/v1/hunting", { signal }),
  });

export const saveHuntingSettings = (app: HuntApp, patch: HuntingSettingsPatch) =>
  apiRequest<HuntingAppState>(`/api/v1/hunting/${app}`, { method: "PUT", body: patch });

export const setHuntingPaused = (app: HuntApp, paused: boolean) =>
  apiRequest<HuntingAppState>(`/api/v1/hunting/${app}/${paused ? "pause" : "resume"}`, { method: "POST" });
