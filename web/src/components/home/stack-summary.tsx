// The one line at the top of Home: is the stack well, and if not, what needs the user first.
import { useQuery } from "@tanstack/react-query";
import type { HealthReport, Overview, Queue, ServiceHealth } from "../../api/api-types";
import { healthQuery, queueQuery } from "../../api/health.api";
import { overviewQuery } from "../../api/overview.api";
import { serviceLabel } from "../../api/service-labels";
import { countOf } from "./overview-format";

export type StackSummary = { tone: "idle" | "good" | "bad"; text: string };

/** "Sonarr", "Sonarr and Radarr", "Sonarr, Radarr and Plex". */
function listOf(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

// A closed circuit is healthy, as its card says (service-state.ts currentError): only open and half-open ones are named.
function serviceProblems(report: HealthReport): string[] {
  const services = Object.entries(report.services);
  const named = (pick: (health: ServiceHealth) => boolean) => services.filter(([, health]) => pick(health)).map(([name]) => serviceLabel(name));
  const down = named((health) => health.state === "open");
  const recovering = named((health) => health.state === "half_open");
  const problems: string[] = [];
  if (down.length > 0) problems.push(`${listOf(down)} ${down.length === 1 ? "is" : "are"} down`);
  if (recovering.length > 0) problems.push(`${listOf(recovering)} ${recovering.length === 1 ? "is" : "are"} recovering`);
  const platformDown = Object.values(report.checks).some((probe) => probe.status === "error");
  if (platformDown || (problems.length === 0 && report.status !== "ok")) problems.push("AutoArr is having trouble");
  return problems;
}

function attentionItems({ attention }: Overview): string[] {
  const items: string[] = [];
  if (attention.approvalsWaiting > 0) items.push(`${countOf(attention.approvalsWaiting, "approval")} waiting`);
  if (attention.requestsNeedingChoice > 0) items.push(`${countOf(attention.requestsNeedingChoice, "request")} to choose`);
  if (attention.gaveUp.length > 0) items.push(`${countOf(attention.gaveUp.length, "download")} AutoArr gave up on`);
  if (attention.highPriorityFindings.length > 0) items.push(countOf(attention.highPriorityFindings.length, "high-priority finding"));
  return items;
}

const MAX_REASONS = 2;

/**
 * The summary from the health report, the queue and the overview; `overview` null means it could not load (the line
 * then speaks from health alone). Problems with the services come first, then what waits for the user.
 */
export function summarizeStack(health: HealthReport | undefined, queue: Queue | undefined, overview: Overview | null | undefined): StackSummary {
  if (!health || overview === undefined) return { tone: "idle", text: "Checking your stack…" };
  const reasons = [...serviceProblems(health), ...(overview ? attentionItems(overview) : [])];
  if (reasons.length > 0) {
    const shown = reasons.slice(0, MAX_REASONS).join(", ");
    const more = reasons.length > MAX_REASONS ? ` and ${reasons.length - MAX_REASONS} more` : "";
    return { tone: "bad", text: `Needs attention — ${shown}${more}` };
  }
  const parts: string[] = [];
  if (queue) parts.push(queue.items.length === 0 ? "nothing downloading" : `${queue.items.length} downloading`);
  if (overview) {
    const { fixed, detected } = overview.today;
    parts.push(fixed > 0 ? `${countOf(fixed, "failure")} fixed today` : detected > 0 ? `${countOf(detected, "failure")} seen today` : "no failures today");
  }
  return { tone: "good", text: parts.length > 0 ? `All good — ${parts.join(", ")}` : "All good" };
}

export function StackSummaryLine() {
  const health = useQuery(healthQuery());
  const queue = useQuery(queueQuery());
  const overview = useQuery(overviewQuery());
  const summary =
    health.isPending && health.fetchStatus === "paused"
      ? { tone: "idle" as const, text: "Offline — the summary will load when you reconnect." }
      : health.isError && !health.data
        ? { tone: "idle" as const, text: "Can't check your stack right now." }
        : summarizeStack(health.data, queue.data, overview.isError && !overview.data ? null : overview.data);
  return (
    <p className={`stack-summary stack-summary--${summary.tone}`} role="status">
      <span className="dot" aria-hidden="true" />
      <span className="stack-summary__text">{summary.text}</span>
    </p>
  );
}
