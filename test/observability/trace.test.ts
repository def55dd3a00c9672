// One request followed across the three logs: the Worker's request line, the tenant hub's MCP call line and the
// connector process's lines all carry the trace id of the incoming traceparent, with their own span ids.
import { afterEach, describe, expect, it, vi } from "vitest";
import { api } from "../helpers";
import { connectorLogs, pairedTenant } from "../stacks";

interface LogLine {
  level: string;
  logger: string;
  message: string;
  trace_id?: string;
  span_id?: string;
  parent_span_id?: string;
  context?: Record<string, unknown>;
}

function jsonLines(text: string): LogLine[] {
  return text.split("\n").flatMap((line) => {
    try {
      const parsed = JSON.parse(line) as unknown;
      return parsed && typeof parsed === "object" ? [parsed as LogLine] : [];
    } catch {
      return [];
    }
  });
}

afterEach(() => vi.restoreAllMocks());

describe("trace context across Worker, Durable Object and connector", () => {
  it("logs one request's trace id in the Worker, the tenant hub and the connector", async () => {
    const { owner, stack } = await pairedTenant("trace");
    const printed: string[] = [];
    for (const method of ["log", "warn", "error"] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(" ")));
    }
    const traceId = "0af7651916cd43dd8448eb211c80319c";
    const parentSpan = "b7ad6b7169203331";
    const response = await api("/api/v1/downloads/queue?refresh=true", {
      token: owner.accessToken,
      headers: { traceparent: `00-${traceId}-${parentSpan}-01` },
    });
    expect(response.status).toBe(200);
    const echoed = response.headers.get("traceparent")!;
    expect(echoed).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    const requestSpan = echoed.split("-")[2];
    vi.restoreAllMocks();

    const cloud = jsonLines(printed.join("\n"));
    const worker = cloud.find((l) => l.logger === "http" && l.message === "request" && l.trace_id === traceId);
    expect(worker).toMatchObject({ span_id: requestSpan, context: { route: "/api/v1/downloads/queue", status: 200 } });

    const hub = cloud.filter((l) => l.logger === "tenant-hub" && l.message === "mcp call" && l.trace_id === traceId);
    expect(hub.map((l) => l.context?.tool)).toEqual(expect.arrayContaining(["sabnzbd_queue", "sonarr_queue", "radarr_queue"]));
    for (const line of hub) expect(line.span_id).not.toBe(requestSpan);

    const connector = jsonLines(await connectorLogs(stack)).filter((l) => l.trace_id === traceId);
    const toolCalls = connector.filter((l) => l.message === "tool call");
    expect(toolCalls.map((l) => l.context?.tool)).toEqual(expect.arrayContaining(["sabnzbd_queue", "sonarr_queue", "radarr_queue"]));
    // The connector's span continues the hub's MCP-call span.
    const hubSpans = new Set(hub.map((l) => l.span_id));
    expect(toolCalls.every((l) => hubSpans.has(l.parent_span_id))).toBe(true);
    for (const line of connector)
      expect(line).toMatchObject({ timestamp: expect.any(String), level: expect.any(String), logger: expect.any(String), message: expect.any(String) });
  });
});
