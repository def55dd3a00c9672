import { useQuery } from "@tanstack/react-query";
import { overviewQuery } from "../api/overview.api";
import { DownloadQueue } from "../components/home/download-queue";
import { HealthGrid } from "../components/home/health-grid";
import { NeedsYou } from "../components/home/needs-you";
import { QueueTimelineFigure } from "../components/home/queue-timeline";
import { RecentActivity } from "../components/home/recent-activity";
import { StackSummaryLine } from "../components/home/stack-summary";
import { WeekAtAGlance } from "../components/home/week-at-a-glance";
import { PageHeading } from "../components/page-heading";
import { SkeletonList } from "../components/skeleton";

export default function HomeScreen() {
  const overview = useQuery(overviewQuery());
  // "Needs you" has no fixed size (it is there only when something waits), so the sections below it appear once the
  // overview has answered rather than being pushed down when it does.
  const settled = !overview.isPending || overview.fetchStatus === "paused";
  return (
    <>
      <PageHeading title="Home" />
      <StackSummaryLine />
      {settled ? (
        <>
          <NeedsYou />
          <HealthGrid />
          <WeekAtAGlance />
          <div className="downloads-overview">
            <DownloadQueue />
            <QueueTimelineFigure />
          </div>
          <RecentActivity />
        </>
      ) : (
        <SkeletonList rows={3} rowHeight={96} label="Loading your stack" />
      )}
    </>
  );
}
