import { queryOptions } from "@tanstack/react-query";
import type { ConnectorList, CreatedConnector, NewConnector } from "./api-types";
import { apiRequest } from "./http-client";
import { queryKeys } from "./query-keys";

export const connectorsQuery = () =>
  queryOptions({
    queryKey: queryKeys.connectors,
    queryFn: ({ signal }) => apiRequest<ConnectorList>("/api/v1/connectors", { signal }),
  });

export const createConnector = (connector: NewConnector) => apiRequest<CreatedConnector>("/api/v1/connectors", { method: "POST", body: connector });

export const deleteConnector = (id: string) => apiRequest<void>(`/api/v1/connectors/${encodeURIComponent(id)}`, { method: "DELETE" });
