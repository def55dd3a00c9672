// Each app's circuit state at a glance; every card keeps its size whether it is loading, healthy or failing.
import { useQuery } from "@tanstack/react-query";
import type { HealthReport, ServiceName } from "../../api/api-types";
import { healthQuery } from "../../api/health.api";
import { serviceLabel } from "../../api/service-labels";
import { ErrorState } from "../error-state";
import { RelativeTime } from "../relative-time";
import { currentError, lookOf } from "../service-state";
import { APP_IDS } from "../../api/contract";

const SERVICES: ServiceName[] = [...APP_IDS, "connector"];

function ServiceCard({ service, report, paused }: { service: ServiceName; report: HealthReport | undefined; paused: boolean }) {
  const health = report?.services[service];
  const look = report ? lookOf(health?.state) : { label: paused ? "Unknown" : "Checking…", tone: "idle" as const };
  const error = currentError(health);
  return (
    <li className={`service-card service-card--${look.tone}`} aria-busy={report || paused ? undefined : true}>
      <span className="service-card__name">{serviceLabel(service)}</span>
      <span className="service-card__state">
        <span className="dot" aria-hidden="true" />
        {look.label}
      </span>
      <span className="service-card__detail">
        {error ? (
          <span title={error}>{error}</span>
        ) : health?.lastSuccessAt ? (
          <>
            OK <RelativeTime iso={health.lastSuccessAt} />
            {health.latencyMs !== null ? ` · ${health.latencyMs} ms` : ""}
          </>
        ) : (
          "\u00a0"
        )}
      </span>
    </li>
  );
}

function OverallStatus({ report, paused }: { report: HealthReport | undefined; paused: boolean }) {
  if (!report) return <p className="overall-status">{paused ? "Offline — health will load when you reconnect." : "Checking services…"}</p>;
  return (
    <p className="overall-status">
      {report.status === "ok" ? "All systems normal" : "Some services need attention"}
      <small> · v{report.version}</small>
    </p>
  );
}

export function HealthGrid() {
  const query = useQuery(healthQuery());
  const paused = query.fetchStatus === "paused";
  return (
    <section aria-labelledby="health-heading">
      <h2 id="health-heading">Services</h2>
      {query.isError && !query.data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <OverallStatus report={query.data} paused={paused} />
          <ul className="service-grid" aria-live="polite">
            {SERVICES.map((service) => (
              <ServiceCard key={service} service={service} report={query.data} paused={paused} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
