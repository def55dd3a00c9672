// What the relay costs: one call through Worker → Durable Object → connector → app, against the same request sent
// straight to the app and against the same tool called on the connector alone, all measured in one run on the local
// stack (wrangler dev + a connector process + the simulated apps, started here so the bench can reach them).
// It also counts, with a relay between the Worker and the connector, the connector round trips of
//  - a call on a warm session (goal: 1),
//  - the first call ever (session set-up),
//  - the first call after the hub was rebuilt (wrangler restarted on the same storage, as after eviction; goal ≤ 1
//    round trip of set-up),
//  - the first call after the connector restarted (its sessions gone, as after a NAS reboot; no failed call),
// and the wall time of a three-app batch (GET /api/v1/downloads/queue?refresh=true, one callMany) against its slowest
// call made alone. The demo tenant may make 100 API requests a minute, so the loops are paced.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { freePort } from "../../scripts/lib/free-port.mjs";
import { ROOT, startStack } from "../../scripts/lib/stack.mjs";
import { signingFetch, simulatedApps } from "./lib/connector-client.mjs";

const { startSimulators } = await import(path.join(ROOT, "connector/dist/simulators/index.js"));

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 180);
const PER_MINUTE = 90; // under the tenant's 100 requests a minute, with room for the other calls
const GOAL = { medianMs: 5, p99Ms: 15 };

const quantile = (samples, q) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const ms = (n) => `${n.toFixed(1)} ms`;
const verdict = (met) => (met ? "met" : "NOT met");
async function time(fn) {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}
const pause = (msToWait) => new Promise((resolve) => setTimeout(resolve, msToWait));

