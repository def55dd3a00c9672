import { queryOptions } from "@tanstack/react-query";
import type { MediaRequest, ParsedRequest, RequestPage } from "./api-types";
import { apiRequest } from "./http-client";
import { queryKeys } from "./query-keys";

export const requestsQuery = () =>
  queryOptions({
    queryKey: queryKeys.requests.list,
    queryFn: ({ signal }) => apiRequest<RequestPage>("/api/v1/requests", { signal }),
  });

export const parseQuery = (query: string) =>
  queryOptions({
    queryKey: queryKeys.requests.parse(query),
    queryFn: ({ signal }) => apiRequest<ParsedRequest>("/api/v1/requests/parse", { method: "POST", body: { query }, signal }),
    staleTime: Infinity,
    retry: false,
  });

export const createRequest = (query: string) => apiRequest<MediaRequest>("/api/v1/requests", { method: "POST", body: { query } });

export const chooseOption = (requestId: string, optionId: string) =>
  apiRequest<MediaRequest>(`/api/v1/requests/${encodeURIComponent(requestId)}/choose`, {
    method: "POST",
    body: { optionId },
  });
