import { useMutation, useQueryClient } from "@tanstack/react-query";
import { runAudit } from "../api/audit.api";
import { queryKeys } from "../api/query-keys";
import { ChangeHistory } from "../components/audit/change-history";
import { LatestAudit } from "../components/audit/latest-audit";
import { FindingsTrendFigure } from "../components/charts/findings-trend-chart";
import { FormAlert } from "../components/form-alert";
import { PageHeading } from "../components/page-heading";

export default function AuditScreen() {
  const queryClient = useQueryClient();
  const audit = useMutation({
    mutationFn: () => runAudit({ refresh: true }),
    onSuccess: (result) => {
      queryClient.setQueryData(queryKeys.audit.latest, result);
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit.history });
      void queryClient.invalidateQueries({ queryKey: queryKeys.overview.all });
    },
  });
  return (
    <>
      <PageHeading title="Audit">
        <button type="button" className="compact" onClick={() => audit.mutate()} aria-busy={audit.isPending || undefined} disabled={audit.isPending}>
          {audit.isPending ? "Auditing…" : "Run audit"}
        </button>
      </PageHeading>
      <FormAlert error={audit.error} />
      <FindingsTrendFigure />
      <LatestAudit />
      <ChangeHistory />
    </>
  );
}
