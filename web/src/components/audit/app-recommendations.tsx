// One app's audit result: its recommendations grouped by priority, open ones first.
import type { AppAudit, AppName, Priority, Recommendation } from "../../api/api-types";
import { serviceLabel } from "../../api/service-labels";
import { EmptyState } from "../empty-state";
import { RecommendationCard } from "./recommendation-card";

const PRIORITIES: Priority[] = ["high", "medium", "low"];
const PRIORITY_HEADINGS: Record<Priority, string> = { high: "High priority", medium: "Medium priority", low: "Low priority" };

type AppRecommendationsProps = {
  app: AppName;
  result: AppAudit;
  onApply: (recommendation: Recommendation) => void;
  onDismiss: (recommendation: Recommendation) => void;
  dismissingId: string | null;
};

export function AppRecommendations({ app, result, onApply, onDismiss, dismissingId }: AppRecommendationsProps) {
  const headingId = `audit-${app}`;
  const open = result.recommendations.filter((recommendation) => recommendation.status === "open");
  const resolved = result.recommendations.filter((recommendation) => recommendation.status !== "open");
  const card = (recommendation: Recommendation) => (
    <RecommendationCard
      key={recommendation.id}
      recommendation={recommendation}
      onApply={() => onApply(recommendation)}
      onDismiss={() => onDismiss(recommendation)}
      dismissing={dismissingId === recommendation.id}
    />
  );

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{serviceLabel(app)}</h2>
      {result.status === "unavailable" ? (
        <div className="state state--error" role="status">
          <strong>Couldn't audit {serviceLabel(app)}</strong>
          <p>{result.error ?? "The app did not answer."}</p>
        </div>
      ) : open.length === 0 ? (
        <EmptyState title="Nothing to change">{serviceLabel(app)} follows every recommendation we check.</EmptyState>
      ) : (
        PRIORITIES.map((priority) => {
          const group = open.filter((recommendation) => recommendation.priority === priority);
          if (group.length === 0) return null;
          return (
            <div key={priority} className={`priority--${priority}`}>
              <h3>
                <span className="pill">{PRIORITY_HEADINGS[priority]}</span> {group.length}
              </h3>
              {group.map(card)}
            </div>
          );
        })
      )}
      {resolved.length > 0 ? (
        <details>
          <summary>Applied or dismissed ({resolved.length})</summary>
          {resolved.map(card)}
        </details>
      ) : null}
    </section>
  );
}
