// AutoArr's own MCP endpoint, driven by the MCP SDK's client over Streamable HTTP into the real Worker. Attacks on it
// (no or a bad token, another tenant's session) are in test/security/mcp-endpoint.security.test.ts.
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterEach, describe, expect, it } from "vitest";
import { signUp } from "../helpers";
import { pairedTenant } from "../stacks";
import { closeClients, connect, json } from "./mcp-client";

afterEach(closeClients);

describe("AutoArr's MCP endpoint at /mcp", () => {
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

  it("rejects arguments outside a tool's schema", async () => {
    const owner = await signUp("mcp-args");
    const client = await connect(owner.accessToken);
    const result = (await client.callTool({ name: "request_content", arguments: { query: "x".repeat(501) } })) as CallToolResult;
    expect(result.isError).toBe(true);
  });
});
