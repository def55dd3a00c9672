// Counts this isolate's HTTP requests and cache reads, and hands them to the MetricsHub in batches.
//
// Why: a Worker runs in many isolates, so counters kept only in memory would show whichever isolate answered the
// scrape. Each isolate therefore buffers deltas and flushes them (through ctx.waitUntil, at most once a second)
// to one MetricsHub Durable Object, which holds the totals. A scrape first flushes its own isolate's buffer,
// so what it reports includes every request that isolate has finished; another isolate's last second of counts
// arrives with that isolate's next request.
import type { Env } from "./env";
import { emptyHistogram, type Histogram, mergeHistograms, observe } from "./histogram";

export interface HttpSeries {
  method: string;
  route: string;
  status: string;
  histogram: Histogram;
}

export interface CacheSeries {
  kind: string;
  hits: number;
  misses: number;
}

export interface MetricsDelta {
  http: HttpSeries[];
  cache: CacheSeries[];
}

const FLUSH_INTERVAL_MS = 1_000;

let http = new Map<string, HttpSeries>();
let cache = new Map<string, CacheSeries>();
let lastFlush = 0;

export function recordHttp(method: string, route: string, status: number, seconds: number): void {
  const key = `${method} ${route} ${status}`;
  const series = http.get(key) ?? { method, route, status: String(status), histogram: emptyHistogram() };
  series.histogram = observe(series.histogram, seconds);
  http.set(key, series);
}

export function recordCacheRead(kind: string, hit: boolean): void {
  const series = cache.get(kind) ?? { kind, hits: 0, misses: 0 };
  if (hit) series.hits++;
  else series.misses++;
  cache.set(kind, series);
}

/** Takes what was counted since the last drain. */
export function drain(): MetricsDelta {
  const delta = { http: [...http.values()], cache: [...cache.values()] };
  http = new Map();
  cache = new Map();
  return delta;
}

export function isEmpty(delta: MetricsDelta): boolean {
  return delta.http.length === 0 && delta.cache.length === 0;
}

export function mergeDelta(into: MetricsDelta, more: MetricsDelta): MetricsDelta {
  const httpSeries = new Map(into.http.map((s) => [`${s.method} ${s.route} ${s.status}`, s]));
  for (const s of more.http) {
    const key = `${s.method} ${s.route} ${s.status}`;
    const known = httpSeries.get(key);
    httpSeries.set(key, known ? { ...known, histogram: mergeHistograms(known.histogram, s.histogram) } : s);
  }
  const cacheSeries = new Map(into.cache.map((s) => [s.kind, s]));
  for (const s of more.cache) {
    const known = cacheSeries.get(s.kind);
    cacheSeries.set(s.kind, known ? { kind: s.kind, hits: known.hits + s.hits, misses: known.misses + s.misses } : s);
  }
  return { http: [...httpSeries.values()], cache: [...cacheSeries.values()] };
}

export function metricsHub(env: Env) {
  return env.METRICS_HUB.get(env.METRICS_HUB.idFromName("global"));
}

/** Sends the buffer to the MetricsHub; on failure the counts go back into the buffer for the next flush. */
export async function flush(env: Env): Promise<void> {
  lastFlush = Date.now();
  const delta = drain();
  if (isEmpty(delta)) return;
  try {
    await metricsHub(env).add(delta);
  } catch (error) {
    const pending = drain();
    const restored = mergeDelta(delta, pending);
    for (const s of restored.http) http.set(`${s.method} ${s.route} ${s.status}`, s);
    for (const s of restored.cache) cache.set(s.kind, s);
    throw error;
  }
}

/** Flushes through waitUntil when the last flush is over a second old, so busy isolates send one RPC a second. */
export function flushSoon(env: Env, waitUntil: ((work: Promise<unknown>) => void) | undefined): void {
  if (!waitUntil || !env.METRICS_HUB || Date.now() - lastFlush < FLUSH_INTERVAL_MS) return;
  waitUntil(flush(env).catch(() => undefined));
}
