import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { parseMetrics } from "../../test/observability/parse-metrics";
import { describe, expect, it } from "vitest";
import { emptyHistogram, observe } from "../platform/histogram";
import { writeMetrics } from "./prometheus";

describe("Prometheus text writer", () => {
  it("writes counters, gauges and cumulative histograms that a Prometheus parser reads back", () => {
    let histogram = emptyHistogram();
    for (const seconds of [0.003, 0.02, 0.02, 0.7, 45]) histogram = observe(histogram, seconds);
    const text = writeMetrics([
      { name: "http_requests_total", help: "Requests.", type: "counter", samples: [{ labels: { route: "/api/v1/requests/:id", status: "200" }, value: 5 }] },
      { name: "active_websocket_connections", help: "Sockets.", type: "gauge", samples: [{ value: 3 }] },
      { name: "http_request_duration_seconds", help: "Latency.", type: "histogram", samples: [{ labels: { route: "/x" }, histogram }] },
    ]);
    const families = parsePrometheusTextFormat(text);
    expect(families.map((f) => [f.name, f.type])).toEqual([
      ["http_requests_total", "COUNTER"],
      ["active_websocket_connections", "GAUGE"],
      ["http_request_duration_seconds", "HISTOGRAM"],
    ]);
    expect(families[0]!.metrics[0]).toEqual({ labels: { route: "/api/v1/requests/:id", status: "200" }, value: "5" });
    const [series] = parseMetrics(text).histogram("http_request_duration_seconds");
    expect(series!.labels).toEqual({ route: "/x" });
    expect(series!.count).toBe(5);
    expect(series!.buckets).toMatchObject({ "0.005": 1, "0.025": 3, "1": 4, "30": 4, "+Inf": 5 });
    expect(series!.sum).toBeCloseTo(45.743);
  });

  it("escapes label values and help text so hostile names cannot forge samples", () => {
    const text = writeMetrics([
      { name: "mcp_calls_total", help: "Line one\nline two \\ done", type: "counter", samples: [{ labels: { tool: 'evil"} 1\nfake_metric 9' }, value: 1 }] },
    ]);
    expect(text.split("\n").filter((l) => l.startsWith("fake_metric"))).toEqual([]);
    const [family] = parsePrometheusTextFormat(text);
    expect(family!.metrics).toEqual([{ labels: { tool: 'evil"} 1\nfake_metric 9' }, value: "1" }]);
  });

  it("refuses invalid metric and label names", () => {
    expect(() => writeMetrics([{ name: "bad-name", help: "", type: "gauge", samples: [] }])).toThrow();
    expect(() => writeMetrics([{ name: "ok", help: "", type: "gauge", samples: [{ labels: { "bad-label": "x" }, value: 1 }] }])).toThrow();
  });
});
