// A list of activity rows that share one details dialog (Home's latest few and the Activity screen's log).
import type { ReactNode } from "react";
import type { ActivityItem } from "../../api/api-types";
import { ActivityDetails } from "../details/activity-details";
import { DetailsDialog } from "../details/details-dialog";
import { useDetailsTarget } from "../details/use-details-target";
import { ActivityRow } from "./activity-row";

type ActivityLogProps = {
  items: ActivityItem[];
  /** Props for the <ul> (its label). */
  listProps?: { "aria-labelledby"?: string; "aria-label"?: string };
  /** Wraps the list, e.g. in Home's live region; the dialog stays outside it so opening it is not announced as news. */
  wrap?: (list: ReactNode) => ReactNode;
};

export function ActivityLog({ items, listProps, wrap = (list) => list }: ActivityLogProps) {
  const details = useDetailsTarget<ActivityItem>();
  return (
    <>
      {wrap(
        <ul className="plain-list" {...listProps}>
          {items.map((item) => (
            <ActivityRow key={item.id} item={item} onOpenDetails={details.show} />
          ))}
        </ul>,
      )}
      <DetailsDialog open={details.item !== null} onClose={details.hide} returnFocusTo={details.opener}>
        {details.item ? <ActivityDetails item={details.item} /> : null}
      </DetailsDialog>
    </>
  );
}
