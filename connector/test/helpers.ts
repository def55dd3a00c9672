// Test harness: simulators + a paired connector on ephemeral ports, token minting, and an MCP client.
import { randomBytes, randomUUID } from "node:crypto";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { SignJWT } from "jose";
import { type AppsConfig, appsConfigFor, type ConnectorConfig } from "../src/config.js";
import { APP_IDS, requestBinding, TOKEN_LIFETIME_S, type RequestBinding } from "@autoarr/contract";
import { silentLogger } from "../src/logger.js";
import { parsePairingCode, createPairingCode, type PairingMaterial } from "../src/pairing.js";
import { startConnector, type RunningConnector } from "../src/server.js";
import { startSimulators, type RunningSimulators, type SimulatedApp } from "../src/simulators/index.js";

export interface Harness {
  sims: RunningSimulators;
  connector: RunningConnector;
  pairing: PairingMaterial;
  mcpUrl: string;
  token(claims?: TokenOverrides): Promise<string>;
  client(): Promise<Client>;
  close(): Promise<void>;
}

export interface TokenOverrides {
  iss?: string;
  aud?: string;
  sub?: string;
  cid?: string;
  jti?: string;
  iat?: number;
  exp?: number;
  key?: Uint8Array;
  /** The request the token is bound to (body as sent: JSON.stringify of it unless already a string). */
  request?: BoundRequest;
  /** Replaces bound claims after binding (undefined values drop the claim), to forge a mismatch. */
  claims?: Partial<Record<keyof RequestBinding, unknown>>;
}

export interface BoundRequest {
  method: string;
  body?: unknown;
  sessionId?: string;
}

export function bodyBytes(body: unknown): Uint8Array | undefined {
  if (body === undefined || body === null) return undefined;
  return new TextEncoder().encode(typeof body === "string" ? body : JSON.stringify(body));
}

export async function mintToken(pairing: PairingMaterial, overrides: TokenOverrides = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const { request } = overrides;
  const binding = request
    ? await requestBinding({ method: request.method, body: bodyBytes(request.body), ...(request.sessionId ? { sessionId: request.sessionId } : {}) })
    : {};
  const bound = Object.fromEntries(Object.entries({ ...binding, ...overrides.claims }).filter(([, value]) => value !== undefined));
  return new SignJWT({ ...bound, cid: overrides.cid ?? pairing.connectorId })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(overrides.iss ?? "autoarr")
    .setAudience(overrides.aud ?? "autoarr-connector")
    .setSubject(overrides.sub ?? pairing.tenantId)
    .setIssuedAt(overrides.iat ?? now)
    .setExpirationTime(overrides.exp ?? now + TOKEN_LIFETIME_S)
    .setJti(overrides.jti ?? randomUUID())
    .sign(overrides.key ?? pairing.secret);
}

/** An MCP client whose every HTTP request carries a fresh token, as the Worker's does. */
export async function connectClient(mcpUrl: string, pairing: PairingMaterial): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(mcpUrl), {
    fetch: async (url, init) => {
      const headers = new Headers(init?.headers);
      const sessionId = headers.get("mcp-session-id");
      const request = { method: init?.method ?? "GET", body: init?.body ?? undefined, ...(sessionId ? { sessionId } : {}) };
      headers.set("Authorization", `Bearer ${await mintToken(pairing, { request })}`);
      return fetch(url, { ...init, headers });
    },
  });
  const client = new Client({ name: "connector-tests", version: "1.0.0" });
  await client.connect(transport);
  return client;
}

export interface HarnessOptions {
  apps?: SimulatedApp[];
  timeoutMs?: number;
  profile?: "demo" | "well-configured";
  /** Overrides the app URLs (e.g. to point one at a closed port). */
  appsConfig?: (sims: RunningSimulators) => AppsConfig;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const sims = await startSimulators({ profile: options.profile ?? "demo" });
  const pairing = parsePairingCode(createPairingCode(`tenant-${randomUUID()}`, `connector-${randomUUID()}`, randomBytes(32)));
  const apps: AppsConfig = options.appsConfig?.(sims) ?? appsConfigFor(options.apps ?? APP_IDS, sims.urls, sims.keys);
  const config: ConnectorConfig = { apps, pairing, host: "127.0.0.1", port: 0, timeoutMs: options.timeoutMs ?? 2000, logLevel: "error", sessionIdleMs: 60_000 };
  const connector = await startConnector(config, { logger: silentLogger });
  const mcpUrl = `${connector.url}/mcp`;
  const clients: Client[] = [];
  return {
    sims,
    connector,
    pairing,
    mcpUrl,
    token: (claims) => mintToken(pairing, claims),
    client: async () => {
      const client = await connectClient(mcpUrl, pairing);
      clients.push(client);
      return client;
    },
    close: async () => {
      await Promise.allSettled(clients.map((c) => c.close()));
      await connector.close();
      await sims.close();
    },
  };
}

export interface ToolCall {
  isError: boolean;
  text: string;
  data: Record<string, unknown>;
}

export async function call(client: Client, name: string, args: Record<string, unknown> = {}): Promise<ToolCall> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const first = result.content?.[0];
  return {
    isError: result.isError === true,
    text: first && first.type === "text" ? first.text : "",
    data: (result.structuredContent ?? {}) as Record<string, unknown>,
  };
}

/** A raw JSON-RPC POST to /mcp with the given headers (for the token tests). */
export async function rawPost(mcpUrl: string, headers: Record<string, string>, body: unknown): Promise<Response> {
  return fetch(mcpUrl, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream", ...headers },
    body: JSON.stringify(body),
  });
}

export const initializeRequest = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
};

export const simFetch = async (url: string, init?: RequestInit) => {
  const response = await fetch(url, { ...init, headers: { "Content-Type": "application/json", ...(init?.headers ?? {}) } });
  return response.json() as Promise<Record<string, unknown>>;
};

/** A loopback URL on which nothing listens (connection refused). */
export async function closedPortUrl(): Promise<string> {
  const { createServer } = await import("node:net");
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
