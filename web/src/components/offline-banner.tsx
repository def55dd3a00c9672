import { useIsOnline } from "../hooks/use-network-status";

export function OfflineBanner() {
  const online = useIsOnline();
  return (
    <div className="offline-banner" role="status" aria-live="polite" hidden={online}>
      {online ? null : "You are offline. AutoArr will refresh when your connection returns."}
    </div>
  );
}
