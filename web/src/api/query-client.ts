// The app's TanStack Query client: no retries for answers that won't change on retry, and a pause rather than errors while offline.
import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "./api-error";

const NOT_WORTH_RETRYING = new Set([400, 401, 403, 404, 409, 413, 415]);

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        retry: (failureCount, error) => {
          if (error instanceof ApiError && NOT_WORTH_RETRYING.has(error.status)) return false;
          return failureCount < 2;
        },
      },
      mutations: { retry: false },
    },
  });
}
