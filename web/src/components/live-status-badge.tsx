import type { LiveStatus } from "../api/live-socket";
import { useLiveConnection } from "../hooks/use-live-connection";

const LABELS: Record<LiveStatus, string> = {
  online: "Live",
  connecting: "Connecting…",
  offline: "Offline",
};

export function LiveStatusBadge() {
  const { status } = useLiveConnection();
  return (
    <span className={`live-status live-status--${status}`} role="status" aria-label={`Live updates: ${LABELS[status]}`}>
      <span className="live-status__dot" aria-hidden="true" />
      {LABELS[status]}
    </span>
  );
}
