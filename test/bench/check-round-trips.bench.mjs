// Connector round trips per queue check (issue 17, goal 4): the check asks stack_changes what changed and reads in
// full only the apps that did. Two tenants against `wrangler dev`, each with its own connector and simulators in
// this process and a counting relay between the Worker and its connector: an idle one (SABnzbd's queue and history
// emptied through its API, so Sonarr's and Radarr's queues are empty too) and a busy one (the demo stack, its
// downloads moving two minutes between checks). The baseline, measured in the same run, is a third tenant whose
// connector does not list stack_changes (a connector older than it): every check reads all four queues.
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { startCountingProxy } from "../../scripts/lib/counting-proxy.mjs";
import { freePort } from "../../scripts/lib/free-port.mjs";
import { startSimulatedConnector } from "./lib/connector-client.mjs";
import { ROOT, startStack } from "../../scripts/lib/stack.mjs";

const CHECKS = Number(process.env.BENCH_CHECKS ?? 7);
/** workers/monitoring/queue-reads.ts FULL_READ_EVERY: the bound on how long a change can go unseen. */
const FULL_READ_EVERY = 5;
const READ_TOOLS = new Set(["stack_changes", "sabnzbd_queue", "sabnzbd_history", "sonarr_queue", "radarr_queue"]);
const dist = path.join(ROOT, "connector/dist");
const { startSimulators } = await import(path.join(dist, "simulators/index.js"));

const persistDir = mkdtempSync(path.join(tmpdir(), "autoarr-round-trips-"));
let address = 0;

