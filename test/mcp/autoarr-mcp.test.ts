// AutoArr's own MCP endpoint, driven by the MCP SDK's client over Streamable HTTP into the real Worker.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { exports } from "cloudflare:workers";
import { afterEach, describe, expect, it } from "vitest";
import { BASE, signUp } from "../helpers";
import { pairedTenant } from "../stacks";

const open: Client[] = [];

async function connect(token: string | undefined): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(`${BASE}/mcp`), {
    fetch: (input, init) => exports.default.fetch(new Request(input, init)),
    ...(token ? { requestInit: { headers: { Authorization: `Bearer ${token}` } } } : {}),
  });
  const client = new Client({ name: "autoarr-test", version: "0.0.0" });
  await client.connect(transport);
  open.push(client);
  return client;
}

function json(result: unknown): unknown {
  const r = result as CallToolResult;
  const first = r.content[0];
  return first?.type === "text" ? JSON.parse(first.text) : undefined;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close().catch(() => undefined)));
});

describe("AutoArr's MCP endpoint at /mcp", () => {
  it("answers 401 with WWW-Authenticate without credentials or with a bad token", async () => {
    const init = { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "x", version: "0" } } };
    const headers = { "Content-Type": "application/json", Accept: "application/json, text/event-stream" };
    const none = await exports.default.fetch(new Request(`${BASE}/mcp`, { method: "POST", headers, body: JSON.stringify(init) }));
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toContain("Bearer");
    const bad = await exports.default.fetch(new Request(`${BASE}/mcp`, { method: "POST", headers: { ...headers, Authorization: "Bearer not-a-token" }, body: JSON.stringify(init) }));
    expect(bad.status).toBe(401);
    await expect(connect(undefined)).rejects.toThrow();
  });

  it("lists the seven tools with read-only and destructive hints", async () => {
    const owner = await signUp("mcp-tools");
    const client = await connect(owner.accessToken);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(
      ["apply_recommendation", "audit_configuration", "get_activity", "get_health", "get_queue", "list_recommendations", "request_content"].sort(),
    );
    const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
    expect(byName.get_queue!.annotations?.readOnlyHint).toBe(true);
    expect(byName.apply_recommendation!.annotations?.destructiveHint).toBe(true);
    expect(byName.request_content!.inputSchema.properties).toHaveProperty("query");
  });

  it("gives a paired tenant its health and queue through its connector", async () => {
    const { owner } = await pairedTenant("mcp-paired");
    const client = await connect(owner.accessToken);
    const queue = json(await client.callTool({ name: "get_queue", arguments: {} })) as { items: { source: string }[] };
    expect(queue.items.length).toBeGreaterThan(0);
    const health = json(await client.callTool({ name: "get_health", arguments: {} })) as Record<string, { state: string }>;
    expect(health.connector?.state).toBe("closed");
    expect(health.sabnzbd?.state).toBe("closed");
  });

  it("tells a tenant without a connector to pair one, as an error result", async () => {
    const owner = await signUp("mcp-unpaired");
    const client = await connect(owner.accessToken);
    const result = (await client.callTool({ name: "get_queue", arguments: {} })) as CallToolResult;
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result.content)).toMatch(/conflict: No connector is paired/);
  });

  it("never shows tenant A's data to tenant B, even with A's session id", async () => {
    const a = await pairedTenant("mcp-a");
    const b = await signUp("mcp-b");
    const clientA = await connect(a.owner.accessToken);
    await clientA.callTool({ name: "get_queue", arguments: {} });
    const clientB = await connect(b.accessToken);
    const queueB = (await clientB.callTool({ name: "get_queue", arguments: {} })) as CallToolResult;
    expect(queueB.isError).toBe(true);
    expect(json(await clientB.callTool({ name: "get_health", arguments: {} }))).toEqual({});
    const activityB = json(await clientB.callTool({ name: "get_activity", arguments: {} })) as { items: unknown[] };
    expect(activityB.items).toEqual([]);

    // B replays A's session id with B's own token: the session is not B's.
    const sessionA = (clientA.transport as StreamableHTTPClientTransport).sessionId!;
    const hijack = await exports.default.fetch(
      new Request(`${BASE}/mcp`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream", Authorization: `Bearer ${b.accessToken}`, "mcp-session-id": sessionA, "mcp-protocol-version": "2025-06-18" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 9, method: "tools/call", params: { name: "get_queue", arguments: {} } }),
      }),
    );
    expect(hijack.status).toBe(404);
  });

  it("rejects arguments outside a tool's schema", async () => {
    const owner = await signUp("mcp-args");
    const client = await connect(owner.accessToken);
    const result = (await client.callTool({ name: "request_content", arguments: { query: "x".repeat(501) } })) as CallToolResult;
    expect(result.isError).toBe(true);
  });
});
