// The at-a-glance picture of the stack: the week's numbers, the queue over the last hours, the audits' findings over time.
import { queryOptions } from "@tanstack/react-query";
import type { FindingsTrend, Overview, QueueTimeline } from "./api-types";
import { apiRequest } from "./http-client";
import { queryKeys } from "./query-keys";

/** The browser's IANA zone, so the overview's days are the user's calendar days. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

export const overviewQuery = ({ days = 7, timeZone = browserTimeZone() }: { days?: number; timeZone?: string } = {}) =>
  queryOptions({
    queryKey: queryKeys.overview.summary(days, timeZone),
    queryFn: ({ signal }) => apiRequest<Overview>(`/api/v1/overview?${new URLSearchParams({ days: String(days), tz: timeZone })}`, { signal }),
    refetchInterval: 5 * 60_000,
  });

// The periodic check samples the queue every two minutes; asking more often would only repeat the last sample.
export const queueTimelineQuery = (hours = 6) =>
  queryOptions({
    queryKey: queryKeys.overview.queue(hours),
    queryFn: ({ signal }) => apiRequest<QueueTimeline>(`/api/v1/overview/queue?hours=${hours}`, { signal }),
    refetchInterval: 2 * 60_000,
  });

export const findingsTrendQuery = (audits = 12) =>
  queryOptions({
    queryKey: queryKeys.overview.findings(audits),
    queryFn: ({ signal }) => apiRequest<FindingsTrend>(`/api/v1/overview/findings?audits=${audits}`, { signal }),
  });
