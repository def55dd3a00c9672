// GET /metrics: bearer-protected, Prometheus text that a real parser reads, with counters gathered from the
// MetricsHub, the tenant hubs and D1.
import type { ParsedFamily } from "parse-prometheus-text-format";
import { describe, expect, it } from "vitest";
import { api, errorOf, secrets } from "../helpers";
import { pairedTenant } from "../stacks";
import { type HistogramSeries, parseMetrics } from "./parse-metrics";

const TOKEN = secrets.METRICS_TOKEN;

let histograms: (name: string) => HistogramSeries[] = () => [];

async function scrape(): Promise<Map<string, ParsedFamily>> {
  const response = await api("/metrics", { token: TOKEN });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/plain; version=0.0.4");
  const parsed = parseMetrics(await response.text());
  histograms = parsed.histogram;
  return parsed.families;
}

describe("GET /metrics", () => {
  it("answers 401 without a token, with a wrong one, and with a user's access token", async () => {
    const none = await api("/metrics");
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toContain("Bearer");
    expect((await errorOf(none)).code).toBe("unauthorized");
    expect((await api("/metrics", { token: `${TOKEN.slice(0, -1)}0` })).status).toBe(401);
    expect((await api("/metrics", { token: TOKEN.slice(0, -1) })).status).toBe(401);
    expect((await api("/metrics", { headers: { Authorization: `Basic ${btoa(`x:${TOKEN}`)}` } })).status).toBe(401);
  });

  it("reports requests by route template, MCP calls by app and tool, circuits by tenant and the cache ratio", async () => {
    const { owner } = await pairedTenant("metrics");
    const first = await api("/api/v1/downloads/queue", { token: owner.accessToken });
    expect(first.status).toBe(200);
    expect((await api("/api/v1/downloads/queue", { token: owner.accessToken })).status).toBe(200);
    expect((await api("/api/v1/requests/no-such-id", { token: owner.accessToken })).status).toBe(404);

    const families = await scrape();
    for (const name of [
      "http_requests_total",
      "http_request_duration_seconds",
      "mcp_calls_total",
      "mcp_call_duration_seconds",
      "circuit_breaker_state",
      "download_recovery_attempts",
      "config_changes_applied",
      "active_websocket_connections",
      "cache_hit_ratio",
    ]) {
      expect(families.has(name), name).toBe(true);
    }

    const requests = families.get("http_requests_total")!;
    expect(requests.type).toBe("COUNTER");
    const queue = requests.metrics.find((m) => m.labels?.route === "/api/v1/downloads/queue" && m.labels.status === "200");
    expect(Number(queue?.value)).toBeGreaterThanOrEqual(2);
    // Route templates, never concrete ids.
    expect(requests.metrics.some((m) => m.labels?.route === "/api/v1/requests/:id" && m.labels.status === "404")).toBe(true);
    expect(requests.metrics.some((m) => m.labels?.route?.includes("no-such-id"))).toBe(false);

    expect(families.get("http_request_duration_seconds")!.type).toBe("HISTOGRAM");
    const queueDurations = histograms("http_request_duration_seconds").find((s) => s.labels.route === "/api/v1/downloads/queue" && s.labels.status === "200")!;
    expect(queueDurations.count).toBe(Number(queue!.value));
    expect(queueDurations.buckets["+Inf"]).toBe(queueDurations.count);
    expect(queueDurations.sum).toBeGreaterThan(0);

    const calls = families.get("mcp_calls_total")!;
    const sabQueue = calls.metrics.find((m) => m.labels?.app === "sabnzbd" && m.labels.tool === "sabnzbd_queue" && m.labels.outcome === "ok");
    expect(Number(sabQueue?.value)).toBeGreaterThanOrEqual(1);
    expect(histograms("mcp_call_duration_seconds").some((s) => s.labels.app === "sonarr" && s.labels.tool === "sonarr_queue" && s.count >= 1)).toBe(true);

    const circuits = families.get("circuit_breaker_state")!.metrics.filter((m) => m.labels?.tenant === owner.tenant.id);
    expect(circuits.map((m) => m.labels?.app).sort()).toEqual(expect.arrayContaining(["connector", "sabnzbd", "sonarr", "radarr"]));
    expect(circuits.every((m) => m.value === "0")).toBe(true);

    // The second queue read was served from KV.
    const ratio = families.get("cache_hit_ratio")!.metrics.find((m) => m.labels?.kind === "queue");
    expect(Number(ratio?.value)).toBeGreaterThan(0);
    expect(Number(ratio?.value)).toBeLessThanOrEqual(1);
  });

  it("counts WebSocket connections held by the tenant hubs", async () => {
    const { owner } = await pairedTenant("metrics-ws");
    const before = Number((await scrape()).get("active_websocket_connections")!.metrics[0]!.value);
    const upgrade = await api("/api/v1/ws", { headers: { Upgrade: "websocket", "Sec-WebSocket-Protocol": `autoarr, ${owner.accessToken}` } });
    expect(upgrade.status).toBe(101);
    upgrade.webSocket!.accept();
    const during = Number((await scrape()).get("active_websocket_connections")!.metrics[0]!.value);
    expect(during).toBe(before + 1);
    upgrade.webSocket!.close(1000, "done");
  });
});
