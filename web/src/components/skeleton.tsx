// Placeholders sized like the content they stand in for, so nothing moves when the data arrives.
export function SkeletonList({ rows, rowHeight, label }: { rows: number; rowHeight: number; label: string }) {
  return (
    <div className="skeleton-list" aria-busy="true" aria-label={label} role="status">
      {Array.from({ length: rows }, (_, index) => (
        <div key={index} className="skeleton" style={{ height: rowHeight }} />
      ))}
    </div>
  );
}
