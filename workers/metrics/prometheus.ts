// Writes the Prometheus text exposition format (version 0.0.4). prom-client needs Node internals that workerd
// lacks, so this is a small writer: families with HELP/TYPE, escaped label values, cumulative histogram buckets.
import { type Histogram, LATENCY_BUCKETS } from "../platform/histogram";

export const PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

export type Labels = Record<string, string>;

export type MetricFamily =
  | { name: string; help: string; type: "counter" | "gauge"; samples: { labels?: Labels; value: number }[] }
  | { name: string; help: string; type: "histogram"; samples: { labels?: Labels; histogram: Histogram }[] };

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
}

function escapeHelp(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "+Inf";
  if (value === -Infinity) return "-Inf";
  return String(value);
}

function formatLabels(labels: Labels | undefined): string {
  const entries = Object.entries(labels ?? {});
  if (entries.length === 0) return "";
  for (const [name] of entries) if (!LABEL_NAME.test(name) || name.startsWith("__")) throw new Error(`invalid label name ${name}`);
  return `{${entries.map(([name, value]) => `${name}="${escapeLabelValue(value)}"`).join(",")}}`;
}

export function writeMetrics(families: MetricFamily[]): string {
  const lines: string[] = [];
  for (const family of families) {
    if (!NAME.test(family.name)) throw new Error(`invalid metric name ${family.name}`);
    lines.push(`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} ${family.type}`);
    if (family.type === "histogram") {
      for (const { labels, histogram } of family.samples) {
        let cumulative = 0;
        LATENCY_BUCKETS.forEach((bound, i) => {
          cumulative += histogram.buckets[i] ?? 0;
          lines.push(`${family.name}_bucket${formatLabels({ ...labels, le: String(bound) })} ${cumulative}`);
        });
        lines.push(`${family.name}_bucket${formatLabels({ ...labels, le: "+Inf" })} ${histogram.count}`);
        lines.push(`${family.name}_sum${formatLabels(labels)} ${formatValue(histogram.sum)}`);
        lines.push(`${family.name}_count${formatLabels(labels)} ${histogram.count}`);
      }
    } else {
      for (const { labels, value } of family.samples) lines.push(`${family.name}${formatLabels(labels)} ${formatValue(value)}`);
    }
  }
  return lines.join("\n") + "\n";
}
