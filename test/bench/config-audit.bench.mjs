// Configuration audit: what a four-app audit costs in round trips to the connector (counted by the relay between the
// Worker and the connector; in production each crosses the user's home connection) and in wall time, against the
// slowest single snapshot read through /api/v1/mcp/call, same run, on the `npm start` stack (wrangler dev + connector
// + demo simulators). The old per-call plan's figure (its slowest single config read) is measured in the same run too.
// A second part repeats it with every simulated app answering slowly, so the reads are bound by waiting, as behind a
// tunnel, rather than by this machine's CPU (four apps' reads at once cost more CPU than one alone).
// Run with `node scripts/bench.mjs config-audit` (or `node test/bench/config-audit.bench.mjs` after
// `npm run build -w connector`).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../../scripts/lib/free-port.mjs";
import { DEMO_ACCOUNT, startStack } from "../../scripts/lib/stack.mjs";
import { DEMO_PORTS } from "../../connector/dist/simulators/index.js";

// The audit is rate limited to 10 per hour per tenant (workers/rate-limits/rate-limit-policy.ts, CONFIG_AUDIT).
const RUNS = Math.min(Number(process.env.BENCH_RUNS ?? 5), 6);
const SLOW_RUNS = 10 - RUNS;
/** Each simulated app's answer time in the second part (the simulators' latencyMs fault). */
const APP_LATENCY_MS = 150;
const APPS = ["sabnzbd", "sonarr", "radarr", "plex"];
const SNAPSHOT_READS = APPS.map((app) => ({ tool: `${app}_config_snapshot`, arguments: {} }));
/** The old plan's 29 calls, less the repeats: its slowest single read was the old audit's floor. */
const OLD_SINGLE_READS = [
  { tool: "sabnzbd_version", arguments: {} },
  ...["misc", "servers", "categories", "sorters"].map((section) => ({ tool: "sabnzbd_get_config", arguments: { section } })),
  { tool: "sabnzbd_warnings", arguments: {} },
  ...["sonarr", "radarr"].flatMap((app) => [
    { tool: `${app}_system_status`, arguments: {} },
    ...["host", "mediamanagement", "naming", "downloadclient"].map((resource) => ({ tool: `${app}_config_get`, arguments: { resource } })),
    ...["download_clients", "indexers", "quality_profiles", "root_folders", "health"].map((tool) => ({ tool: `${app}_${tool}`, arguments: {} })),
  ]),
  { tool: "plex_identity", arguments: {} },
  { tool: "plex_preferences", arguments: {} },
  { tool: "plex_libraries", arguments: {} },
];
/** The API allows a tenant 100 requests a minute (rate-limit-policy.ts, "api"): the bench keeps under it. */
const API_PER_MINUTE = 90;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** `read;dur=12, slowest-call;dur=9` → { read: 12, "slowest-call": 9 } (the audit route's own split of its time). */
const serverTiming = (header) =>
  Object.fromEntries(
    (header ?? "")
      .split(",")
      .map((part) => part.trim().match(/^([\w-]+);dur=([\d.]+)$/))
      .filter(Boolean)
      .map((m) => [m[1], Number(m[2])]),
  );
const toolList = (tools) =>
  Object.entries(tools)
    .map(([name, n]) => (n === 1 ? name : `${name}×${n}`))
    .join(", ");

const work = mkdtempSync(path.join(tmpdir(), "autoarr-audit-bench-"));
let stack;
try {
  stack = await startStack({
    port: await freePort(),
    connectorPort: await freePort(),
    persistDir: path.join(work, "state"),
    quiet: true,
    build: false,
    countConnectorRequests: true,
  });
} catch (error) {
  console.log(`config audit: skipped, the local stack did not start (${error instanceof Error ? error.message.split("\n")[0] : error})`);
  rmSync(work, { recursive: true, force: true });
  process.exit(0);
}
try {
  const login = await fetch(`${stack.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: DEMO_ACCOUNT.email, password: DEMO_ACCOUNT.password }),
  });
  const token = (await login.json()).accessToken;
  const sent = [];
  /** Waits, outside any measurement, until one more request keeps the last minute under the API's limit. */
  const pace = async () => {
    while (sent.length >= API_PER_MINUTE) {
      const wait = sent[0] + 60_000 - Date.now();
      if (wait <= 0) sent.shift();
      else await new Promise((r) => setTimeout(r, wait + 50));
    }
    sent.push(Date.now());
  };
  const post = (route, body) =>
    fetch(`${stack.url}${route}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  /** One measured request. A keep-alive socket wrangler dev closed under load is a dropped sample, measured again. */
  const timed = async (route, body, attempts = 2) => {
    await pace();
    const started = performance.now();
    let response;
    try {
      response = await post(route, body);
    } catch (error) {
      if (attempts <= 1) throw error;
      console.log(`(${route}: ${error instanceof Error ? (error.cause?.message ?? error.message) : error}; measuring again)`);
      return timed(route, body, attempts - 1);
    }
    const json = await response.json();
    return { ms: performance.now() - started, status: response.status, json, timing: serverTiming(response.headers.get("server-timing")) };
  };
  /** The slowest of these reads, each alone through /api/v1/mcp/call. */
  const slowestOf = async (calls) => {
    let slowest = { ms: 0, tool: "" };
    for (const call of calls) {
      const result = await timed("/api/v1/mcp/call", call);
      if (result.status !== 200) throw new Error(`${call.tool}: HTTP ${result.status} ${JSON.stringify(result.json)}`);
      if (result.ms > slowest.ms) slowest = { ms: result.ms, tool: call.tool };
    }
    return slowest;
  };
  // Open the connector's MCP session (and list its tools) and warm every app before measuring.
  for (let i = 0; i < 40; i++) {
    await pace();
    if ((await post("/api/v1/mcp/call", { tool: "sonarr_system_status", arguments: {} }).catch(() => undefined))?.ok) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  for (const call of [...SNAPSHOT_READS, ...OLD_SINGLE_READS]) {
    await pace();
    await post("/api/v1/mcp/call", call).catch(() => undefined);
  }

  /** Runs of: the slowest single snapshot read (and, with `old`, the old plan's slowest single read), then one audit. */
  const measure = async (label, runs, { old }) => {
    const audits = [];
    const slowestSnapshot = [];
    const slowestOld = [];
    const requests = [];
    const readPhases = [];
    for (let run = 0; run < runs; run++) {
      const snapshot = await slowestOf(SNAPSHOT_READS);
      const oldRead = old ? await slowestOf(OLD_SINGLE_READS) : undefined;
      stack.connectorRequests.reset();
      const audit = await timed("/api/v1/config/audit", { refresh: true });
      const counted = stack.connectorRequests.counts();
      if (audit.status !== 201) throw new Error(`audit: HTTP ${audit.status} ${JSON.stringify(audit.json)}`);
      const found = Object.values(audit.json.apps).reduce((n, a) => n + a.recommendations.length, 0);
      console.log(
        `${label} run ${run + 1}: audit ${audit.ms.toFixed(0)} ms (reading ${audit.timing.read ?? "?"} ms, slowest connector call ${audit.timing["slowest-call"] ?? "?"} ms; ${found} recommendations, path ${audit.json.path}), ${counted.requests} connector request(s) [${toolList(counted.tools)}]; slowest snapshot read ${snapshot.ms.toFixed(0)} ms (${snapshot.tool})${oldRead ? `; slowest old single read ${oldRead.ms.toFixed(0)} ms (${oldRead.tool})` : ""}`,
      );
      audits.push(audit.ms);
      readPhases.push(audit.timing.read ?? Number.NaN);
      slowestSnapshot.push(snapshot.ms);
      if (oldRead) slowestOld.push(oldRead.ms);
      requests.push(counted.requests);
    }
    const a = median(audits);
    const s = median(slowestSnapshot);
    console.log(
      `config audit round trips (${label}, 4 apps, ${runs} runs): connector HTTP requests per audit: median ${median(requests)}, max ${Math.max(...requests)} (goal ≤ 4, one per app; the old plan made 29 tool calls)`,
    );
    console.log(
      `config audit wall time (${label}, 4 apps, ${runs} runs, uncached): median ${a.toFixed(0)} ms; slowest single snapshot read via /api/v1/mcp/call: median ${s.toFixed(0)} ms; ratio ${(a / s).toFixed(2)}× (goal ≤ 1.3×)`,
    );
    console.log(
      `config audit reading phase (${label}, Server-Timing read, inside the Worker): median ${median(readPhases).toFixed(0)} ms; / slowest single snapshot read ${(median(readPhases) / s).toFixed(2)}×; the rest of the audit is rules, review and storing`,
    );
    if (old) {
      const o = median(slowestOld);
      console.log(
        `config audit against the old plan's floor (${label}): slowest of its 29 single reads, each alone via /api/v1/mcp/call: median ${o.toFixed(0)} ms; audit / that ${(a / o).toFixed(2)}×`,
      );
    }
  };

  await measure("demo apps", RUNS, { old: true });
  // A slow NAS: every app request waits, so the reads are latency-bound as they are in production, not CPU-bound.
  const setLatency = (latencyMs) =>
    Promise.all(
      APPS.map((app) =>
        fetch(`http://127.0.0.1:${DEMO_PORTS[app]}/__sim/faults`, {
          method: latencyMs ? "POST" : "DELETE",
          headers: { "Content-Type": "application/json" },
          body: latencyMs ? JSON.stringify({ latencyMs }) : undefined,
        }),
      ),
    );
  await setLatency(APP_LATENCY_MS);
  try {
    await measure(`apps answering in ${APP_LATENCY_MS} ms`, SLOW_RUNS, { old: false });
  } finally {
    await setLatency(0);
  }
} finally {
  await stack.stop();
  rmSync(work, { recursive: true, force: true });
}
