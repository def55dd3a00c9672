// One item's diagnosis: the verdict first, then the chain with the broken step marked, focused and announced, and the
// fixes under the step they mend. After a fix it diagnoses again, so the item is seen moving on.
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { diagnosisQuery, type DiagnoseTarget, type Diagnosis, type DiagnosisStep, type FixResult } from "../../api/diagnosis.api";
import { queryKeys } from "../../api/query-keys";
import { OfflineState } from "../offline-state";
import { SkeletonList } from "../skeleton";
import { DiagnosisError } from "./diagnosis-error";
import { DiagnosisSteps } from "./diagnosis-steps";
import { FixButton } from "./fix-button";
import { verdictHeading } from "./step-look";

/** What the activity log, Home and the lists show that a fix changes. */
const CHANGED_BY_A_FIX = [queryKeys.activity.all, queryKeys.overview.all, queryKeys.queue, queryKeys.recoveries, queryKeys.requests.all];

function progressText(label: string, releaseSearch: boolean): string {
  return releaseSearch
    ? `Asking every indexer what it has for ${label}… this can take a minute.`
    : `Following ${label} through Plex, Sonarr or Radarr, the indexers and SABnzbd…`;
}

type DiagnosisViewProps = { target: DiagnoseTarget; label: string; onDiagnosed?: (diagnosis: Diagnosis) => void };

export function DiagnosisView({ target, label, onDiagnosed }: DiagnosisViewProps) {
  const queryClient = useQueryClient();
  const [releaseSearch, setReleaseSearch] = useState(false);
  const query = useQuery({ ...diagnosisQuery(target, releaseSearch), placeholderData: keepPreviousData });
  const [applied, setApplied] = useState<FixResult | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const brokenRef = useRef<HTMLLIElement>(null);
  const verdictRef = useRef<HTMLDivElement>(null);

  const diagnosis = query.data;
  const fresh = diagnosis !== undefined && !query.isPlaceholderData && !query.isFetching;
  const diagnosedAt = fresh ? diagnosis.diagnosedAt : null;

  // Each new diagnosis: its verdict is announced and focus goes to the broken step (or the verdict when none is).
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per diagnosis, keyed by when it was made
  useEffect(() => {
    if (!diagnosis || diagnosedAt === null) return;
    onDiagnosed?.(diagnosis);
    setAnnouncement(`${verdictHeading(diagnosis).text}. ${diagnosis.verdict.summary}`);
    (brokenRef.current ?? verdictRef.current)?.focus();
  }, [diagnosedAt]);

  const rediagnose = () => void query.refetch();
  const onApplied = (result: FixResult) => {
    setApplied(result);
    setAnnouncement(`${result.message} Checking again…`);
    for (const queryKey of CHANGED_BY_A_FIX) void queryClient.invalidateQueries({ queryKey });
    rediagnose();
  };

  const working = query.isFetching;
  const liveRegion = (
    <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {announcement}
    </p>
  );

  if (diagnosis === undefined) {
    if (query.isError) {
      return (
        <>
          <DiagnosisError error={query.error} onRetry={rediagnose} />
          {releaseSearch ? (
            // Asking the indexers is limited per household: the diagnosis without them is still there to read.
            <p>
              <button type="button" className="secondary outline" onClick={() => setReleaseSearch(false)}>
                Back to the diagnosis without the indexers
              </button>
            </p>
          ) : null}
        </>
      );
    }
    if (query.fetchStatus === "paused") return <OfflineState />;
    return (
      <div className="diagnosis-loading">
        {liveRegion}
        <p role="status">{progressText(label, releaseSearch)}</p>
        <SkeletonList rows={4} rowHeight={56} label="Diagnosing" />
      </div>
    );
  }

  const heading = verdictHeading(diagnosis);
  const stepIds = new Set(diagnosis.steps.map((step) => step.id));
  const unplacedFixes = diagnosis.fixes.filter((fix) => !stepIds.has(fix.step));
  const fixButtons = (fixes: Diagnosis["fixes"]) =>
    fixes.map((fix) => <FixButton key={fix.id} fix={fix} target={diagnosis.target} disabled={working} onApplied={onApplied} onStale={rediagnose} />);
  const actionsFor = (step: DiagnosisStep) => {
    const fixes = diagnosis.fixes.filter((fix) => fix.step === step.id);
    const askIndexers = step.id === "releases" && diagnosis.releaseSearch === "not-run";
    if (fixes.length === 0 && !askIndexers) return null;
    return (
      <div className="diagnosis-step__actions">
        {fixButtons(fixes)}
        {askIndexers ? (
          <div className="diagnosis-fix">
            <button
              type="button"
              className="secondary outline"
              disabled={working}
              aria-busy={(working && releaseSearch) || undefined}
              onClick={() => setReleaseSearch(true)}
            >
              Ask the indexers
            </button>
            <small>Runs a release search now, which queries every indexer (it counts against their limits).</small>
          </div>
        ) : null}
      </div>
    );
  };

  return (
    <div className="diagnosis">
      {liveRegion}
      <div ref={verdictRef} tabIndex={-1} className={`diagnosis-verdict diagnosis-verdict--${diagnosis.verdict.status}`}>
        <strong className={`pill pill--${heading.tone}`}>{heading.text}</strong>
        <p>{diagnosis.verdict.summary}</p>
      </div>
      {working ? (
        <p className="diagnosis-progress" role="status">
          {query.isPlaceholderData ? progressText(diagnosis.target.label, releaseSearch) : "Checking again…"}
        </p>
      ) : null}
      {query.isError ? <DiagnosisError error={query.error} onRetry={rediagnose} /> : null}
      {applied ? <p className="diagnosis-applied">{applied.message}</p> : null}
      {unplacedFixes.length > 0 ? <div className="diagnosis-step__actions">{fixButtons(unplacedFixes)}</div> : null}
      <DiagnosisSteps diagnosis={diagnosis} brokenRef={brokenRef} busy={working} actionsFor={actionsFor} />
    </div>
  );
}
