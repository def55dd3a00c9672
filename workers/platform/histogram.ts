// Latency histograms with fixed buckets (seconds), kept as plain JSON so they cross RPC and sit in storage.

/** Upper bounds in seconds; Prometheus adds +Inf. Chosen for API calls: 5 ms to 30 s. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] as const;

export interface Histogram {
  count: number;
  sum: number;
  /** Observations per bucket, not cumulative; one more entry than LATENCY_BUCKETS for +Inf. */
  buckets: number[];
}

export function emptyHistogram(): Histogram {
  return { count: 0, sum: 0, buckets: new Array<number>(LATENCY_BUCKETS.length + 1).fill(0) };
}

export function observe(histogram: Histogram, seconds: number): Histogram {
  const index = LATENCY_BUCKETS.findIndex((bound) => seconds <= bound);
  const buckets = [...histogram.buckets];
  buckets[index === -1 ? LATENCY_BUCKETS.length : index]! += 1;
  return { count: histogram.count + 1, sum: histogram.sum + seconds, buckets };
}

export function mergeHistograms(a: Histogram, b: Histogram): Histogram {
  return { count: a.count + b.count, sum: a.sum + b.sum, buckets: a.buckets.map((n, i) => n + (b.buckets[i] ?? 0)) };
}
