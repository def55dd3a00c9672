// One fix the diagnosis offers, applied with one tap. One that undoes or changes something the person may want kept
// (marking a download failed, lifting a blocklist entry, another quality profile) first asks, showing what the dry run
// says it would do.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError } from "../../api/api-error";
import { applyFix, isDestructive, type DiagnosedItem, type DiagnosisFix, type FixResult } from "../../api/diagnosis.api";
import { ConfirmDialog } from "../confirm-dialog";

function fixProblem(error: unknown): string | null {
  if (!error) return null;
  if (error instanceof ApiError) {
    if (error.status === 409) return `This fix no longer applies: ${error.message}`;
    if (error.status === 404) return `The item is gone: ${error.message}`;
    return error.message;
  }
  return "Something went wrong. Please try again.";
}

type FixButtonProps = {
  fix: DiagnosisFix;
  target: DiagnosedItem;
  /** Another fix or a fresh diagnosis is under way. */
  disabled: boolean;
  onApplied: (result: FixResult) => void;
  /** The fix was refused as no longer applying (409) or the item is gone (404): the diagnosis is out of date. */
  onStale: () => void;
};

export function FixButton({ fix, target, disabled, onApplied, onStale }: FixButtonProps) {
  const [planned, setPlanned] = useState<FixResult | null>(null);
  const refusedAsStale = (error: unknown) => {
    if (error instanceof ApiError && (error.status === 409 || error.status === 404)) onStale();
  };
  const apply = useMutation({
    mutationFn: () => applyFix(fix, target, false),
    onSuccess: (result) => {
      setPlanned(null);
      onApplied(result);
    },
    onError: refusedAsStale,
  });
  const dryRun = useMutation({ mutationFn: () => applyFix(fix, target, true), onSuccess: setPlanned, onError: refusedAsStale });
  const destructive = isDestructive(fix.action);
  const busy = apply.isPending || dryRun.isPending;
  const problem = planned ? null : fixProblem(apply.error ?? dryRun.error);

  return (
    <div className="diagnosis-fix">
      <button
        type="button"
        className={destructive ? "secondary" : undefined}
        aria-haspopup={destructive ? "dialog" : undefined}
        aria-busy={busy || undefined}
        disabled={disabled || busy}
        onClick={() => {
          apply.reset();
          if (destructive) dryRun.mutate();
          else apply.mutate();
        }}
      >
        {fix.label}
      </button>
      <small>{fix.description}</small>
      {problem ? (
        <p className="form-alert" role="alert">
          {problem}
        </p>
      ) : null}
      {destructive ? (
        <ConfirmDialog
          open={planned !== null}
          title={fix.label}
          confirmLabel={fix.label}
          busy={apply.isPending}
          onConfirm={() => apply.mutate()}
          onCancel={() => {
            setPlanned(null);
            apply.reset();
          }}
        >
          <p>{planned?.message}</p>
          <p>{fix.description}</p>
          {apply.error ? (
            <p className="form-alert" role="alert">
              {fixProblem(apply.error)}
            </p>
          ) : null}
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
