// Median and 90th percentile of the times from failure to fix.

/** The median (the mean of the middle two for an even count) and the nearest-rank p90, in seconds; null when empty. */
export function fixTimeOf(durationsMs: number[]): { medianSeconds: number | null; p90Seconds: number | null; fixes: number } {
  const sorted = durationsMs.filter((ms) => Number.isFinite(ms) && ms >= 0).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { medianSeconds: null, p90Seconds: null, fixes: 0 };
  const median = n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  const p90 = sorted[Math.ceil(0.9 * n) - 1]!;
  return { medianSeconds: Math.round(median / 1000), p90Seconds: Math.round(p90 / 1000), fixes: n };
}
