// Connector overhead: sonarr_queue through MCP (connector in its own process) vs a direct HTTP call to the
// Sonarr simulator, in the same run; plus the connector's footprint (issue 17, goal 7): cold start (spawn to the first
// 200 from GET /healthz, median of COLD_STARTS spawns) and idle RSS, each beside its goal and beside a bare `node`
// process serving one route, spawned the same way. Run after `npm run build -w connector`.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { freePort } from "../../scripts/lib/free-port.mjs";
import { signingFetch } from "./lib/connector-client.mjs";

const dist = new URL("../../connector/dist/", import.meta.url);
const { startSimulators } = await import(new URL("simulators/index.js", dist).href);
const { createPairingCode, parsePairingCode } = await import(new URL("pairing.js", dist).href);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);
const WARMUP = 30;
const COLD_STARTS = Number(process.env.BENCH_COLD_STARTS ?? 5);
const GOAL = { coldStartMs: 500, idleRssMiB: 60 };
const BIN = new URL("../../connector/bin/autoarr-connector.mjs", import.meta.url).pathname;
// The node flags the launcher's shebang gives (`#!/usr/bin/env -S node <flags>`): the connector runs with them as the
// `autoarr-connector` command, and so do both processes here, with this node.
// The node flags the Docker image (the documented install) runs the connector with: its ENTRYPOINT's, before the launcher.
const NODE_FLAGS = (() => {
  const entrypoint = /^ENTRYPOINT\s+(\[.*\])\s*$/m.exec(readFileSync(new URL("../../connector/Dockerfile", import.meta.url), "utf8"))?.[1];
  const words = entrypoint ? JSON.parse(entrypoint) : [];
  return words.slice(1).filter((word) => word.startsWith("--"));
})();
const BARE_NODE = path.join(mkdtempSync(path.join(tmpdir(), "autoarr-bench-bare-")), "bare-node.mjs");
writeFileSync(
  BARE_NODE,
  `import { createServer } from "node:http";
createServer((req, res) => res.writeHead(200, { "Content-Type": "application/json" }).end('{"ok":true}')).listen(Number(process.argv[2]), "127.0.0.1");
`,
);

const stats = (samples) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p99: at(0.99) };
};
const ms = (n) => `${n.toFixed(2)} ms`;
const rssKb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? NaN);
const mib = (kb) => `${(kb / 1024).toFixed(1)} MiB`;
const settle = () => new Promise((r) => setTimeout(r, 1000));

const sims = await startSimulators();
const code = createPairingCode("bench-tenant", "bench-connector");
const pairing = parsePairingCode(code);
const connectorArgs = (port) => [
  BIN,
  "start",
  "--port",
  String(port),
  "--config",
  path.join(mkdtempSync(path.join(tmpdir(), "autoarr-bench-")), "config.json"),
];
const connectorEnv = { PATH: process.env.PATH, AUTOARR_PAIRING: code, SONARR_URL: sims.urls.sonarr, SONARR_API_KEY: sims.keys.sonarr, LOG_LEVEL: "error" };

/** Spawns `node NODE_FLAGS ...args(port)` and resolves once GET /healthz answers 200, with the milliseconds that took. */
async function spawnUntilHealthy(args, env) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...NODE_FLAGS, ...args(port)], { env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200) break;
    } catch {}
    if (child.exitCode !== null || performance.now() - started > 30_000) {
      child.kill("SIGTERM");
      throw new Error(`${args(port).join(" ")} did not start: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  return { child, port, ms: performance.now() - started };
}

async function stop(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

/** COLD_STARTS cold starts, and the RSS of the last process after a second of idling. */
async function coldStarts(args, env) {
  const samples = [];
  let idleRss;
  for (let i = 0; i < COLD_STARTS; i++) {
    const { child, ms } = await spawnUntilHealthy(args, env);
    samples.push(ms);
    if (i === COLD_STARTS - 1) {
      await settle();
      idleRss = rssKb(child.pid);
    }
    await stop(child);
  }
  return { samples, idleRss };
}

// Interleaved, so load from elsewhere on the machine falls on both alike.
const bare = { ms: [], rss: [] };
const cold = { ms: [] };
for (let round = 0; round < 2; round++) {
  const b = await coldStarts((port) => [BARE_NODE, String(port)], { PATH: process.env.PATH });
  const c = await coldStarts(connectorArgs, connectorEnv);
  bare.ms.push(...b.samples);
  bare.rss.push(b.idleRss);
  cold.ms.push(...c.samples);
}
const bareMs = stats(bare.ms).median;
const coldMs = stats(cold.ms).median;
const bareRss = Math.min(...bare.rss);

const { child, port } = await spawnUntilHealthy(connectorArgs, connectorEnv);
try {
  const base = `http://127.0.0.1:${port}`;
  await settle();
  const idleRss = rssKb(child.pid);

  const transport = new StreamableHTTPClientTransport(new URL(`${base}/mcp`), { fetch: signingFetch(pairing) });
  const client = new Client({ name: "bench", version: "1" });
  await client.connect(transport);
  await client.listTools();
  await settle();
  const sessionRss = rssKb(child.pid);

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
  await settle();
  const busyRss = rssKb(child.pid);
  console.log(`connector overhead (${ITERATIONS} iterations each, loopback)`);
  console.log(`  direct GET /api/v3/queue     median ${ms(d.median)}  p99 ${ms(d.p99)}`);
  console.log(`  sonarr_queue via MCP         median ${ms(m.median)}  p99 ${ms(m.p99)}`);
  console.log(`  ratio MCP/direct             median ${(m.median / d.median).toFixed(2)}x  p99 ${(m.p99 / d.p99).toFixed(2)}x`);
  console.log(`  connector RSS                idle ${mib(idleRss)}, after run ${mib(busyRss)}`);
  const flags = NODE_FLAGS.length ? NODE_FLAGS.join(" ") : "no flags";
  console.log(`connector footprint (node ${process.version}, ${flags}; bare node = one HTTP route, spawned the same way)`);
  console.log(
    `  cold start (median of ${COLD_STARTS}×2)   connector ${ms(coldMs)}  goal ≤ ${GOAL.coldStartMs} ms  ${coldMs <= GOAL.coldStartMs ? "met" : "NOT met"}` +
      `  | bare node ${ms(bareMs)}  ratio ${(coldMs / bareMs).toFixed(2)}x`,
  );
  const rssLine = (label, kb) =>
    `  idle RSS ${label.padEnd(22)} ${mib(kb).padStart(9)}  goal ≤ ${GOAL.idleRssMiB} MiB  ${kb / 1024 <= GOAL.idleRssMiB ? "met    " : "NOT met"}` +
    `  | bare node ${mib(bareRss)}  +${mib(kb - bareRss)}  ratio ${(kb / bareRss).toFixed(2)}x`;
  console.log(rssLine("after start", idleRss));
  console.log(rssLine("after first session", sessionRss));
  console.log(rssLine(`after ${ITERATIONS + WARMUP} calls`, busyRss));
  await client.close();
} finally {
  await stop(child);
  await sims.close();
}
