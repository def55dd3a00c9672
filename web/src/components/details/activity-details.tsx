// An activity entry in full: its whole message, when, which app, and for a recovery the steps AutoArr took.
import type { ActivityItem } from "../../api/api-types";
import { serviceLabel } from "../../api/service-labels";
import { activityItemLabel, activityKindLabel } from "../activity/activity-row";
import { activityDiagnoseTarget } from "../diagnosis/diagnose-target";
import { WhyButton } from "../diagnosis/why-button";
import { RelativeTime } from "../relative-time";
import { AppPageLinks } from "./app-page-links";
import { DetailFacts, FullTime } from "./detail-facts";
import { activityPageTargets } from "./page-targets";
import { RecoverySteps } from "./recovery-steps";

const LEVELS: Record<ActivityItem["level"], string> = { info: "Info", warning: "Warning", error: "Error" };

/** The recovery action an activity entry is about: the queue check and approvals record it as data.action.id. */
export function recoveryActionIdOf(item: ActivityItem): string | null {
  const data = item.data;
  if (typeof data !== "object" || data === null || !("action" in data)) return null;
  const action = (data as { action: unknown }).action;
  if (typeof action !== "object" || action === null || !("id" in action)) return null;
  const id = (action as { id: unknown }).id;
  return typeof id === "string" && id !== "" ? id : null;
}

export function ActivityDetails({ item }: { item: ActivityItem }) {
  const actionId = recoveryActionIdOf(item);
  const diagnoseTarget = activityDiagnoseTarget(item);
  return (
    <>
      <p className="details-message">{item.message}</p>
      <DetailFacts
        facts={[
          {
            label: "When",
            value: (
              <>
                <FullTime iso={item.at} /> (<RelativeTime iso={item.at} />)
              </>
            ),
          },
          ...(item.app ? [{ label: "App", value: serviceLabel(item.app) }] : []),
          { label: "Kind", value: activityKindLabel(item.kind) },
          { label: "Status", value: LEVELS[item.level] },
        ]}
      />
      {diagnoseTarget ? <WhyButton target={diagnoseTarget} label={activityItemLabel(item)} /> : null}
      {actionId ? <RecoverySteps actionId={actionId} /> : null}
      <AppPageLinks targets={activityPageTargets(item)} />
    </>
  );
}
