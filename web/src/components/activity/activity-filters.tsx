import type { ActivityKind, ServiceName } from "../../api/api-types";
import { serviceLabel } from "../../api/service-labels";
import type { ActivityFilter } from "../../api/query-keys";
import { APP_IDS } from "../../api/contract";

const APPS: ServiceName[] = [...APP_IDS, "connector"];
const KINDS: { value: ActivityKind; label: string }[] = [
  { value: "detection", label: "Detections" },
  { value: "recovery", label: "Recoveries" },
  { value: "change", label: "Setting changes" },
  { value: "action", label: "Job actions" },
  { value: "request", label: "Requests" },
  { value: "circuit", label: "Connection changes" },
  { value: "hunt", label: "Hunts" },
];

export function ActivityFilters({ filter, onChange }: { filter: ActivityFilter; onChange: (filter: ActivityFilter) => void }) {
  return (
    <form className="filters" role="search" aria-label="Filter activity" onSubmit={(event) => event.preventDefault()}>
      <label>
        App
        <select value={filter.app} onChange={(event) => onChange({ ...filter, app: event.target.value as ActivityFilter["app"] })}>
          <option value="">All apps</option>
          {APPS.map((app) => (
            <option key={app} value={app}>
              {serviceLabel(app)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Kind
        <select value={filter.kind} onChange={(event) => onChange({ ...filter, kind: event.target.value as ActivityFilter["kind"] })}>
          <option value="">Everything</option>
          {KINDS.map((kind) => (
            <option key={kind.value} value={kind.value}>
              {kind.label}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
