// Which quality profile is one step down from a quality that keeps failing. Pure.

export interface ProfileSummary {
  id: number;
  name: string;
  /** The highest resolution the profile allows (0 when it allows none). */
  maxResolution: number;
  allowedQualities: string[];
}

/**
 * The profile whose best quality is the highest below `failedResolution` (HD-720p after 1080p failed); among
 * equals the narrowest one (HD-1080p rather than Any). Undefined when nothing is lower.
 */
export function lowerQualityProfile(profiles: ProfileSummary[], failedResolution: number): ProfileSummary | undefined {
  const below = profiles.filter((p) => p.maxResolution > 0 && p.maxResolution < failedResolution);
  return below.sort((a, b) => b.maxResolution - a.maxResolution || a.allowedQualities.length - b.allowedQualities.length || a.id - b.id)[0];
}
