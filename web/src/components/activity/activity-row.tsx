import type { ActivityItem } from "../../api/contract.types";
import { serviceLabel } from "../../api/service-labels";
import { RelativeTime } from "../relative-time";

export function ActivityRow({ item }: { item: ActivityItem }) {
  return (
    <li className={`activity-row activity-row--${item.level}`}>
      <span className="activity-row__meta">
        <span className="tag">{item.kind}</span>
        {item.app ? <span>{serviceLabel(item.app)}</span> : null}
        <RelativeTime iso={item.at} />
      </span>
      <span className="activity-row__message">{item.message}</span>
    </li>
  );
}
