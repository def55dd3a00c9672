import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { activityQuery } from "../api/activity.api";
import type { ActivityFilter } from "../api/query-keys";
import { ActivityFilters } from "../components/activity/activity-filters";
import { ActivityLog } from "../components/activity/activity-log";
import { RecoveryList } from "../components/activity/recovery-list";
import { EmptyState } from "../components/empty-state";
import { ErrorState } from "../components/error-state";
import { PageHeading } from "../components/page-heading";
import { QueryView } from "../components/query-view";
import { SkeletonList } from "../components/skeleton";

export default function ActivityScreen() {
  const [filter, setFilter] = useState<ActivityFilter>({ app: "", kind: "" });
  const query = useInfiniteQuery(activityQuery(filter));
  return (
    <>
      <PageHeading title="Activity" />
      <RecoveryList />
      <h2 id="log-heading">Log</h2>
      <ActivityFilters filter={filter} onChange={setFilter} />
      <QueryView
        query={query}
        loading={<SkeletonList rows={8} rowHeight={56} label="Loading activity" />}
        isEmpty={(data) => data.pages.every((page) => page.items.length === 0)}
        empty={<EmptyState title="Nothing here yet">No activity matches these filters.</EmptyState>}
      >
        {(data) => (
          <>
            <ActivityLog items={data.pages.flatMap((page) => page.items)} listProps={{ "aria-labelledby": "log-heading" }} />
            {query.isFetchNextPageError ? <ErrorState error={query.error} /> : null}
            {query.hasNextPage ? (
              <button
                type="button"
                className="secondary outline wide"
                onClick={() => void query.fetchNextPage()}
                aria-busy={query.isFetchingNextPage || undefined}
                disabled={query.isFetchingNextPage}
              >
                Load older activity
              </button>
            ) : (
              <p className="end-of-list">That's everything.</p>
            )}
          </>
        )}
      </QueryView>
    </>
  );
}
