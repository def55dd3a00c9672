import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError } from "../../api/api-error";
import type { AppName, Recommendation } from "../../api/api-types";
import { dismissRecommendation, latestAuditQuery } from "../../api/audit.api";
import { queryKeys } from "../../api/query-keys";
import { EmptyState } from "../empty-state";
import { FormAlert } from "../form-alert";
import { QueryView } from "../query-view";
import { RelativeTime } from "../relative-time";
import { SkeletonList } from "../skeleton";
import { ApplyDialog } from "./apply-dialog";
import { AppRecommendations } from "./app-recommendations";

export function LatestAudit() {
  const queryClient = useQueryClient();
  const query = useQuery(latestAuditQuery());
  const [applying, setApplying] = useState<Recommendation | null>(null);
  const dismiss = useMutation({
    mutationFn: (recommendation: Recommendation) => dismissRecommendation(recommendation.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.audit.latest }),
  });

  const neverAudited = query.error instanceof ApiError && query.error.status === 404 && query.error.code === "not_found";
  if (neverAudited) {
    return <EmptyState title="No audit yet">Run an audit to check your apps against recommended settings.</EmptyState>;
  }

  return (
    <>
      <QueryView query={query} loading={<SkeletonList rows={3} rowHeight={160} label="Loading the latest audit" />}>
        {(audit) => (
          <>
            <p>
              <small>
                Last audit <RelativeTime iso={audit.createdAt} /> · {audit.path === "llm" ? "rules and language model" : "built-in rules"}
                {audit.pathReason ? ` (${audit.pathReason})` : ""}
              </small>
            </p>
            <FormAlert error={dismiss.error} />
            {(Object.entries(audit.apps) as [AppName, NonNullable<(typeof audit.apps)[AppName]>][]).map(([app, result]) => (
              <AppRecommendations
                key={app}
                app={app}
                result={result}
                onApply={setApplying}
                onDismiss={(recommendation) => dismiss.mutate(recommendation)}
                dismissingId={dismiss.isPending ? (dismiss.variables?.id ?? null) : null}
              />
            ))}
          </>
        )}
      </QueryView>
      <ApplyDialog recommendation={applying} onClose={() => setApplying(null)} />
    </>
  );
}
