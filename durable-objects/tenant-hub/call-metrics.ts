// The tenant's MCP call counters (by app, tool and outcome), kept in the hub's storage so a scrape sees every
// call this tenant has made, whichever isolate served it.
//
// Counted in memory and written in batches (at most every few seconds, and whenever the hub says a piece of work is
// done): a write per call would hold each call's answer until it is durable. Eviction can lose the counts of the last
// few seconds; the hub flushes after every check, the work that matters most to count.
import { emptyHistogram, type Histogram, observe } from "../../workers/platform/histogram";
import { appOfTool } from "@autoarr/contract";

const PREFIX = "metric:mcp:";
export const METRICS_FLUSH_INTERVAL_MS = 5_000;

export interface McpCallSeries {
  app: string;
  tool: string;
  outcome: "ok" | "error";
  histogram: Histogram;
}

export class CallMetrics {
  private series: Map<string, McpCallSeries> | undefined;
  private readonly dirty = new Set<string>();
  private lastFlush: number;

  constructor(
    private readonly storage: SyncKvStorage,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.lastFlush = now();
  }

  private loaded(): Map<string, McpCallSeries> {
    this.series ??= new Map(this.storage.list<McpCallSeries>({ prefix: PREFIX }));
    return this.series;
  }

  record(tool: string, outcome: McpCallSeries["outcome"], seconds: number): void {
    const key = `${PREFIX}${tool} ${outcome}`;
    const series = this.loaded();
    const known = series.get(key) ?? { app: appOfTool(tool) ?? "connector", tool, outcome, histogram: emptyHistogram() };
    series.set(key, { ...known, histogram: observe(known.histogram, seconds) });
    this.dirty.add(key);
    if (this.now() - this.lastFlush >= METRICS_FLUSH_INTERVAL_MS) this.flush();
  }

  /** Writes the series counted since the last flush. */
  flush(): void {
    this.lastFlush = this.now();
    if (this.dirty.size === 0) return;
    const series = this.loaded();
    for (const key of this.dirty) this.storage.put(key, series.get(key));
    this.dirty.clear();
  }

  all(): McpCallSeries[] {
    return [...this.loaded().values()];
  }
}
