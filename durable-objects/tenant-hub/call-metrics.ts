// The tenant's MCP call counters (by app, tool and outcome), kept in the hub's storage so a scrape sees every
// call this tenant has made, whichever isolate served it.
import { emptyHistogram, type Histogram, observe } from "../../workers/platform/histogram";
import { appOfTool } from "@autoarr/contract";

const PREFIX = "metric:mcp:";

export interface McpCallSeries {
  app: string;
  tool: string;
  outcome: "ok" | "error";
  histogram: Histogram;
}

export class CallMetrics {
  constructor(private readonly storage: SyncKvStorage) {}

  record(tool: string, outcome: McpCallSeries["outcome"], seconds: number): void {
    const key = `${PREFIX}${tool} ${outcome}`;
    const known = this.storage.get<McpCallSeries>(key) ?? { app: appOfTool(tool) ?? "connector", tool, outcome, histogram: emptyHistogram() };
    this.storage.put(key, { ...known, histogram: observe(known.histogram, seconds) });
  }

  all(): McpCallSeries[] {
    return [...this.storage.list<McpCallSeries>({ prefix: PREFIX })].map(([, s]) => s);
  }
}
