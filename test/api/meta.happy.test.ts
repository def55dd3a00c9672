import { describe, expect, it } from "vitest";
import { api } from "../helpers";

describe("API description", () => {
  it("answers GET /api/v1 with its name and version", async () => {
    const response = await api("/api/v1");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ name: "AutoArr API", version: "0.1.0", openapi: "/api/v1/openapi.json" });
  });

  it("answers GET /ping", async () => {
    const response = await api("/ping");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ pong: true });
  });

  it("serves an OpenAPI document that lists every route the app has", async () => {
    const { createApp } = await import("../../workers/app");
    const app = createApp();
    const doc = (await (await api("/api/v1/openapi.json")).json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe("3.1.0");

    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`)),
    );
    const served = app.routes.filter((r) => r.method !== "ALL" && r.path !== "/api/v1/openapi.json").map((r) => `${r.method} ${r.path}`);
    expect(served.length).toBeGreaterThan(10);
    for (const route of served) expect(documented, `${route} is not in the OpenAPI document`).toContain(route);
    for (const route of documented) expect(served, `${route} is documented but not served`).toContain(route);
  });

  it("sets security headers on every answer", async () => {
    const response = await api("/ping");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(response.headers.get("strict-transport-security")).toContain("max-age=");
  });

  it("continues an incoming W3C trace and echoes it", async () => {
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    const response = await api("/ping", { headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` } });
    const traceparent = response.headers.get("traceparent") ?? "";
    expect(traceparent.split("-")[1]).toBe(traceId);
    expect(traceparent.split("-")[2]).not.toBe("00f067aa0ba902b7");
    expect(response.headers.get("x-request-id")).toBe(traceId);
  });

  it("starts a new trace when the incoming traceparent is malformed", async () => {
    const response = await api("/ping", { headers: { traceparent: "garbage" } });
    expect(response.headers.get("traceparent")).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });
});
