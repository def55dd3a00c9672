// A queue item in full: its title and the app's whole problem message, which the row can only cut short.
import type { QueueItem } from "../../api/api-types";
import { serviceLabel } from "../../api/service-labels";
import { formatBytes, formatPercent } from "../format";
import { queueDiagnoseTarget } from "../diagnosis/diagnose-target";
import { WhyButton } from "../diagnosis/why-button";
import { AppPageLinks } from "./app-page-links";
import { queuePageTargets } from "./page-targets";
import { DetailFacts } from "./detail-facts";

export function QueueDetails({ item }: { item: QueueItem }) {
  const diagnoseTarget = queueDiagnoseTarget(item);
  return (
    <>
      <p className="details-title">{item.title}</p>
      {item.problem ? <p className="details-message">{item.problem}</p> : null}
      <DetailFacts
        facts={[
          { label: "App", value: serviceLabel(item.app) },
          { label: "Status", value: item.status },
          { label: "Progress", value: formatPercent(item.progress) },
          ...(item.sizeBytes !== null ? [{ label: "Size", value: formatBytes(item.sizeBytes) }] : []),
          ...(item.timeLeft ? [{ label: "Time left", value: item.timeLeft }] : []),
          ...(item.category ? [{ label: "Category", value: item.category }] : []),
        ]}
      />
      {diagnoseTarget ? <WhyButton target={diagnoseTarget} label={item.title} /> : null}
      <AppPageLinks targets={queuePageTargets(item)} />
    </>
  );
}
