import { queryOptions } from "@tanstack/react-query";
import type { HealthReport, Queue } from "./api-types";
import { apiRequest } from "./http-client";
import { queryKeys } from "./query-keys";

export const healthQuery = () =>
  queryOptions({
    queryKey: queryKeys.health,
    queryFn: ({ signal }) => apiRequest<HealthReport>("/health", { signal, auth: "optional", answerStatuses: [503] }),
    refetchInterval: 60_000,
  });

export const queueQuery = () =>
  queryOptions({
    queryKey: queryKeys.queue,
    queryFn: ({ signal }) => apiRequest<Queue>("/api/v1/downloads/queue", { signal }),
  });
