import type { MediaRequest } from "../../api/api-types";
import { requestDiagnoseTarget } from "../diagnosis/diagnose-target";
import { WhyButton } from "../diagnosis/why-button";
import { RelativeTime } from "../relative-time";
import { OptionCards } from "./option-cards";
import { StatusSteps } from "./status-steps";

export function RequestCard({ request }: { request: MediaRequest }) {
  const title = request.choice?.title ?? request.outcome?.title ?? request.parse?.title ?? request.query;
  const knownYear = request.choice?.year ?? request.outcome?.year ?? request.parse?.year;
  const year = knownYear ? ` (${knownYear})` : "";
  const diagnoseTarget = requestDiagnoseTarget(request);
  return (
    <li>
      <article className="request-card" aria-labelledby={`request-${request.id}`}>
        <strong id={`request-${request.id}`}>
          {title}
          {year}
        </strong>
        <br />
        <small>
          “{request.query}” · <RelativeTime iso={request.createdAt} />
        </small>
        {request.status === "needs_choice" ? (
          <OptionCards request={request} />
        ) : request.status === "failed" ? (
          <p className="form-alert" data-status="failed">
            Failed{request.reason ? `: ${request.reason}` : ""}
          </p>
        ) : (
          <StatusSteps status={request.status} app={request.app} />
        )}
        {diagnoseTarget ? <WhyButton target={diagnoseTarget} label={`${title}${year}`} /> : null}
      </article>
    </li>
  );
}
