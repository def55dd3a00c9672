import { queryOptions } from "@tanstack/react-query";
import type { RecoverySettings } from "./api-types";
import { apiRequest } from "./http-client";
import { queryKeys } from "./query-keys";

export const recoverySettingsQuery = () =>
  queryOptions({
    queryKey: queryKeys.settings.recovery,
    queryFn: ({ signal }) => apiRequest<RecoverySettings>("/api/v1/settings/recovery", { signal }),
  });

export const saveRecoverySettings = (settings: RecoverySettings) =>
  apiRequest<RecoverySettings>("/api/v1/settings/recovery", { method: "PUT", body: settings });
