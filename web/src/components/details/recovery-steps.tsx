// The steps AutoArr took for one recovery action, fetched when the details open.
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { recoveryDetailQuery } from "../../api/details.api";
import { outcomeLabel } from "../activity/recovery-outcomes";
import { QueryView } from "../query-view";
import { SkeletonList } from "../skeleton";

export function RecoverySteps({ actionId }: { actionId: string }) {
  const query = useQuery(recoveryDetailQuery(actionId));
  const headingId = useId();
  return (
    <section className="details-steps" aria-labelledby={headingId}>
      <h3 id={headingId}>Steps AutoArr took</h3>
      <QueryView query={query} loading={<SkeletonList rows={2} rowHeight={24} label="Loading steps" />}>
        {(detail) => (
          <>
            <p>
              {outcomeLabel(detail.outcome)} · {detail.strategy.replaceAll("_", " ")} (attempt {detail.attempt}){detail.why ? ` — ${detail.why}` : ""}
            </p>
            {detail.steps.length === 0 ? (
              <p>No steps were recorded for this recovery.</p>
            ) : (
              <ol aria-labelledby={headingId}>
                {detail.steps.map((step, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a fixed, ordered list that never reorders
                  <li key={index} className={step.ok ? undefined : "details-steps__failed"}>
                    <span>{`${step.step.replaceAll("_", " ")}${step.ok ? "" : " (failed)"}`}</span>
                    {step.detail ? <small>{step.detail}</small> : null}
                  </li>
                ))}
              </ol>
            )}
          </>
        )}
      </QueryView>
    </section>
  );
}
