// AutoArr's MCP endpoint at /mcp, attacked: no or a bad token gets 401, and another tenant's session is not found.
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { exports } from "cloudflare:workers";
import { afterEach, describe, expect, it } from "vitest";
import { BASE, errorOf, signUp } from "../helpers";
import { closeClients, connect, json, sessionIdOf } from "../mcp/mcp-client";
import { pairedTenant } from "../stacks";

afterEach(closeClients);

const HEADERS = { "Content-Type": "application/json", Accept: "application/json, text/event-stream" };
const post = (headers: Record<string, string>, body: unknown) =>
  exports.default.fetch(new Request(`${BASE}/mcp`, { method: "POST", headers: { ...HEADERS, ...headers }, body: JSON.stringify(body) }));

describe("AutoArr's MCP endpoint, attacked", () => {
  it("answers 401 with WWW-Authenticate without credentials or with a bad token", async () => {
    const init = {
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "x", version: "0" } },
    };
    const none = await post({}, init);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe('Bearer realm="autoarr"');
    expect(await errorOf(none)).toMatchObject({ code: "unauthorized", message: "Send 'Authorization: Bearer <AutoArr access token>'" });
    const bad = await post({ Authorization: "Bearer not-a-token" }, init);
    expect(bad.status).toBe(401);
    expect(await errorOf(bad)).toMatchObject({ code: "unauthorized", message: "access token is invalid" });
    await expect(connect(undefined)).rejects.toThrow();
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
    const hijack = await post(
      { Authorization: `Bearer ${b.accessToken}`, "mcp-session-id": sessionIdOf(clientA), "mcp-protocol-version": "2025-06-18" },
      { jsonrpc: "2.0", id: 9, method: "tools/call", params: { name: "get_queue", arguments: {} } },
    );
    expect(hijack.status).toBe(404);
  });
});
