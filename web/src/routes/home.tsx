import { DownloadQueue } from "../components/home/download-queue";
import { HealthGrid } from "../components/home/health-grid";
import { NeedsYou } from "../components/home/needs-you";
import { QueueTimelineFigure } from "../components/home/queue-timeline";
import { RecentActivity } from "../components/home/recent-activity";
import { StackSummaryLine } from "../components/home/stack-summary";
import { WeekAtAGlance } from "../components/home/week-at-a-glance";
import { PageHeading } from "../components/page-heading";

export default function HomeScreen() {
  return (
    <>
      <PageHeading title="Home" />
      <StackSummaryLine />
      <NeedsYou />
      <HealthGrid />
      <WeekAtAGlance />
      <div className="downloads-overview">
        <DownloadQueue />
        <QueueTimelineFigure />
      </div>
      <RecentActivity />
    </>
  );
}
