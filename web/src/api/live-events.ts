// The tenant WebSocket's messages and how each one updates the cached queries, so screens change without refetching.
import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import type { ActivityItem, ActivityLevel, ActivityPage, CircuitState, HealthReport, MediaRequest, Queue, RequestPage } from "./api-types";
import { ServerEvent } from "./contract";
import { ALL_ACTIVITY } from "./activity.api";
import { serviceLabel } from "./service-labels";
import { queryKeys } from "./query-keys";

type HubEvent<T extends ServerEvent["type"]> = Extract<ServerEvent, { type: T }>;
/** The contract's CircuitEventData and RecoveryEventData. */
export type CircuitEvent = HubEvent<"circuit">["data"];
export type RecoveryEvent = HubEvent<"recovery">["data"];

/** The hub's events (ServerEvent), with the REST resource each one carries typed as that resource. */
export type LiveEvent =
  | HubEvent<"hello" | "pong" | "circuit" | "recovery">
  | { type: "activity"; at: string; data: ActivityItem }
  | { type: "queue"; at: string; data: Pick<Queue, "items"> }
  | { type: "request"; at: string; data: MediaRequest };

// The envelope is checked against the hub's own schema; the data shapes are the REST resources' and are trusted as such.
export function parseLiveEvent(raw: unknown): LiveEvent | null {
  if (typeof raw !== "string") return null;
  let message: unknown;
  try {
    message = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = ServerEvent.safeParse(message);
  if (!parsed.success) return null;
  const event = parsed.data as LiveEvent;
  return event.type === "activity" ? { ...event, data: activityFromEvent(event.data, event.at) } : event;
}

const LEVELS: readonly string[] = ["info", "warning", "error"] satisfies ActivityLevel[];

/** Live activity events carry the same item the REST log serves; `timestamp` is still read for older hubs. */
export function activityFromEvent(data: unknown, at: string): ActivityItem {
  const row = (data ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === "string" ? value : null);
  const level = text(row.level) ?? "info";
  return {
    id: text(row.id) ?? `${at}-${text(row.message) ?? ""}`,
    at: text(row.at) ?? text(row.timestamp) ?? at,
    app: text(row.app),
    kind: text(row.kind) ?? "activity",
    level: (LEVELS.includes(level) ? level : "info") as ActivityLevel,
    message: text(row.message) ?? "",
    data: row.data ?? null,
  };
}

const CIRCUIT_ANNOUNCEMENTS: Record<CircuitState, string> = {
  closed: "is healthy again",
  open: "is unreachable",
  half_open: "is being retried",
};

function updateCircuit(queryClient: QueryClient, { app, state, lastError, lastErrorAt }: CircuitEvent): string {
  queryClient.setQueryData<HealthReport>(queryKeys.health, (report) => {
    if (!report) return report;
    const previous = report.services[app];
    const service = {
      state,
      lastError,
      lastErrorAt: lastErrorAt ?? null,
      lastSuccessAt: previous?.lastSuccessAt ?? null,
      latencyMs: previous?.latencyMs ?? null,
    };
    // A circuit that is not closed makes the tenant degraded at once; whether a closed one makes it ok again is the
    // Worker's call (another service may still be failing), so the report is fetched again either way.
    const status = state === "closed" ? report.status : "degraded";
    return { ...report, status, services: { ...report.services, [app]: service } };
  });
  void queryClient.invalidateQueries({ queryKey: queryKeys.health });
  return `${serviceLabel(app)} ${CIRCUIT_ANNOUNCEMENTS[state]}.`;
}

function prependActivity(queryClient: QueryClient, item: ActivityItem): void {
  queryClient.setQueryData<InfiniteData<ActivityPage, string | null>>(queryKeys.activity.list(ALL_ACTIVITY), (data) => {
    const [first, ...rest] = data?.pages ?? [];
    if (!data || !first || first.items.some((existing) => existing.id === item.id)) return data;
    return { ...data, pages: [{ ...first, items: [item, ...first.items] }, ...rest] };
  });
  void queryClient.invalidateQueries({
    queryKey: queryKeys.activity.all,
    refetchType: "active",
    predicate: (query) => JSON.stringify(query.queryKey) !== JSON.stringify(queryKeys.activity.list(ALL_ACTIVITY)),
  });
}

function updateRequest(queryClient: QueryClient, request: MediaRequest): string | null {
  queryClient.setQueryData(queryKeys.requests.detail(request.id), request);
  let previousStatus: string | undefined;
  queryClient.setQueryData<RequestPage>(queryKeys.requests.list, (page) => {
    if (!page) return page;
    const index = page.items.findIndex((existing) => existing.id === request.id);
    if (index === -1) return { ...page, items: [request, ...page.items] };
    previousStatus = page.items[index]?.status;
    const items = page.items.slice();
    items[index] = request;
    return { ...page, items };
  });
  if (previousStatus === request.status) return null;
  const title = request.parse?.title ?? request.query;
  return `${title}: ${request.status.replace("_", " ")}.`;
}

export function applyLiveEvent(queryClient: QueryClient, event: LiveEvent): string | null {
  switch (event.type) {
    case "hello":
    case "pong":
      return null;
    case "circuit":
      return updateCircuit(queryClient, event.data);
    case "activity":
      prependActivity(queryClient, event.data);
      refreshOverview(queryClient);
      // A hunt's entry means a new run in the hunting panel's recent runs.
      if (event.data.kind === "hunt") void queryClient.invalidateQueries({ queryKey: queryKeys.hunting });
      return null;
    case "queue":
      // Only the items travel; a queue not fetched yet is fetched whole (with its sources) instead.
      if (queryClient.getQueryData<Queue>(queryKeys.queue)) {
        queryClient.setQueryData<Queue>(queryKeys.queue, (previous) => previous && { ...previous, items: event.data.items });
      } else void queryClient.invalidateQueries({ queryKey: queryKeys.queue });
      return null;
    case "request":
      return updateRequest(queryClient, event.data);
    case "recovery":
      // The activity line arrives as its own event; the queue and the recovery list change behind it.
      for (const queryKey of [queryKeys.queue, queryKeys.recoveries]) void queryClient.invalidateQueries({ queryKey });
      refreshOverview(queryClient);
      return `${serviceLabel(event.data.app)}: ${event.data.title} — ${event.data.action} (${event.data.outcome}).`;
  }
}

/** How long the overview waits after a live event for the rest of the check's burst before it is fetched again. */
export const OVERVIEW_SETTLE_MS = 1_000;
const overviewRefreshes = new WeakMap<QueryClient, ReturnType<typeof setTimeout>>();

/**
 * A check's burst of events (a line and a recovery per download) would ask for the overview once per event: it is
 * fetched once, after the burst has settled, with every row the check wrote.
 */
function refreshOverview(queryClient: QueryClient): void {
  clearTimeout(overviewRefreshes.get(queryClient));
  overviewRefreshes.set(
    queryClient,
    setTimeout(() => {
      overviewRefreshes.delete(queryClient);
      void queryClient.invalidateQueries({ queryKey: queryKeys.overview.all });
    }, OVERVIEW_SETTLE_MS),
  );
}

export function catchUpAfterReconnect(queryClient: QueryClient): void {
  for (const queryKey of [queryKeys.health, queryKeys.queue, queryKeys.recoveries, queryKeys.activity.all, queryKeys.requests.all, queryKeys.overview.all]) {
    void queryClient.invalidateQueries({ queryKey });
  }
}
