import { formatValue } from "../format";

export function ChangeDiff({ setting, before, after, beforeLabel = "Current", afterLabel = "Recommended" }: { setting: string; before: unknown; after: unknown; beforeLabel?: string; afterLabel?: string }) {
  return (
    <dl className="change-diff">
      <dt>Setting</dt>
      <dd>{setting}</dd>
      <dt>{beforeLabel}</dt>
      <dd>{formatValue(before)}</dd>
      <dt>{afterLabel}</dt>
      <dd>
        <span className="change-diff__arrow" aria-hidden="true">→ </span>
        {formatValue(after)}
      </dd>
    </dl>
  );
}
