// Recovery actions AutoArr took (or would take) on failed and stalled downloads; the ones waiting for approval can be decided here.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { decideRecovery, recoveriesQuery } from "../../api/activity.api";
import type { RecoveryAction } from "../../api/api-types";
import { queryKeys } from "../../api/query-keys";
import { serviceLabel } from "../../api/service-labels";
import { EmptyState } from "../empty-state";
import { FormAlert } from "../form-alert";
import { QueryView } from "../query-view";
import { RelativeTime } from "../relative-time";
import { SkeletonList } from "../skeleton";
import { outcomeLabel } from "./recovery-outcomes";

function RecoveryRow({ action }: { action: RecoveryAction }) {
  const queryClient = useQueryClient();
  const decide = useMutation({
    mutationFn: (approve: boolean) => decideRecovery(action.id, approve),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.recoveries });
      void queryClient.invalidateQueries({ queryKey: queryKeys.activity.all });
    },
  });
  const title = action.title ?? action.itemId;
  return (
    <li className="recovery-row">
      <span className="activity-row__meta">
        <span className="tag">{outcomeLabel(action.outcome)}</span>
        <span>{serviceLabel(action.app)}</span>
        <RelativeTime iso={action.createdAt} />
      </span>
      <strong>{title}</strong>
      <small>
        {action.failureReason} · {action.strategy.replaceAll("_", " ")} (attempt {action.attempt}){action.why ? ` — ${action.why}` : ""}
      </small>
      {action.outcome === "awaiting_approval" ? (
        <div className="button-row">
          <button
            type="button"
            className="compact"
            onClick={() => decide.mutate(true)}
            disabled={decide.isPending}
            aria-busy={(decide.isPending && decide.variables) || undefined}
            aria-label={`Approve recovery of ${title}`}
          >
            Approve
          </button>
          <button
            type="button"
            className="secondary outline compact"
            onClick={() => decide.mutate(false)}
            disabled={decide.isPending}
            aria-busy={(decide.isPending && !decide.variables) || undefined}
            aria-label={`Decline recovery of ${title}`}
          >
            Decline
          </button>
        </div>
      ) : null}
      <FormAlert error={decide.error} />
    </li>
  );
}

export function RecoveryList() {
  const query = useQuery(recoveriesQuery());
  return (
    <section aria-labelledby="recoveries-heading">
      <h2 id="recoveries-heading">Recoveries</h2>
      <QueryView
        query={query}
        loading={<SkeletonList rows={2} rowHeight={72} label="Loading recoveries" />}
        isEmpty={(page) => page.items.length === 0}
        empty={<EmptyState title="No recoveries yet">When a download fails or stalls, what AutoArr does about it shows here.</EmptyState>}
      >
        {(page) => (
          <ul className="plain-list" aria-label="Recoveries">
            {page.items.slice(0, 5).map((action) => (
              <RecoveryRow key={action.id} action={action} />
            ))}
          </ul>
        )}
      </QueryView>
    </section>
  );
}
