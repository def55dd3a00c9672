// The download queue in a fixed-height, scrollable region so progress updates never push the page around; a row's
// title opens its details, where the app's problem message can be read in full.
import { useQuery } from "@tanstack/react-query";
import type { QueueItem } from "../../api/api-types";
import { queueQuery } from "../../api/health.api";
import { serviceLabel } from "../../api/service-labels";
import { DetailsDialog } from "../details/details-dialog";
import { QueueDetails } from "../details/queue-details";
import { useDetailsTarget } from "../details/use-details-target";
import { EmptyState } from "../empty-state";
import { formatBytes, formatPercent } from "../format";
import { QueryView } from "../query-view";
import { SkeletonList } from "../skeleton";

const ROW_HEIGHT = 72;

function QueueRow({ item, onOpenDetails }: { item: QueueItem; onOpenDetails: (item: QueueItem, opener: HTMLElement) => void }) {
  const size =
    item.sizeBytes === null
      ? null
      : item.sizeLeftBytes === null
        ? formatBytes(item.sizeBytes)
        : `${formatBytes(item.sizeBytes - item.sizeLeftBytes)} of ${formatBytes(item.sizeBytes)}`;
  return (
    <li className="queue-row" style={{ height: ROW_HEIGHT }}>
      <button type="button" className="row-action queue-row__title" aria-haspopup="dialog" onClick={(event) => onOpenDetails(item, event.currentTarget)}>
        {item.title}
      </button>
      <progress value={item.progress} max={1} aria-label={`${item.title} progress`} />
      <span className="queue-row__meta">
        <span className={item.problem ? "queue-row__problem" : undefined}>
          {serviceLabel(item.app)} · {item.problem ?? item.status}
        </span>
        <span className="numeric">
          {formatPercent(item.progress)}
          {size ? ` · ${size}` : ""}
          {item.timeLeft ? ` · ${item.timeLeft} left` : ""}
        </span>
      </span>
    </li>
  );
}

export function DownloadQueue() {
  const query = useQuery(queueQuery());
  const details = useDetailsTarget<QueueItem>();
  return (
    <section aria-labelledby="queue-heading">
      <h2 id="queue-heading">Downloads</h2>
      <div className="fixed-region" style={{ height: ROW_HEIGHT * 3 }} tabIndex={0} role="region" aria-label="Download queue">
        <QueryView
          query={query}
          loading={<SkeletonList rows={3} rowHeight={ROW_HEIGHT - 8} label="Loading downloads" />}
          isEmpty={(data) => data.items.length === 0}
          empty={<EmptyState title="Nothing downloading">New downloads appear here as they start.</EmptyState>}
        >
          {(data) => (
            <ul className="plain-list">
              {data.items.map((item) => (
                <QueueRow key={item.id} item={item} onOpenDetails={details.show} />
              ))}
            </ul>
          )}
        </QueryView>
      </div>
      <DetailsDialog open={details.item !== null} onClose={details.hide} returnFocusTo={details.opener}>
        {details.item ? <QueueDetails item={details.item} /> : null}
      </DetailsDialog>
    </section>
  );
}
