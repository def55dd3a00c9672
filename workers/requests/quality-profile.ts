// Quality profiles as the Worker reads them, in one place: which profile serves a requested quality, and which one
// is a step down from a quality that keeps failing. Each profile's best resolution comes from the connector
// (`maxResolution`, from the app's own quality definitions), never guessed here from names. Pure.
import type { Quality } from "./parse.schema";

export interface QualityProfile {
  id: number;
  name: string;
  /** The highest resolution the profile allows (0 when it allows none). */
  maxResolution: number;
  allowedQualities: string[];
}

const TARGET: Record<Quality, number> = { "720p": 720, "1080p": 1080, "2160p": 2160, best: Number.POSITIVE_INFINITY };
// Without a requested quality, 1080p is the common default of Sonarr/Radarr set-ups.
const DEFAULT_TARGET = 1080;

/** Among profiles equally good, the narrowest (HD-1080p rather than Any), then the lowest id. */
const narrowestFirst = (a: QualityProfile, b: QualityProfile) => a.allowedQualities.length - b.allowedQualities.length || a.id - b.id;

export function chooseQualityProfile(profiles: QualityProfile[], quality: Quality | null): QualityProfile | undefined {
  const target = quality ? TARGET[quality] : DEFAULT_TARGET;
  const distance = ({ maxResolution: top }: QualityProfile) => {
    if (target === Number.POSITIVE_INFINITY) return -top;
    // Prefer an exact match, then the next lower, then higher: a profile above what was asked wastes space.
    return top === target ? 0 : top < target ? (target - top) / 10_000 + 0.5 : (top - target) / 10_000 + 1;
  };
  return [...profiles].sort((a, b) => distance(a) - distance(b) || narrowestFirst(a, b))[0];
}

/**
 * The profile whose best quality is the highest below `failedResolution` (HD-720p after 1080p failed); among
 * equals the narrowest one. Undefined when nothing is lower.
 */
export function lowerQualityProfile(profiles: QualityProfile[], failedResolution: number): QualityProfile | undefined {
  const below = profiles.filter((p) => p.maxResolution > 0 && p.maxResolution < failedResolution);
  return below.sort((a, b) => b.maxResolution - a.maxResolution || narrowestFirst(a, b))[0];
}
