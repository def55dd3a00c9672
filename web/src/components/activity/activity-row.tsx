import type { ActivityItem } from "../../api/api-types";
import { serviceLabel } from "../../api/service-labels";
import { RelativeTime } from "../relative-time";

const KIND_LABELS: Record<string, string> = {
  detection: "detection",
  recovery: "recovery",
  change: "setting change",
  action: "job action",
  request: "request",
  circuit: "connection",
};

export const activityKindLabel = (kind: string): string => KIND_LABELS[kind] ?? kind;

/** One entry; its message is a button (stretched over the row) that opens the entry's details. */
export function ActivityRow({ item, onOpenDetails }: { item: ActivityItem; onOpenDetails: (item: ActivityItem, opener: HTMLElement) => void }) {
  return (
    <li className={`activity-row activity-row--${item.level}`} data-kind={item.kind}>
      <span className="activity-row__meta">
        <span className="tag">{activityKindLabel(item.kind)}</span>
        {item.app ? <span>{serviceLabel(item.app)}</span> : null}
        <RelativeTime iso={item.at} />
      </span>
      <button type="button" className="row-action" aria-haspopup="dialog" onClick={(event) => onOpenDetails(item, event.currentTarget)}>
        <span className="activity-row__message">{item.message}</span>
      </button>
    </li>
  );
}
