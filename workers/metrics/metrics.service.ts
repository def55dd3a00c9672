// Gathers what GET /metrics reports, each number from where it is true for the whole service:
//  - HTTP requests and cache reads: the MetricsHub Durable Object, fed by every isolate (metric-buffer.ts);
//  - MCP calls, circuit states and open WebSockets: each tenant's hub (tenants with a connector, paged from D1);
//  - recovery attempts and applied configuration changes: counted in D1, where they are recorded.
// A scrape costs one RPC per tenant with a connector (25 at a time); past a few thousand tenants the hubs should
// push their counters to the MetricsHub instead, as the isolates do.
import { count, isNull } from "drizzle-orm";
import pLimit from "p-limit";
import type { HubMetrics } from "../../durable-objects/tenant-hub/tenant-hub.do";
import { tenantsWithConnectors } from "../connectors/tenants-with-connectors.repo";
import { configChanges, recoveryActions } from "../platform/db/schema";
import type { Env } from "../platform/env";
import { database } from "../platform/db/database";
import { hubFor } from "../connectors/hub-client";
import { flush, metricsHub } from "../platform/metric-buffer";
import type { MetricFamily } from "./prometheus";

const CIRCUIT_STATE_VALUE = { closed: 0, half_open: 1, open: 2 } as const;
const HUBS_AT_ONCE = 25;

async function gatherHubs(env: Env): Promise<{ hubs: HubMetrics[]; failed: number }> {
  const limit = pLimit(HUBS_AT_ONCE);
  const hubs: HubMetrics[] = [];
  let failed = 0;
  for await (const page of tenantsWithConnectors(database(env.DB))) {
    await Promise.all(
      page.map((tenantId) =>
        limit(async () => {
          try {
            hubs.push({ ...(await hubFor(env, tenantId).metricsSnapshot()), tenantId });
          } catch {
            failed++;
          }
        }),
      ),
    );
  }
  return { hubs, failed };
}

export async function collectMetrics(env: Env): Promise<MetricFamily[]> {
  await flush(env).catch(() => undefined);
  const db = database(env.DB);
  const [totals, { hubs, failed }, recoveries, changes] = await Promise.all([
    metricsHub(env).totals(),
    gatherHubs(env),
    db
      .select({ app: recoveryActions.app, outcome: recoveryActions.outcome, n: count() })
      .from(recoveryActions)
      .groupBy(recoveryActions.app, recoveryActions.outcome),
    db
      .select({ app: configChanges.appName, rollback: isNull(configChanges.rollbackOf), n: count() })
      .from(configChanges)
      .groupBy(configChanges.appName, isNull(configChanges.rollbackOf)),
  ]);

  const mcpCounts: MetricFamily & { type: "counter" } = {
    name: "mcp_calls_total",
    help: "Calls to connector tools, by app, tool and outcome (ok or error).",
    type: "counter",
    samples: [],
  };
  const mcpDurations: MetricFamily & { type: "histogram" } = {
    name: "mcp_call_duration_seconds",
    help: "Duration of calls to connector tools, by app and tool.",
    type: "histogram",
    samples: [],
  };
  const mcpByTool = new Map<string, { labels: { app: string; tool: string }; histogram: HubMetrics["mcpCalls"][number]["histogram"] }>();
  const mcpCountByKey = new Map<string, { labels: Record<string, string>; value: number }>();
  for (const hub of hubs) {
    for (const s of hub.mcpCalls) {
      const countKey = `${s.app} ${s.tool} ${s.outcome}`;
      const known = mcpCountByKey.get(countKey) ?? { labels: { app: s.app, tool: s.tool, outcome: s.outcome }, value: 0 };
      known.value += s.histogram.count;
      mcpCountByKey.set(countKey, known);
      const toolKey = `${s.app} ${s.tool}`;
      const durations = mcpByTool.get(toolKey);
      mcpByTool.set(toolKey, {
        labels: { app: s.app, tool: s.tool },
        histogram: durations
          ? {
              count: durations.histogram.count + s.histogram.count,
              sum: durations.histogram.sum + s.histogram.sum,
              buckets: durations.histogram.buckets.map((n, i) => n + (s.histogram.buckets[i] ?? 0)),
            }
          : s.histogram,
      });
    }
  }
  mcpCounts.samples = [...mcpCountByKey.values()];
  mcpDurations.samples = [...mcpByTool.values()];

  return [
    {
      name: "http_requests_total",
      help: "HTTP requests answered by the API Worker, by method, route template and status.",
      type: "counter",
      samples: totals.http.map((s) => ({ labels: { method: s.method, route: s.route, status: s.status }, value: s.histogram.count })),
    },
    {
      name: "http_request_duration_seconds",
      help: "Time to answer an HTTP request, by method, route template and status.",
      type: "histogram",
      samples: totals.http.map((s) => ({ labels: { method: s.method, route: s.route, status: s.status }, histogram: s.histogram })),
    },
    mcpCounts,
    mcpDurations,
    {
      name: "circuit_breaker_state",
      help: "Circuit breaker state per tenant and app: 0 closed, 1 half-open, 2 open.",
      type: "gauge",
      samples: hubs.flatMap((hub) =>
        Object.entries(hub.circuits).map(([app, state]) => ({ labels: { tenant: hub.tenantId ?? "", app }, value: CIRCUIT_STATE_VALUE[state] })),
      ),
    },
    {
      name: "download_recovery_attempts",
      help: "Recovery actions taken or proposed for failed and stalled downloads, by app and outcome.",
      type: "counter",
      samples: recoveries.map((r) => ({ labels: { app: r.app, outcome: r.outcome }, value: r.n })),
    },
    {
      name: "config_changes_applied",
      help: "Configuration changes written to the apps, by app and kind (apply or rollback).",
      type: "counter",
      samples: changes.map((r) => ({ labels: { app: r.app, kind: r.rollback ? "apply" : "rollback" }, value: r.n })),
    },
    {
      name: "active_websocket_connections",
      help: "Open WebSocket connections across all tenant hubs.",
      type: "gauge",
      samples: [{ value: hubs.reduce((n, hub) => n + hub.websockets, 0) }],
    },
    {
      name: "cache_hit_ratio",
      help: "Share of KV cache reads that found a fresh entry, by cache kind.",
      type: "gauge",
      samples: totals.cache.map((s) => ({ labels: { kind: s.kind }, value: s.hits + s.misses === 0 ? 0 : s.hits / (s.hits + s.misses) })),
    },
    {
      name: "cache_reads_total",
      help: "KV cache reads, by cache kind and result (hit or miss).",
      type: "counter",
      samples: totals.cache.flatMap((s) => [
        { labels: { kind: s.kind, result: "hit" }, value: s.hits },
        { labels: { kind: s.kind, result: "miss" }, value: s.misses },
      ]),
    },
    {
      name: "metrics_scrape_hub_failures",
      help: "Tenant hubs that did not answer during this scrape (their series are missing from it).",
      type: "gauge",
      samples: [{ value: failed }],
    },
  ];
}
