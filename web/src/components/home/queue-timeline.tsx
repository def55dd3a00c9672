// "Queue over the last 6 hours": SABnzbd's speed and what was left to download, as the periodic check sampled them.
import { useQuery } from "@tanstack/react-query";
import type { QueueTimeline } from "../../api/api-types";
import { queueTimelineQuery } from "../../api/overview.api";
import { StepLineChart } from "../charts/step-line-chart";
import { ErrorState } from "../error-state";
import { OfflineState } from "../offline-state";
import { formatAmount, formatClock, toGigabytes, toMegabytesPerSecond } from "./overview-format";

const HOURS = 6;
const CAPTION = `Queue over the last ${HOURS} hours`;

/** "Now 3.2 MB/s with 4.1 GB left; at most 12 MB/s in the last 6 hours." */
export function queueSummary(timeline: QueueTimeline): string {
  const last = timeline.samples.at(-1);
  if (!last) return `No queue samples in the last ${HOURS} hours.`;
  const peak = Math.max(...timeline.samples.map((sample) => sample.speedBytesPerSecond));
  const now =
    last.items === 0 && last.sizeLeftBytes === 0
      ? "The queue is empty now"
      : `Now ${formatAmount(toMegabytesPerSecond(last.speedBytesPerSecond))} MB/s with ${formatAmount(toGigabytes(last.sizeLeftBytes))} GB left`;
  return `${now}; at most ${formatAmount(toMegabytesPerSecond(peak))} MB/s in the last ${HOURS} hours.`;
}

export function QueueChart({ timeline }: { timeline: QueueTimeline | undefined }) {
  const samples = timeline?.samples ?? [];
  return (
    <StepLineChart
      caption={CAPTION}
      loading={!timeline}
      times={samples.map((sample) => Date.parse(sample.at))}
      from={timeline ? Date.parse(timeline.from) : 0}
      to={timeline ? Date.parse(timeline.to) : 0}
      panels={[
        {
          key: "speed",
          label: "Speed",
          unit: "MB/s",
          mark: "series-1",
          values: samples.map((sample) => toMegabytesPerSecond(sample.speedBytesPerSecond)),
          format: formatAmount,
        },
        {
          key: "size-left",
          label: "Size left",
          unit: "GB",
          mark: "series-5",
          values: samples.map((sample) => toGigabytes(sample.sizeLeftBytes)),
          format: formatAmount,
        },
      ]}
      formatTime={formatClock}
      summary={timeline ? queueSummary(timeline) : ""}
      emptyText={`No queue samples in the last ${HOURS} hours yet — they are taken every few minutes while the connector is online.`}
    />
  );
}

export function QueueTimelineFigure() {
  const query = useQuery(queueTimelineQuery(HOURS));
  if (query.isPending && query.fetchStatus === "paused") return <OfflineState />;
  if (query.isError && !query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <QueueChart timeline={query.data} />;
}
