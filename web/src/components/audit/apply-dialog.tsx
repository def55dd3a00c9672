// Confirms an apply by first asking the server for a dry run, so the dialog shows exactly what will change.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Recommendation } from "../../api/api-types";
import { applyRecommendation, previewRecommendation } from "../../api/audit.api";
import { serviceLabel } from "../../api/service-labels";
import { queryKeys } from "../../api/query-keys";
import { ConfirmDialog } from "../confirm-dialog";
import { ErrorState } from "../error-state";
import { FormAlert } from "../form-alert";
import { SkeletonList } from "../skeleton";
import { ChangeDiffs, writesOf } from "./change-diff";

export function ApplyDialog({ recommendation, onClose }: { recommendation: Recommendation | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const preview = useQuery({
    queryKey: ["audit", "preview", recommendation?.id],
    queryFn: () => previewRecommendation(recommendation!.id),
    enabled: recommendation !== null,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
  const apply = useMutation({
    mutationFn: applyRecommendation,
    onSuccess: async () => {
      onClose();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.audit.latest }),
        queryClient.invalidateQueries({ queryKey: queryKeys.audit.history }),
      ]);
    },
  });
  const close = () => {
    apply.reset();
    onClose();
  };

  return (
    <ConfirmDialog
      open={recommendation !== null}
      title={recommendation ? `Apply “${recommendation.title}”?` : "Apply change?"}
      confirmLabel="Apply change"
      busy={apply.isPending}
      confirmDisabled={!preview.data}
      onCancel={close}
      onConfirm={() => recommendation && apply.mutate(recommendation.id)}
    >
      {preview.isPending ? (
        <SkeletonList rows={3} rowHeight={32} label="Checking what will change" />
      ) : preview.isError ? (
        <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />
      ) : (
        <>
          <p>
            This will change {writesOf(preview.data).length === 1 ? "one setting" : `${writesOf(preview.data).length} settings together`} in{" "}
            {serviceLabel(preview.data.app)}:
          </p>
          <ChangeDiffs writes={writesOf(preview.data)} beforeLabel="Now" afterLabel="After" />
          <p>
            <small>You can roll this back from the change history{writesOf(preview.data).length > 1 ? " (all of it at once)" : ""}.</small>
          </p>
        </>
      )}
      <FormAlert error={apply.error} />
    </ConfirmDialog>
  );
}
