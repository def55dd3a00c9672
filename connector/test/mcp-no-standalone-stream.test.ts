// The connector offers no standalone SSE stream: an authenticated GET /mcp gets 405 (MCP 2025-06-18, Streamable HTTP,
// "Listening for Messages from the Server"), so the hub's SDK client holds no connection open through the tunnel.
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { call, initializeRequest, rawPost, startHarness, type Harness } from "./helpers.js";

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ apps: ["sonarr"] });
});
afterAll(() => harness.close());

async function getMcp(headers: Record<string, string>): Promise<Response> {
  return fetch(harness.mcpUrl, { method: "GET", headers: { Accept: "text/event-stream", ...headers } });
}

async function openSession(): Promise<string> {
  const opened = await rawPost(
    harness.mcpUrl,
    { Authorization: `Bearer ${await harness.token({ request: { method: "POST", body: initializeRequest } })}` },
    initializeRequest,
  );
  expect(opened.status).toBe(200);
  return opened.headers.get("mcp-session-id")!;
}

describe("GET /mcp", () => {
  it("answers an authenticated GET with 405 and the methods it serves", async () => {
    const sessionId = await openSession();
    const response = await getMcp({
      "mcp-session-id": sessionId,
      Authorization: `Bearer ${await harness.token({ request: { method: "GET", sessionId } })}`,
    });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST, DELETE");
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/Method Not Allowed/);
  });

  it("answers 405 without a session too", async () => {
    const response = await getMcp({ Authorization: `Bearer ${await harness.token({ request: { method: "GET" } })}` });
    expect(response.status).toBe(405);
  });

  it("still refuses a GET without a valid token with 401, before saying anything about methods", async () => {
    expect((await getMcp({})).status).toBe(401);
    const forPost = await harness.token({ request: { method: "POST", body: initializeRequest } });
    expect((await getMcp({ Authorization: `Bearer ${forPost}` })).status).toBe(401);
  });

  it("lets the SDK client run a full session without ever holding a GET stream open", async () => {
    const answers: { method: string; status: number }[] = [];
    const transport = new StreamableHTTPClientTransport(new URL(harness.mcpUrl), {
      fetch: async (url, init) => {
        const headers = new Headers(init?.headers);
        const sessionId = headers.get("mcp-session-id") ?? undefined;
        const method = init?.method ?? "GET";
        headers.set(
          "Authorization",
          `Bearer ${await harness.token({ request: { method, body: init?.body ?? undefined, ...(sessionId ? { sessionId } : {}) } })}`,
        );
        const response = await fetch(url, { ...init, headers });
        answers.push({ method, status: response.status });
        return response;
      },
    });
    const client = new Client({ name: "no-stream-test", version: "1" });
    let error: Error | undefined;
    client.onerror = (e) => {
      error = e;
    };
    await client.connect(transport);
    const status = await call(client, "sonarr_system_status");
    expect(status.isError).toBe(false);
    expect((await call(client, "sonarr_system_status")).isError).toBe(false);
    // The client opens its GET in the background after `notifications/initialized`.
    await vi.waitFor(() => expect(answers.some((a) => a.method === "GET")).toBe(true));
    await client.close();

    // The client asks once after initialize, takes the 405 as "no stream", and never asks again.
    expect(answers.filter((a) => a.method === "GET")).toEqual([{ method: "GET", status: 405 }]);
    expect(answers.filter((a) => a.method === "POST").every((a) => a.status === 200 || a.status === 202)).toBe(true);
    expect(error).toBeUndefined();
  });
});
