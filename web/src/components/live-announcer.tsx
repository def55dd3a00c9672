import { useLiveConnection } from "../hooks/use-live-connection";

export function LiveAnnouncer() {
  const { announcement } = useLiveConnection();
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true">
      {announcement}
    </div>
  );
}
