// The MCP SDK's client over Streamable HTTP into the real Worker's /mcp, for the MCP endpoint's tests.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { exports } from "cloudflare:workers";
import { BASE } from "../helpers";

const open: Client[] = [];

export async function connect(token: string | undefined): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(`${BASE}/mcp`), {
    fetch: (input, init) => exports.default.fetch(new Request(input, init)),
    ...(token ? { requestInit: { headers: { Authorization: `Bearer ${token}` } } } : {}),
  });
  const client = new Client({ name: "autoarr-test", version: "0.0.0" });
  await client.connect(transport);
  open.push(client);
  return client;
}

/** Closes every client `connect` opened; call it in afterEach. */
export async function closeClients(): Promise<void> {
  await Promise.all(open.splice(0).map((c) => c.close().catch(() => undefined)));
}

export function json(result: unknown): unknown {
  const r = result as CallToolResult;
  const first = r.content[0];
  return first?.type === "text" ? JSON.parse(first.text) : undefined;
}

export function sessionIdOf(client: Client): string {
  return (client.transport as StreamableHTTPClientTransport).sessionId!;
}