async function post(url, body, headers = {}) {
  const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

/**
 * A relay that drops stack_changes from the connector's tools/list answers, so the hub sees a connector older than
 * the tool. Every other byte passes through (the answer is JSON or one SSE event; its length is recomputed).
 */
async function startOlderConnectorRelay(target) {
  const upstream = new URL(target);
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const listing = req.method === "POST" && /"method"\s*:\s*"tools\/list"/.test(body.toString("utf8"));
      const forwarded = http.request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
        (answer) => {
          if (!listing) {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
            return;
          }
          const parts = [];
          answer.on("data", (chunk) => parts.push(chunk));
          answer.on("end", () => {
            const text = Buffer.concat(parts)
              .toString("utf8")
              .replace(/(\{[^\n]*"tools"\s*:\s*\[[^\n]*)/g, (json) => withoutStackTool(json));
            const { "content-length": _length, ...headers } = answer.headers;
            res.writeHead(answer.statusCode ?? 502, { ...headers, "content-length": Buffer.byteLength(text) });
            res.end(text);
          });
        },
      );
      forwarded.on("error", (error) => res.writeHead(502).end(error.message));
      forwarded.end(body);
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function withoutStackTool(json) {
  try {
    const message = JSON.parse(json);
    if (!Array.isArray(message?.result?.tools)) return json;
    message.result.tools = message.result.tools.filter((tool) => tool.name !== "stack_changes");
    return JSON.stringify(message);
  } catch {
    return json;
  }
}

/** Empties SABnzbd's queue and history through its own API; the *arr queues track SABnzbd's jobs, so they empty too. */
async function emptyQueues(sims) {
  for (const mode of ["queue", "history"]) {
    const response = await fetch(`${sims.urls.sabnzbd}/api?mode=${mode}&name=delete&value=all&del_files=1&apikey=${sims.keys.sabnzbd}&output=json`);
    if (!response.ok) throw new Error(`emptying SABnzbd's ${mode}: HTTP ${response.status}`);
  }
}

async function tenant(stack, label, { idle = false, olderConnector = false } = {}) {
  address++;
  const owner = await post(
    `${stack.url}/api/v1/auth/register`,
    { email: `round-trips-${address}-${Date.now()}@example.com`, password: "benchmark password", tenantName: `Bench ${label}` },
    { "CF-Connecting-IP": `198.19.0.${address}` },
  );
  const sims = await startSimulators({ host: "127.0.0.1" });
  if (idle) await emptyQueues(sims);
  const port = await freePort();
  const older = olderConnector ? await startOlderConnectorRelay(`http://127.0.0.1:${port}`) : null;
  const relay = await startCountingProxy(older?.url ?? `http://127.0.0.1:${port}`);
  const { pairingCode } = await post(`${stack.url}/api/v1/connectors`, { name: "NAS", url: relay.url }, { Authorization: `Bearer ${owner.accessToken}` });
  const connector = await startSimulatedConnector({ sims, pairingCode, port });

  return {
    label,
    owner,
    sims,
    relay,
    close: async () => {
      await connector.close();
      await relay.close();
      await older?.close();
      await sims.close();
    },
  };
}

/** One check of this tenant: `POST /api/v1/recovery/check`, or the cron (every tenant's check) where that route is missing. */
async function runCheck(stack, t) {
  const response = await fetch(`${stack.url}/api/v1/recovery/check`, { method: "POST", headers: { Authorization: `Bearer ${t.owner.accessToken}` } });
  if (response.status === 404) {
    const cron = await fetch(`${stack.url}/__scheduled?cron=*/2+*+*+*+*`);
    if (!cron.ok) throw new Error(`cron run failed: HTTP ${cron.status}`);
    return;
  }
  if (!response.ok) throw new Error(`check of ${t.label}: HTTP ${response.status} ${await response.text()}`);
}

/** Runs CHECKS checks of one tenant, printing each one's connector requests; returns those of checks 2…CHECKS. */
async function measure(stack, t, between = async () => undefined) {
  const perCheck = [];
  for (let check = 1; check <= CHECKS; check++) {
    if (check > 1) await between();
    t.relay.reset();
    await runCheck(stack, t);
    const counts = t.relay.counts();
    const reads = Object.entries(counts.tools).filter(([tool]) => READ_TOOLS.has(tool));
    const other = Object.entries(counts.tools).filter(([tool]) => !READ_TOOLS.has(tool));
    const tools = (list) => list.map(([tool, n]) => (n > 1 ? `${tool}×${n}` : tool)).join(", ") || "none";
    console.log(
      `${t.label.padEnd(13)} check ${check}: ${String(counts.requests).padStart(2)} connector request(s); reads: ${tools(reads)}; other tools: ${tools(other)}`,
    );
    const readCount = reads.reduce((n, [, calls]) => n + calls, 0);
    if (check > 1) perCheck.push({ requests: counts.requests, reads: readCount });
  }
  return perCheck;
}

const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;

function summary(label, checks, today) {
  const requests = checks.map((c) => c.requests);
  const reads = checks.map((c) => c.reads);
  const todayReads = mean(today.map((c) => c.reads));
  const one = requests.filter((n) => n === 1).length;
  return `${label}: ${mean(requests).toFixed(2)} connector requests per check after the first (today ${mean(today.map((c) => c.requests)).toFixed(2)}); reads ${mean(reads).toFixed(2)} per check (today ${todayReads.toFixed(2)}, ${(mean(reads) / todayReads).toFixed(2)}×); ${one} of ${checks.length} checks cost exactly 1`;
}

const stack = await startStack({ port: await freePort(), persistDir, quiet: !process.env.BENCH_VERBOSE, build: false, withConnector: false });
const tenants = [];
try {
  const start = async (label, options) => {
    const t = await tenant(stack, label, options);
    tenants.push(t);
    return t;
  };
  // Downloads progress (and finish, or fail) between two checks, as they would in two minutes.
  const twoMinutes = (t) => () => post(`${t.sims.urls.sabnzbd}/__sim/tick`, { seconds: 120 });
  const todayIdle = await measure(stack, await start("today idle", { idle: true, olderConnector: true }));
  const idle = await measure(stack, await start("idle", { idle: true }));
  const todayBusyTenant = await start("today busy", { olderConnector: true });
  const todayBusy = await measure(stack, todayBusyTenant, twoMinutes(todayBusyTenant));
  const busyTenant = await start("busy", {});
  const busy = await measure(stack, busyTenant, twoMinutes(busyTenant));
  console.log(`${summary("idle tenant", idle, todayIdle)} (goal: 1; every ${FULL_READ_EVERY}th check reads everything)`);
  console.log(summary("busy tenant", busy, todayBusy));
} finally {
  for (const t of tenants) await t.close();
  await stack.stop();
  rmSync(persistDir, { recursive: true, force: true });
}