const sims = await startSimulators();
const apps = simulatedApps(sims);
const persistDir = mkdtempSync(path.join(tmpdir(), "autoarr-bench-"));
const stack = await startStack({
  port: await freePort(),
  connectorPort: await freePort(),
  persistDir,
  quiet: true,
  build: false,
  connector: { apps },
  countConnectorRequests: true,
});
const relay = stack.connectorRequests;
try {
  let auth;
  const signIn = async () => {
    const login = await (
      await fetch(`${stack.url}/api/v1/auth/login`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(stack.demo) })
    ).json();
    auth = { Authorization: `Bearer ${login.accessToken}`, "Content-Type": "application/json" };
  };
  await signIn();
  const callViaWorker = async (tool, args = {}) => {
    const response = await fetch(`${stack.url}/api/v1/mcp/call`, { method: "POST", headers: auth, body: JSON.stringify({ tool, arguments: args }) });
    if (response.status !== 200) throw new Error(`${tool}: HTTP ${response.status} ${await response.text()}`);
    await response.json();
  };
  // The request sonarr_queue makes of Sonarr (connector/src/apps/arr/arr.tools.ts), sent straight to the simulator.
  const callApp = async () => {
    const response = await fetch(`${sims.urls.sonarr}/api/v3/queue?page=1&pageSize=20&includeUnknownSeriesItems=false`, {
      headers: { "X-Api-Key": sims.keys.sonarr },
    });
    if (!response.ok) throw new Error(`sonarr: HTTP ${response.status}`);
    await response.json();
  };
  /** The connector round trips of one action, as the counting relay saw them. */
  const roundTrips = async (action) => {
    relay.reset();
    await action();
    const counts = relay.counts();
    const calls = counts.rpc["tools/call"] ?? 0;
    const setUp = Object.entries(counts.rpc).filter(([method]) => method !== "tools/call");
    if (counts.byMethod.GET) setUp.push(["GET (event stream)", counts.byMethod.GET]);
    const named = (entries) => entries.map(([name, n]) => `${name}×${n}`).join(", ") || "none";
    return {
      requests: counts.requests,
      setUp: setUp.reduce((n, [, k]) => n + k, 0),
      detail: `set-up: ${named(setUp)}; calls: ${named(Object.entries(counts.tools))}`,
      calls,
    };
  };

  // The first call ever: the hub opens its MCP session.
  const first = await roundTrips(() => callViaWorker("sonarr_queue"));

  const pairing = JSON.parse(Buffer.from(stack.pairingCode.slice(5), "base64url").toString());
  const signedFetch = signingFetch({ ...pairing, secret: new Uint8Array(Buffer.from(pairing.secret, "base64url")) });
  const client = new Client({ name: "bench", version: "1" });
  await client.connect(new StreamableHTTPClientTransport(new URL("/mcp", stack.connectorUrl), { fetch: signedFetch }));
  const callConnector = () => client.callTool({ name: "sonarr_queue", arguments: {} });

  for (let i = 0; i < 5; i++) {
    await callViaWorker("sonarr_queue");
    await callConnector();
    await callApp();
  }
  const warm = await roundTrips(() => callViaWorker("sonarr_queue"));

  const viaWorker = [];
  const connectorAlone = [];
  const appAlone = [];
  let windowStarted = performance.now();
  for (let i = 0; i < SAMPLES; i++) {
    if (i > 0 && i % PER_MINUTE === 0) {
      await pause(Math.max(0, 61_000 - (performance.now() - windowStarted)));
      windowStarted = performance.now();
    }
    appAlone.push(await time(callApp));
    connectorAlone.push(await time(callConnector));
    viaWorker.push(await time(() => callViaWorker("sonarr_queue")));
  }
  await client.close();
  const overhead = (q) => quantile(viaWorker, q) - quantile(appAlone, q);
  console.log(`sonarr_queue, ${SAMPLES} calls each, interleaved`);
  console.log(`  straight to the app (HTTP)          median ${ms(quantile(appAlone, 0.5))}  p99 ${ms(quantile(appAlone, 0.99))}`);
  console.log(`  connector alone (MCP)               median ${ms(quantile(connectorAlone, 0.5))}  p99 ${ms(quantile(connectorAlone, 0.99))}`);
  console.log(`  Worker → hub → connector → app      median ${ms(quantile(viaWorker, 0.5))}  p99 ${ms(quantile(viaWorker, 0.99))}`);
  console.log(
    `  relay overhead over the app         median +${ms(overhead(0.5))} (goal ≤ +${GOAL.medianMs} ms: ${verdict(overhead(0.5) <= GOAL.medianMs)})` +
      `  p99 +${ms(overhead(0.99))} (goal ≤ +${GOAL.p99Ms} ms: ${verdict(overhead(0.99) <= GOAL.p99Ms)})`,
  );
  console.log(
    `  of which the connector's MCP layer  median +${ms(quantile(connectorAlone, 0.5) - quantile(appAlone, 0.5))}; Worker + hub median +${ms(quantile(viaWorker, 0.5) - quantile(connectorAlone, 0.5))}`,
  );

  await pause(61_000);
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
  const b = quantile(batch, 0.5);
  const s = quantile(slowestSingle, 0.5);
  console.log(`\nthree-app batch (callMany behind GET /api/v1/downloads/queue?refresh=true), ${ROUNDS} rounds`);
  console.log(`  batch wall time ${ms(b)}; slowest single call ${ms(s)}; batch / slowest single ×${(b / s).toFixed(2)} (1.0 means fully parallel)`);

  await stack.restartWorker();
  await signIn();
  const afterHubRebuilt = await roundTrips(() => callViaWorker("sonarr_queue"));
  await stack.restartConnector();
  let failedAfterRestart = null;
  const afterConnectorRestart = await roundTrips(() =>
    callViaWorker("sonarr_queue").catch((error) => {
      failedAfterRestart = error.message;
    }),
  );

  console.log("\nconnector round trips per call (counted by a relay in front of the connector)");
  // A hub's own alarm (its check) may call tools in the same moment: set-up requests are what is counted here.
  console.log(`  warm session                  ${warm.requests} requests (${warm.detail}); set-up ${warm.setUp} (goal 0: ${verdict(warm.setUp === 0)})`);
  console.log(`  first call ever               ${first.requests} requests (${first.detail})`);
  console.log(
    `  first call after hub rebuilt  ${afterHubRebuilt.requests} requests (${afterHubRebuilt.detail}); set-up ${afterHubRebuilt.setUp} (goal ≤ 1: ${verdict(afterHubRebuilt.setUp <= 1)})`,
  );
  console.log(
    `  after the connector restarts  ${afterConnectorRestart.requests} requests (${afterConnectorRestart.detail}); set-up ${afterConnectorRestart.setUp}; ${failedAfterRestart ? `the call FAILED: ${failedAfterRestart}` : "no failed call"}`,
  );
} finally {
  await stack.stop();
  await sims.close();
  rmSync(persistDir, { recursive: true, force: true });
}
