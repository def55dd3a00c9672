import { PageHeading } from "../components/page-heading";
import { HuntingSection } from "../components/hunting/hunting-section";
import { AccountSection } from "../components/settings/account-section";
import { ConnectorsSection } from "../components/settings/connectors-section";
import { NotificationsSection } from "../components/settings/notifications-section";
import { RecoverySettingsSection } from "../components/settings/recovery-settings-form";

export default function SettingsScreen() {
  return (
    <>
      <PageHeading title="Settings" />
      <ConnectorsSection />
      <RecoverySettingsSection />
      <HuntingSection />
      <NotificationsSection />
      <AccountSection />
    </>
  );
}
