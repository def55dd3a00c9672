// The latest few activity entries; new ones arrive over the WebSocket into a region of fixed height. Each opens its details.
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { activityQuery, ALL_ACTIVITY } from "../../api/activity.api";
import { ActivityLog } from "../activity/activity-log";
import { EmptyState } from "../empty-state";
import { QueryView } from "../query-view";
import { SkeletonList } from "../skeleton";

const VISIBLE_ROWS = 5;
const ROW_HEIGHT = 64;

export function RecentActivity() {
  const query = useInfiniteQuery(activityQuery(ALL_ACTIVITY));
  return (
    <section aria-labelledby="recent-activity-heading">
      <h2 id="recent-activity-heading">Latest activity</h2>
      <div className="fixed-region fixed-region--clip" style={{ height: ROW_HEIGHT * VISIBLE_ROWS }}>
        <QueryView
          query={query}
          loading={<SkeletonList rows={VISIBLE_ROWS} rowHeight={ROW_HEIGHT - 8} label="Loading activity" />}
          isEmpty={(data) => (data.pages[0]?.items.length ?? 0) === 0}
          empty={<EmptyState title="No activity yet">Detections, recoveries and changes will show up here.</EmptyState>}
        >
          {(data) => (
            <ActivityLog
              items={(data.pages[0]?.items ?? []).slice(0, VISIBLE_ROWS)}
              wrap={(list) => (
                <div role="log" aria-live="polite" aria-label="Latest activity">
                  {list}
                </div>
              )}
            />
          )}
        </QueryView>
      </div>
      <p>
        <Link href="/activity">See all activity</Link>
      </p>
    </section>
  );
}
