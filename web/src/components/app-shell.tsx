// The signed-in frame: skip link, header with the theme switch and live status, offline notice, the screen, and the thumb-reachable navigation.
import type { ReactNode } from "react";
import { useFocusMainOnNavigate } from "../hooks/use-focus-on-navigate";
import { Brand } from "./brand";
import { LiveAnnouncer } from "./live-announcer";
import { LiveStatusBadge } from "./live-status-badge";
import { OfflineBanner } from "./offline-banner";
import { PrimaryNav } from "./primary-nav";
import { SkipLink } from "./skip-link";
import { ThemeSwitch } from "./theme/theme-switch";

export function AppShell({ children }: { children: ReactNode }) {
  useFocusMainOnNavigate();
  return (
    <>
      <SkipLink />
      <header className="app-header">
        <div className="container app-header__bar">
          <Brand />
          <div className="app-header__tools">
            <ThemeSwitch />
            <LiveStatusBadge />
          </div>
        </div>
        <PrimaryNav />
        <OfflineBanner />
      </header>
      <main id="main" tabIndex={-1} className="container app-main">
        {children}
      </main>
      <LiveAnnouncer />
    </>
  );
}

export function PublicShell({ children }: { children: ReactNode }) {
  return (
    <>
      <SkipLink />
      <header className="app-header">
        <div className="container app-header__bar">
          <Brand />
          <ThemeSwitch />
        </div>
        <OfflineBanner />
      </header>
      <main id="main" tabIndex={-1} className="container app-main app-main--narrow">
        {children}
      </main>
    </>
  );
}
