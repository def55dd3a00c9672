export function OfflineState() {
  return (
    <div className="state state--offline" role="status">
      <strong>Offline</strong>
      <p>This will load when your connection returns.</p>
    </div>
  );
}
