import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { ConfigChange } from "../../api/api-types";
import { changeHistoryQuery, rollBackChange } from "../../api/audit.api";
import { serviceLabel } from "../../api/service-labels";
import { queryKeys } from "../../api/query-keys";
import { ConfirmDialog } from "../confirm-dialog";
import { EmptyState } from "../empty-state";
import { FormAlert } from "../form-alert";
import { QueryView } from "../query-view";
import { RelativeTime } from "../relative-time";
import { SkeletonList } from "../skeleton";
import { ChangeDiffs, writesOf } from "./change-diff";

function ChangeRow({ change, onRollBack }: { change: ConfigChange; onRollBack: () => void }) {
  return (
    <li className="recommendation" aria-label={`${change.rollbackOf ? "Rollback of" : "Change to"} ${change.setting}`}>
      <strong>{serviceLabel(change.app)}</strong> · {change.rollbackOf ? "rollback" : "applied"} · <RelativeTime iso={change.at} />
      <ChangeDiffs writes={writesOf(change)} beforeLabel="Before" afterLabel="After" />
      {change.rolledBackAt ? (
        <small>
          Rolled back <RelativeTime iso={change.rolledBackAt} />
        </small>
      ) : change.rollbackOf ? null : (
        <button type="button" className="secondary outline compact" onClick={onRollBack}>
          Roll back…
        </button>
      )}
    </li>
  );
}

export function ChangeHistory() {
  const queryClient = useQueryClient();
  const query = useQuery(changeHistoryQuery());
  const [target, setTarget] = useState<ConfigChange | null>(null);
  const rollBack = useMutation({
    mutationFn: (change: ConfigChange) => rollBackChange(change.id),
    onSuccess: async () => {
      setTarget(null);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.audit.history }),
        queryClient.invalidateQueries({ queryKey: queryKeys.audit.latest }),
      ]);
    },
  });

  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">Change history</h2>
      <QueryView
        query={query}
        loading={<SkeletonList rows={2} rowHeight={120} label="Loading change history" />}
        isEmpty={(page) => page.items.length === 0}
        empty={<EmptyState title="No changes yet">Changes you apply appear here and can be rolled back.</EmptyState>}
      >
        {(page) => (
          <ul className="plain-list">
            {page.items.map((change) => (
              <ChangeRow key={change.id} change={change} onRollBack={() => setTarget(change)} />
            ))}
          </ul>
        )}
      </QueryView>
      <ConfirmDialog
        open={target !== null}
        title="Roll back this change?"
        confirmLabel="Roll back"
        busy={rollBack.isPending}
        onCancel={() => {
          setTarget(null);
          rollBack.reset();
        }}
        onConfirm={() => target && rollBack.mutate(target)}
      >
        {target ? (
          <>
            <p>{serviceLabel(target.app)} will be set back:</p>
            <ChangeDiffs
              writes={writesOf(target).map((w) => ({ setting: w.setting, before: w.after, after: w.before }))}
              beforeLabel="Now"
              afterLabel="After rollback"
            />
          </>
        ) : null}
        <FormAlert error={rollBack.error} />
      </ConfirmDialog>
    </section>
  );
}
