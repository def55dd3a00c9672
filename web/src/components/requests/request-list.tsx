import { useQuery } from "@tanstack/react-query";
import { requestsQuery } from "../../api/requests.api";
import { useLiveConnection } from "../../hooks/use-live-connection";
import { EmptyState } from "../empty-state";
import { QueryView } from "../query-view";
import { SkeletonList } from "../skeleton";
import { RequestCard } from "./request-card";

const POLL_WHILE_NOT_LIVE_MS = 30_000;

export function RequestList() {
  const { status } = useLiveConnection();
  const query = useQuery({ ...requestsQuery(), refetchInterval: status === "online" ? false : POLL_WHILE_NOT_LIVE_MS });
  return (
    <section aria-labelledby="requests-heading">
      <h2 id="requests-heading">Your requests</h2>
      <QueryView
        query={query}
        loading={<SkeletonList rows={3} rowHeight={110} label="Loading requests" />}
        isEmpty={(page) => page.items.length === 0}
        empty={<EmptyState title="No requests yet">Ask for a show or movie above and follow it here until it's ready to watch.</EmptyState>}
      >
        {(page) => (
          <ul className="plain-list" aria-live="polite">
            {page.items.map((request) => (
              <RequestCard key={request.id} request={request} />
            ))}
          </ul>
        )}
      </QueryView>
    </section>
  );
}
