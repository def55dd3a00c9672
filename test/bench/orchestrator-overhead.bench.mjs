// Orchestrator overhead, measured in one run against the local stack (`npm start`'s stack on free ports):
//  1. one call through Worker → Durable Object → connector → simulator (POST /api/v1/mcp/call sonarr_queue)
//     against the same tool called on the connector alone (MCP client in this process, signed tokens);
//  2. the wall time of one batch over three apps (GET /api/v1/downloads/queue?refresh=true, a callMany)
//     against the slowest of the same three calls made one by one through the Worker.
// The demo tenant is limited to 100 API requests a minute, so the loops are short and paced.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { SignJWT } from "jose";
import { freePort } from "../../scripts/lib/free-port.mjs";
import { requestBinding, TOKEN_LIFETIME_S } from "@autoarr/contract";
import { startStack } from "../../scripts/lib/stack.mjs";

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 25);
const stats = (samples) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p99: at(0.99) };
};
const fmt = (n) => `${n.toFixed(1)} ms`;
async function time(fn) {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

const persistDir = mkdtempSync(path.join(tmpdir(), "autoarr-bench-"));
const stack = await startStack({ port: await freePort(), connectorPort: await freePort(), persistDir, quiet: true, build: false });
try {
  const login = await (
    await fetch(`${stack.url}/api/v1/auth/login`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(stack.demo) })
  ).json();
  const auth = { Authorization: `Bearer ${login.accessToken}`, "Content-Type": "application/json" };
  const callViaWorker = async (tool, args = {}) => {
    const response = await fetch(`${stack.url}/api/v1/mcp/call`, { method: "POST", headers: auth, body: JSON.stringify({ tool, arguments: args }) });
    if (response.status !== 200) throw new Error(`${tool}: HTTP ${response.status} ${await response.text()}`);
    await response.json();
  };

  const pairing = JSON.parse(Buffer.from(stack.pairingCode.slice(5), "base64url").toString());
  const key = new Uint8Array(Buffer.from(pairing.secret, "base64url"));
  // Each token is bound to its request (method, body hash, JSON-RPC id, session), as the Worker's are.
  const signedFetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    const binding = await requestBinding({
      method: init?.method ?? "GET",
      body: init?.body ? new TextEncoder().encode(init.body) : undefined,
      sessionId: headers.get("mcp-session-id") ?? undefined,
    });
    const iat = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ cid: pairing.connectorId, ...binding })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer("autoarr")
      .setAudience("autoarr-connector")
      .setSubject(pairing.tenantId)
      .setIssuedAt(iat)
      .setExpirationTime(iat + TOKEN_LIFETIME_S)
      .setJti(crypto.randomUUID())
      .sign(key);
    headers.set("Authorization", `Bearer ${token}`);
    return fetch(input, { ...init, headers });
  };
  const client = new Client({ name: "bench", version: "1" });
  await client.connect(new StreamableHTTPClientTransport(new URL("/mcp", stack.connectorUrl), { fetch: signedFetch }));

  // Warm both paths (session set-up, tool list, JIT).
  for (let i = 0; i < 3; i++) {
    await callViaWorker("sonarr_queue");
    await client.callTool({ name: "sonarr_queue", arguments: {} });
  }
  const viaWorker = [];
  const direct = [];
  for (let i = 0; i < ITERATIONS; i++) {
    viaWorker.push(await time(() => callViaWorker("sonarr_queue")));
    direct.push(await time(() => client.callTool({ name: "sonarr_queue", arguments: {} })));
  }
  const w = stats(viaWorker);
  const d = stats(direct);
  console.log(`sonarr_queue, ${ITERATIONS} calls each`);
  console.log(`  connector alone (MCP)               median ${fmt(d.median)}  p99 ${fmt(d.p99)}`);
  console.log(`  Worker → hub → connector → Sonarr   median ${fmt(w.median)}  p99 ${fmt(w.p99)}`);
  console.log(`  overhead of Worker + Durable Object median ${fmt(w.median - d.median)} (×${(w.median / d.median).toFixed(2)})`);

  // Stay under the tenant's 100 requests/minute.
  await new Promise((r) => setTimeout(r, 61_000));
  const batch = [];
  const slowestSingle = [];
  const ROUNDS = 8;
  for (let i = 0; i < ROUNDS; i++) {
    batch.push(
      await time(async () => {
        const response = await fetch(`${stack.url}/api/v1/downloads/queue?refresh=true`, { headers: auth });
        if (response.status !== 200) throw new Error(`queue: HTTP ${response.status}`);
        await response.json();
      }),
    );
    const singles = [];
    for (const tool of ["sabnzbd_queue", "sonarr_queue", "radarr_queue"]) singles.push(await time(() => callViaWorker(tool)));
    slowestSingle.push(Math.max(...singles));
  }
  const b = stats(batch);
  const s = stats(slowestSingle);
  console.log(`\nthree-app batch (callMany behind GET /api/v1/downloads/queue?refresh=true), ${ROUNDS} rounds`);
  console.log(`  batch wall time        median ${fmt(b.median)}`);
  console.log(`  slowest single call    median ${fmt(s.median)}`);
  console.log(`  batch / slowest single ×${(b.median / s.median).toFixed(2)} (1.0 means fully parallel)`);
  await client.close();
} finally {
  await stack.stop();
  rmSync(persistDir, { recursive: true, force: true });
}
