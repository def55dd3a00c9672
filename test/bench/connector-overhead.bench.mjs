// Connector overhead: sonarr_queue through MCP (connector in its own process) vs a direct HTTP call to the
// Sonarr simulator, in the same run; plus the connector's idle RSS. Run after `npm run build -w connector`.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { SignJWT } from "jose";
import { freePort } from "../../scripts/lib/free-port.mjs";

const dist = new URL("../../connector/dist/", import.meta.url);
const { startSimulators } = await import(new URL("simulators/index.js", dist).href);
const { createPairingCode, parsePairingCode } = await import(new URL("pairing.js", dist).href);
const { requestBinding, TOKEN_LIFETIME_S } = await import("@autoarr/contract");
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);
const WARMUP = 30;

const stats = (samples) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p99: at(0.99) };
};
const ms = (n) => `${n.toFixed(2)} ms`;
const rssKb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? NaN);

const sims = await startSimulators();
const code = createPairingCode("bench-tenant", "bench-connector");
const pairing = parsePairingCode(code);
const port = await freePort();
const child = spawn(
  process.execPath,
  [
    new URL("../../connector/bin/autoarr-connector.mjs", import.meta.url).pathname,
    "start",
    "--port",
    String(port),
    "--config",
    path.join(mkdtempSync(path.join(tmpdir(), "autoarr-bench-")), "config.json"),
  ],
  {
    env: { PATH: process.env.PATH, AUTOARR_PAIRING: code, SONARR_URL: sims.urls.sonarr, SONARR_API_KEY: sims.keys.sonarr, LOG_LEVEL: "error" },
    stdio: ["ignore", "ignore", "pipe"],
  },
);
try {
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {}
    if (i > 100) throw new Error("connector did not start");
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 1000));
  const idleRss = rssKb(child.pid);

  // Each token is bound to its request (method, body hash, JSON-RPC id, session), as the Worker's are.
  const token = async (init, headers) => {
    const binding = await requestBinding({
      method: init?.method ?? "GET",
      body: init?.body ? new TextEncoder().encode(init.body) : undefined,
      sessionId: headers.get("mcp-session-id") ?? undefined,
    });
    const iat = Math.floor(Date.now() / 1000);
    return new SignJWT({ cid: pairing.connectorId, ...binding })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer("autoarr")
      .setAudience("autoarr-connector")
      .setSubject(pairing.tenantId)
      .setIssuedAt(iat)
      .setExpirationTime(iat + TOKEN_LIFETIME_S)
      .setJti(randomUUID())
      .sign(pairing.secret);
  };
  const transport = new StreamableHTTPClientTransport(new URL(`${base}/mcp`), {
    fetch: async (url, init) => {
      const headers = new Headers(init?.headers);
      headers.set("Authorization", `Bearer ${await token(init, headers)}`);
      return fetch(url, { ...init, headers });
    },
  });
  const client = new Client({ name: "bench", version: "1" });
  await client.connect(transport);

  const direct = async () => {
    const response = await fetch(`${sims.urls.sonarr}/api/v3/queue?page=1&pageSize=20`, { headers: { "X-Api-Key": sims.keys.sonarr } });
    await response.json();
  };
  const viaMcp = async () => {
    const result = await client.callTool({ name: "sonarr_queue", arguments: { pageSize: 20 } });
    if (result.isError) throw new Error(result.content?.[0]?.text);
  };
  const measure = async (fn) => {
    for (let i = 0; i < WARMUP; i++) await fn();
    const samples = [];
    for (let i = 0; i < ITERATIONS; i++) {
      const start = performance.now();
      await fn();
      samples.push(performance.now() - start);
    }
    return stats(samples);
  };
  const d = await measure(direct);
  const m = await measure(viaMcp);
  const busyRss = rssKb(child.pid);
  console.log(`connector overhead (${ITERATIONS} iterations each, loopback)`);
  console.log(`  direct GET /api/v3/queue     median ${ms(d.median)}  p99 ${ms(d.p99)}`);
  console.log(`  sonarr_queue via MCP         median ${ms(m.median)}  p99 ${ms(m.p99)}`);
  console.log(`  ratio MCP/direct             median ${(m.median / d.median).toFixed(2)}x  p99 ${(m.p99 / d.p99).toFixed(2)}x`);
  console.log(`  connector RSS                idle ${(idleRss / 1024).toFixed(1)} MiB, after run ${(busyRss / 1024).toFixed(1)} MiB`);
  await client.close();
} finally {
  child.kill("SIGTERM");
  await sims.close();
}
