import type { ActivityItem } from "../../api/api-types";
import { serviceLabel } from "../../api/service-labels";
import { activityDiagnoseTarget } from "../diagnosis/diagnose-target";
import { WhyButton } from "../diagnosis/why-button";
import { RelativeTime } from "../relative-time";

const KIND_LABELS: Record<string, string> = {
  detection: "detection",
  recovery: "recovery",
  change: "setting change",
  action: "job action",
  request: "request",
  circuit: "connection",
};

/** The episode or movie an entry is about, as its data names it, else its message. */
export function activityItemLabel(item: ActivityItem): string {
  const title = typeof item.data === "object" && item.data !== null && "title" in item.data ? item.data.title : undefined;
  return typeof title === "string" && title !== "" ? title : item.message;
}

export const activityKindLabel = (kind: string): string => KIND_LABELS[kind] ?? kind;

/** One entry; its message is a button (stretched over the row) that opens the entry's details. */
export function ActivityRow({ item, onOpenDetails }: { item: ActivityItem; onOpenDetails: (item: ActivityItem, opener: HTMLElement) => void }) {
  const diagnoseTarget = activityDiagnoseTarget(item);
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
      {diagnoseTarget ? <WhyButton target={diagnoseTarget} label={activityItemLabel(item)} /> : null}
    </li>
  );
}
