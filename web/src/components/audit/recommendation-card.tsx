import type { Recommendation } from "../../api/api-types";
import { ChangeDiffs, writesOf } from "./change-diff";

type RecommendationCardProps = {
  recommendation: Recommendation;
  onApply: () => void;
  onDismiss: () => void;
  dismissing: boolean;
};

export function RecommendationCard({ recommendation, onApply, onDismiss, dismissing }: RecommendationCardProps) {
  const open = recommendation.status === "open";
  return (
    <article className="recommendation" aria-labelledby={`rec-${recommendation.id}`}>
      <header>
        <h4 id={`rec-${recommendation.id}`}>{recommendation.title}</h4>
        {!open ? <span className="pill">{recommendation.status}</span> : null}
      </header>
      {recommendation.fix === "none" ? null : (
        <ChangeDiffs
          writes={writesOf({
            setting: recommendation.setting,
            before: recommendation.currentValue,
            after: recommendation.recommendedValue,
            writes: recommendation.writes,
          })}
          beforeLabel="Current"
          afterLabel="Recommended"
        />
      )}
      <p>{recommendation.why}</p>
      {open && recommendation.fix === "manual" ? (
        <p className="manual-fix">
          <strong>Change it yourself:</strong> {recommendation.instructions ?? `set ${recommendation.setting} in ${recommendation.app}.`}
        </p>
      ) : null}
      <p>
        <small>
          Source:{" "}
          {recommendation.source.url ? (
            <a href={recommendation.source.url} target="_blank" rel="noopener noreferrer">
              {recommendation.source.name}
            </a>
          ) : (
            recommendation.source.name
          )}
        </small>
      </p>
      {open ? (
        <footer className="button-row">
          {recommendation.fix === "apply" ? (
            <button type="button" onClick={onApply}>
              Apply…
            </button>
          ) : null}
          <button type="button" className="secondary outline" onClick={onDismiss} aria-busy={dismissing || undefined} disabled={dismissing}>
            Dismiss
          </button>
        </footer>
      ) : null}
    </article>
  );
}
