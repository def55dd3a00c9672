import type { SettingWrite } from "../../api/api-types";
import { formatValue } from "../format";

export function ChangeDiff({
  setting,
  before,
  after,
  beforeLabel = "Current",
  afterLabel = "Recommended",
}: {
  setting: string;
  before: unknown;
  after: unknown;
  beforeLabel?: string;
  afterLabel?: string;
}) {
  return (
    <dl className="change-diff">
      <dt>Setting</dt>
      <dd>{setting}</dd>
      <dt>{beforeLabel}</dt>
      <dd>{formatValue(before)}</dd>
      <dt>{afterLabel}</dt>
      <dd>
        <span className="change-diff__arrow" aria-hidden="true">
          →{" "}
        </span>
        {formatValue(after)}
      </dd>
    </dl>
  );
}

/** Every setting a change writes: its `writes`, or its one setting for a change recorded before fixes could write several. */
export function writesOf(change: SettingWrite & { writes?: SettingWrite[] }): SettingWrite[] {
  return change.writes && change.writes.length > 0 ? change.writes : [{ setting: change.setting, before: change.before, after: change.after }];
}

export function ChangeDiffs({ writes, beforeLabel, afterLabel }: { writes: SettingWrite[]; beforeLabel?: string; afterLabel?: string }) {
  return (
    <>
      {writes.map((write) => (
        <ChangeDiff key={write.setting} setting={write.setting} before={write.before} after={write.after} beforeLabel={beforeLabel} afterLabel={afterLabel} />
      ))}
    </>
  );
}
