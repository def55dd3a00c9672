// "This week": the totals people ask about, and the recoveries per day stacked by how they ended.
import { useQuery } from "@tanstack/react-query";
import type { Overview, OverviewDay, RecoveriesByOutcome } from "../../api/api-types";
import { overviewQuery } from "../../api/overview.api";
import type { ChartMark } from "../charts/chart-figure";
import { StackedBarChart } from "../charts/stacked-bar-chart";
import { ErrorState } from "../error-state";
import { OfflineState } from "../offline-state";
import { countOf, dayLabel, formatDuration, fullDayLabel } from "./overview-format";

const OUTCOMES: { key: keyof RecoveriesByOutcome; label: string; mark: ChartMark }[] = [
  { key: "fixed", label: "Fixed", mark: "good" },
  { key: "failed", label: "Failed", mark: "bad" },
  { key: "gaveUp", label: "Gave up", mark: "warn" },
  { key: "handledByApp", label: "Handled by the app", mark: "series-1" },
  { key: "other", label: "Other", mark: "idle" },
];

const sum = (days: OverviewDay[], pick: (day: OverviewDay) => number) => days.reduce((total, day) => total + pick(day), 0);

const period = (days: number) => (days === 7 ? "this week" : `in the last ${days} days`);

/** "12 recoveries this week: 9 fixed, 2 failed, 1 gave up", naming only the outcomes that happened. */
export function recoveriesSummary(days: OverviewDay[]): string {
  const parts = OUTCOMES.map(({ key, label }) => ({ label, count: sum(days, (day) => day.recoveries[key]) })).filter(({ count }) => count > 0);
  const total = parts.reduce((all, { count }) => all + count, 0);
  const detail = parts.map(({ label, count }) => `${count} ${label.toLowerCase()}`).join(", ");
  return `${countOf(total, "recovery", "recoveries")} ${period(days.length)}: ${detail}.`;
}

function noRecoveries(days: OverviewDay[]): string {
  const detected = sum(days, (day) => day.detected);
  return detected === 0
    ? `No recoveries ${period(days.length)} — nothing failed.`
    : `No recoveries ${period(days.length)} — ${countOf(detected, "failure")} detected, none needed one.`;
}

function Totals({ overview }: { overview: Overview | undefined }) {
  const days = overview?.days ?? [];
  const median = overview?.fixTime.medianSeconds;
  const value = (text: string) => (overview ? text : "…");
  return (
    <dl className="week-totals" aria-busy={overview ? undefined : true}>
      <div>
        <dt>Failures detected</dt>
        <dd className="numeric">{value(String(sum(days, (day) => day.detected)))}</dd>
      </div>
      <div>
        <dt>Failures fixed</dt>
        <dd className="numeric">{value(String(sum(days, (day) => day.recoveries.fixed)))}</dd>
      </div>
      <div>
        <dt>Failure to fix (median)</dt>
        <dd className="numeric">{value(median === null || median === undefined ? "—" : formatDuration(median))}</dd>
      </div>
      <div>
        <dt>Requests completed</dt>
        <dd className="numeric">{value(String(sum(days, (day) => day.requestsCompleted)))}</dd>
      </div>
      <div>
        <dt>Downloads completed</dt>
        <dd className="numeric">{value(String(sum(days, (day) => day.downloadsCompleted)))}</dd>
      </div>
    </dl>
  );
}

export function RecoveriesChart({ days, loading }: { days: OverviewDay[]; loading?: boolean }) {
  return (
    <StackedBarChart
      caption="Recoveries per day"
      categoryHeading="Day"
      categories={days.map(({ date }) => ({ key: date, label: dayLabel(date), fullLabel: fullDayLabel(date) }))}
      series={OUTCOMES.map(({ key, label, mark }) => ({ key, label, mark, values: days.map((day) => day.recoveries[key]) }))}
      summary={recoveriesSummary(days)}
      emptyText={noRecoveries(days)}
      loading={loading}
    />
  );
}

export function WeekAtAGlance() {
  const query = useQuery(overviewQuery());
  const offline = query.isPending && query.fetchStatus === "paused";
  return (
    <section aria-labelledby="week-heading">
      <h2 id="week-heading">This week</h2>
      {offline ? (
        <OfflineState />
      ) : query.isError && !query.data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <div className="week-at-a-glance">
          <Totals overview={query.data} />
          <RecoveriesChart days={query.data?.days ?? []} loading={!query.data} />
        </div>
      )}
    </section>
  );
}
