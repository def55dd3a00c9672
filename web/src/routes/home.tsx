import { DownloadQueue } from "../components/home/download-queue";
import { HealthGrid } from "../components/home/health-grid";
import { RecentActivity } from "../components/home/recent-activity";
import { PageHeading } from "../components/page-heading";

export default function HomeScreen() {
  return (
    <>
      <PageHeading title="Home" />
      <HealthGrid />
      <DownloadQueue />
      <RecentActivity />
    </>
  );
}
