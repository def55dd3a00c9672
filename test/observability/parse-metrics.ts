// Reads /metrics output with parse-prometheus-text-format (a port of the Prometheus client's parser). Its
// prom2json-style output folds every labelled series of a histogram into one, so histograms are read a second
// time as untyped samples, which keeps each series' labels.
import parsePrometheusTextFormat, { type ParsedFamily } from "parse-prometheus-text-format";

export interface HistogramSeries {
  labels: Record<string, string>;
  buckets: Record<string, number>;
  count: number;
  sum: number;
}

export interface ParsedMetrics {
  families: Map<string, ParsedFamily>;
  histogram(name: string): HistogramSeries[];
}

export function parseMetrics(text: string): ParsedMetrics {
  const families = new Map(parsePrometheusTextFormat(text).map((f) => [f.name, f]));
  const untyped = parsePrometheusTextFormat(text.replace(/^# TYPE (\S+) histogram$/gm, "# TYPE $1 untyped"));
  return {
    families,
    histogram(name) {
      const series = new Map<string, HistogramSeries>();
      const of = (labels: Record<string, string> = {}) => {
        const { le: _le, ...own } = labels;
        const key = JSON.stringify(own);
        const known = series.get(key) ?? { labels: own, buckets: {}, count: Number.NaN, sum: Number.NaN };
        series.set(key, known);
        return known;
      };
      for (const family of untyped) {
        for (const sample of family.metrics) {
          if (family.name === `${name}_bucket`) of(sample.labels).buckets[sample.labels!.le!] = Number(sample.value);
          if (family.name === `${name}_count`) of(sample.labels).count = Number(sample.value);
          if (family.name === `${name}_sum`) of(sample.labels).sum = Number(sample.value);
        }
      }
      return [...series.values()];
    },
  };
}
