// Renders one query's loading, offline, error, empty and loaded states the same way on every screen.
import type { FetchStatus } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ErrorState } from "./error-state";
import { OfflineState } from "./offline-state";

export type QueryLike<T> = {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  isError: boolean;
  fetchStatus: FetchStatus;
  refetch: () => unknown;
};

type QueryViewProps<T> = {
  query: QueryLike<T>;
  loading: ReactNode;
  empty?: ReactNode;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
};

export function QueryView<T>({ query, loading, empty, isEmpty, children }: QueryViewProps<T>) {
  if (query.isPending) return query.fetchStatus === "paused" ? <OfflineState /> : <>{loading}</>;
  if (query.isError || query.data === undefined) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (empty !== undefined && isEmpty?.(query.data)) return <>{empty}</>;
  return <>{children(query.data)}</>;
}
