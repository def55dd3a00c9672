// One for the whole service (idFromName("global")): the totals of the Workers' HTTP and cache counters, which
// each isolate buffers and sends here in batches (see workers/platform/metric-buffer.ts).
import { DurableObject } from "cloudflare:workers";
import type { Env } from "../../workers/platform/env";
import { mergeHistograms } from "../../workers/platform/histogram";
import type { CacheSeries, HttpSeries, MetricsDelta } from "../../workers/platform/metric-buffer";

const HTTP = "http:";
const CACHE = "cache:";

export class MetricsHub extends DurableObject<Env> {
  add(delta: MetricsDelta): void {
    const kv = this.ctx.storage.kv;
    for (const s of delta.http) {
      const key = `${HTTP}${s.method} ${s.route} ${s.status}`;
      const known = kv.get<HttpSeries>(key);
      kv.put(key, known ? { ...known, histogram: mergeHistograms(known.histogram, s.histogram) } : s);
    }
    for (const s of delta.cache) {
      const key = `${CACHE}${s.kind}`;
      const known = kv.get<CacheSeries>(key);
      kv.put(key, known ? { kind: s.kind, hits: known.hits + s.hits, misses: known.misses + s.misses } : s);
    }
  }

  totals(): MetricsDelta {
    const kv = this.ctx.storage.kv;
    return {
      http: [...kv.list<HttpSeries>({ prefix: HTTP })].map(([, s]) => s),
      cache: [...kv.list<CacheSeries>({ prefix: CACHE })].map(([, s]) => s),
    };
  }
}
