// How many different downloads of one episode or movie failed at one quality. Kept in the tenant hub's storage,
// because a blocklisted release is replaced by a new download with a new id: only the item ties them together.
import type { Detection } from "./detect.logic";
import { countsAgainstQuality } from "./strategy.logic";

interface Ledger {
  /** Resolution (or quality name when the resolution is unknown) the failures happened at. */
  tier: string;
  downloads: string[];
  lastSeenAt: number;
}

export const QUALITY_LEDGER_PREFIX = "monitor:quality:";

function itemKey(detection: Detection): string | undefined {
  const arr = detection.arr;
  const id = arr?.app === "sonarr" ? arr.episodeId : arr?.movieId;
  return arr && id ? `${QUALITY_LEDGER_PREFIX}${arr.app}:${id}` : undefined;
}

/** Notes this failure (once per release: its retries are not other releases) and returns how many downloads of the item failed at its quality. */
export function failuresAtQuality(storage: SyncKvStorage, detection: Detection, now: number, release: string = detection.key): number {
  const key = itemKey(detection);
  if (!key || !detection.quality || !countsAgainstQuality(detection)) return 0;
  const tier = detection.quality.resolution > 0 ? String(detection.quality.resolution) : detection.quality.name;
  const before = storage.get<Ledger>(key);
  const downloads = before?.tier === tier ? before.downloads : [];
  const ledger: Ledger = { tier, downloads: downloads.includes(release) ? downloads : [...downloads, release], lastSeenAt: now };
  storage.put(key, ledger);
  return ledger.downloads.length;
}
