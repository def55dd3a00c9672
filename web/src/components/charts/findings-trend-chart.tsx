// "Findings by priority": what each of the latest audits found, so people can see whether their setup is improving.
import { useQuery } from "@tanstack/react-query";
import type { FindingsTrend } from "../../api/api-types";
import { findingsTrendQuery } from "../../api/overview.api";
import { ErrorState } from "../error-state";
import { OfflineState } from "../offline-state";
import type { ChartMark } from "./chart-figure";
import { StackedBarChart } from "./stacked-bar-chart";

type Audit = FindingsTrend["audits"][number];

const PRIORITIES: { key: "high" | "medium" | "low"; label: string; mark: ChartMark }[] = [
  { key: "high", label: "High", mark: "bad" },
  { key: "medium", label: "Medium", mark: "warn" },
  { key: "low", label: "Low", mark: "idle" },
];

const shortDate = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short" });
const dateAndTime = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", hour: "numeric", minute: "2-digit" });

const total = (audit: Audit) => audit.high + audit.medium + audit.low;

/** "The latest audit (Dec 2) found 1 high, 3 medium and 2 low priority settings; 4 fewer than on Nov 20." */
export function findingsSummary(audits: Audit[]): string {
  const latest = audits.at(-1);
  const first = audits[0];
  if (!latest || !first) return "No audits yet.";
  const found = `The latest audit (${shortDate.format(Date.parse(latest.at))}) found ${latest.high} high, ${latest.medium} medium and ${latest.low} low priority settings to change`;
  if (audits.length === 1) return `${found}.`;
  const change = total(latest) - total(first);
  const since = `on ${shortDate.format(Date.parse(first.at))}`;
  const trend = change === 0 ? `the same as ${since}` : `${Math.abs(change)} ${change < 0 ? "fewer" : "more"} than ${since}`;
  return `${found}; ${trend}.`;
}

export function FindingsChart({ trend }: { trend: FindingsTrend | undefined }) {
  const audits = trend?.audits ?? [];
  return (
    <StackedBarChart
      caption="Findings by priority"
      categoryHeading="Audit"
      categories={audits.map((audit) => ({
        key: audit.id,
        label: shortDate.format(Date.parse(audit.at)),
        fullLabel: dateAndTime.format(Date.parse(audit.at)),
      }))}
      series={PRIORITIES.map(({ key, label, mark }) => ({ key, label, mark, values: audits.map((audit) => audit[key]) }))}
      summary={findingsSummary(audits)}
      emptyText={
        audits.length === 0
          ? "No audits yet — each audit you run adds a bar here."
          : "No findings in any recent audit — every setting we check follows the recommendations."
      }
      loading={!trend}
    />
  );
}

export function FindingsTrendFigure() {
  const query = useQuery(findingsTrendQuery());
  if (query.isPending && query.fetchStatus === "paused") return <OfflineState />;
  if (query.isError && !query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <FindingsChart trend={query.data} />;
}
