// Which of the app's quality profiles serves the requested quality. Pure.
import type { Quality } from "./parse.schema";

export interface QualityProfile {
  id: number;
  name: string;
  allowedQualities: string[];
}

const TARGET: Record<Quality, number> = { "720p": 720, "1080p": 1080, "2160p": 2160, best: Number.POSITIVE_INFINITY };
// Without a requested quality, 1080p is the common default of Sonarr/Radarr set-ups.
const DEFAULT_TARGET = 1080;

function resolutionOf(name: string): number {
  if (/2160|4k|uhd/i.test(name)) return 2160;
  if (/1080/.test(name)) return 1080;
  if (/720/.test(name)) return 720;
  if (/480|576|sd|dvd/i.test(name)) return 480;
  return 0;
}

/** The highest resolution a profile allows. */
export function topResolution(profile: QualityProfile): number {
  return Math.max(resolutionOf(profile.name) === 2160 ? 2160 : 0, ...profile.allowedQualities.map(resolutionOf), 0);
}

export function chooseQualityProfile(profiles: QualityProfile[], quality: Quality | null): QualityProfile | undefined {
  if (profiles.length === 0) return undefined;
  const target = quality ? TARGET[quality] : DEFAULT_TARGET;
  const distance = (p: QualityProfile) => {
    const top = topResolution(p);
    if (target === Number.POSITIVE_INFINITY) return -top;
    // Prefer an exact match, then the next lower, then higher: a profile above what was asked wastes space.
    return top === target ? 0 : top < target ? (target - top) / 10_000 + 0.5 : (top - target) / 10_000 + 1;
  };
  const nameMatches = (p: QualityProfile) => (quality && quality !== "best" && resolutionOf(p.name) === target ? 0 : 1);
  return [...profiles].sort((a, b) => distance(a) - distance(b) || nameMatches(a) - nameMatches(b) || a.allowedQualities.length - b.allowedQualities.length)[0];
}
