// What waits for the user, each a link to where they can act on it; nothing at all when nothing waits.
import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import type { Overview } from "../../api/api-types";
import { overviewQuery } from "../../api/overview.api";
import { serviceLabel } from "../../api/service-labels";
import { RelativeTime } from "../relative-time";
import { countOf } from "./overview-format";

export const needsTheUser = ({ attention }: Overview): boolean =>
  attention.approvalsWaiting > 0 || attention.requestsNeedingChoice > 0 || attention.gaveUp.length > 0 || attention.highPriorityFindings.length > 0;

export function NeedsYouList({ overview }: { overview: Overview }) {
  const { approvalsWaiting, requestsNeedingChoice, gaveUp, highPriorityFindings } = overview.attention;
  return (
    <ul className="needs-you">
      {approvalsWaiting > 0 ? (
        <li>
          <Link href="/activity">{countOf(approvalsWaiting, "recovery", "recoveries")} waiting for your approval</Link>
        </li>
      ) : null}
      {requestsNeedingChoice > 0 ? (
        <li>
          <Link href="/requests">{countOf(requestsNeedingChoice, "request")} waiting for you to choose a release</Link>
        </li>
      ) : null}
      {gaveUp.map((item) => (
        <li key={item.id} className="needs-you__gave-up">
          <Link href="/activity">
            <strong>{item.title ?? "A download"}</strong> — AutoArr gave up: {item.reason}
          </Link>
          <small>
            {serviceLabel(item.app)} · <RelativeTime iso={item.at} />
          </small>
        </li>
      ))}
      {highPriorityFindings.map((finding) => (
        <li key={finding.id} className="needs-you__finding">
          <Link href="/audit">
            {serviceLabel(finding.app)}: {finding.title}
          </Link>
          <small>High-priority audit finding</small>
        </li>
      ))}
    </ul>
  );
}

export function NeedsYou() {
  const { data } = useQuery(overviewQuery());
  if (!data || !needsTheUser(data)) return null;
  return (
    <section aria-labelledby="needs-you-heading" className="needs-you-section">
      <h2 id="needs-you-heading">Needs you</h2>
      <NeedsYouList overview={data} />
    </section>
  );
}
