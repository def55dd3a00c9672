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

export function ActivityRow({ item }: { item: ActivityItem }) {
  return (
    <li className={`activity-row activity-row--${item.level}`} data-kind={item.kind}>
      <span className="activity-row__meta">
        <span className="tag">{KIND_LABELS[item.kind] ?? item.kind}</span>
        {item.app ? <span>{serviceLabel(item.app)}</span> : null}
        <RelativeTime iso={item.at} />
      </span>
      <span className="activity-row__message">{item.message}</span>
    </li>
  );
}
