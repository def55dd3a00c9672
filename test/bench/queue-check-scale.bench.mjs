// What the two-minute check costs per tenant as tenants grow, now that each tenant's hub runs its own check on a
// Durable Object alarm (durable-objects/tenant-hub/check-schedule.ts): 1, 100 and 1,000 simulated tenants, each with
// its own connector and its own simulated SABnzbd/Sonarr/Radarr/Plex (so its own queue, with the demo stack's failed
// and stalled downloads). Runs against `wrangler dev` (local D1, KV and Durable Objects) with the alarms on. Tenants
// sign up through the API (each from its own address, as sign-up is rate limited per address) and pair a connector
// that runs in this process.
//
// Method: pairing arms each hub's alarm. Once every tenant's first check ran (it acts on the demo downloads), the
// bench fires the cron once (it should find every lease valid and ask no hub) and then watches one fixed window of
// one check period. Local work is the CPU time (utime + stime from /proc/<pid>/stat) of the `wrangler dev` process
// and everything under it (workerd runs the Worker and the Durable Objects) over the window, less what the stack
// uses with no check running (measured over 60 s before each phase's tenants are set up, scaled to the window:
// wrangler watches the tree for changes, workerd idles), divided by the checks that ran in the window. Checks are
// counted on the simulators as bursts of SABnzbd queue reads (every check reads the queue); they are idle ones, the
// failures having been handled by each tenant's first check. The connectors and simulators run in this process, so
// their CPU is not counted: they stand for the users' machines. Both figures are printed: all of wrangler dev, and
// workerd alone (the Worker and the Durable Objects, what production runs); the rest is wrangler's own Node process
// (local development's supervisor: it relays workerd's log output, among other things). One tenant's single check
// is within the idle stack's noise, so the goals are judged from 100 tenants up. Goal (#17): the cost per check is
// flat (≤ 1.1× from 100 to 1,000 tenants) and ≤ 100 ms per idle tenant. Run it on a tree nobody edits meanwhile:
// wrangler rebuilds and restarts workerd on every change, and a restarted workerd's CPU is lost to the count.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import pLimit from "p-limit";
import { freePort } from "../../scripts/lib/free-port.mjs";
import { startSimulatedConnector } from "./lib/connector-client.mjs";
import { ROOT, startStack } from "../../scripts/lib/stack.mjs";

// Locally every hub, connector and simulator shares two processes, so 1,000 tenants take a while (about 15 min);
// BENCH_TENANTS=1,10,100 runs a shorter ladder.
const PHASES = (process.env.BENCH_TENANTS ?? "1,100,1000").split(",").map(Number);
const CHECK_PERIOD_MS = 120_000;
/** How long the first checks may take to reach every tenant: one period, and slack for a loaded machine. */
const WARM_UP_LIMIT_MS = 3 * CHECK_PERIOD_MS;
const CLOCK_TICKS_PER_SECOND = 100;
/** The stack's CPU with no check running is measured over this long before each phase and subtracted. */
const BASELINE_MS = 60_000;
const dist = path.join(ROOT, "connector/dist");
const { startSimulators } = await import(path.join(dist, "simulators/index.js"));

// Connector ports come from below the kernel's ephemeral range (32768 and up): a port probed free there can be
// taken by one of the many simulators listening on port 0 before the connector binds it.
let lastConnectorPort = 20_000;
const connectorPort = () => ++lastConnectorPort;

const persistDir = mkdtempSync(path.join(tmpdir(), "autoarr-scale-"));
let address = 0;

/** Runs a tenant's set-up again (as a new tenant) when wrangler restarted the Worker under it, as it says it did. */
async function retriedOnRestart(setUp) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await setUp();
    } catch (error) {
      if (attempt >= 3 || !String(error).includes("restarted mid-request")) throw error;
    }
  }
}

async function post(url, body, headers = {}) {
  const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

/** GET without a client timeout: fetch gives up on a response that takes over 300 s. */
function fireCron(url) {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { timeout: 0 }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode));
    });
    request.on("error", reject);
  });
}

/** Every process's name, parent and CPU time (utime + stime, in clock ticks), from /proc/<pid>/stat. */
function processTable() {
  const table = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      table.set(Number(entry), { name, ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // The process ended while the table was read.
    }
  }
  return table;
}

/** The `wrangler dev` serving this port: the process whose command line names wrangler, dev and the port. */
function wranglerPid(port) {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      if (args.some((a) => a.includes("wrangler")) && args.includes("dev") && args.includes(String(port))) return Number(entry);
    } catch {}
  }
  throw new Error(`no wrangler dev process for port ${port}`);
}

/** CPU milliseconds used so far by a process and everything under it (`all`), and by the workerd processes among
 *  them (`workerd`: the Worker and the Durable Objects; the rest is wrangler's own Node process). */
function treeCpuMs(rootPid) {
  const table = processTable();
  const used = { all: 0, workerd: 0 };
  const pending = [rootPid];
  while (pending.length > 0) {
    const pid = pending.pop();
    const entry = table.get(pid);
    used.all += entry?.ticks ?? 0;
    if (entry?.name === "workerd") used.workerd += entry.ticks;
    for (const [child, { ppid }] of table) if (ppid === pid) pending.push(child);
  }
  return { all: (used.all * 1000) / CLOCK_TICKS_PER_SECOND, workerd: (used.workerd * 1000) / CLOCK_TICKS_PER_SECOND };
}

/** The workerd processes under the root: if the set changes over the window, a restarted one's CPU was lost. */
function workerdPids(rootPid) {
  const table = processTable();
  const found = [];
  const pending = [rootPid];
  while (pending.length > 0) {
    const pid = pending.pop();
    if (table.get(pid)?.name === "workerd") found.push(pid);
    for (const [child, { ppid }] of table) if (ppid === pid) pending.push(child);
  }
  return found.sort().join(",");
}

/** CPU used over a stretch of time (see treeCpuMs). */
async function cpuOver(rootPid, ms) {
  const before = treeCpuMs(rootPid);
  await sleep(ms);
  const after = treeCpuMs(rootPid);
  return { all: after.all - before.all, workerd: after.workerd - before.workerd };
}

/** Each tenant's checks since a time: its SABnzbd queue reads, those less than 5 s apart counted as one check (a check
 *  may read the queue twice: its cheap "what changed" call, then the full read when something did). */
function checksSince(running, since) {
  return running.map(({ sims }) => {
    const times = sims
      .requests("sabnzbd")
      .filter((r) => r.method === "GET" && String(r.query.mode) === "queue")
      .map((r) => Date.parse(r.time))
      .filter((t) => t >= since)
      .sort((a, b) => a - b);
    return times.filter((t, i) => i === 0 || t - times[i - 1] > 5_000).length;
  });
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const port = await freePort();
const stack = await startStack({ port, persistDir, quiet: !process.env.BENCH_VERBOSE, build: false, withConnector: false });
const wrangler = wranglerPid(port);
const results = [];
try {
  for (const tenants of PHASES) {
    // What the stack costs with no check running (wrangler watches files, workerd idles), scaled to the window.
    const idle = await cpuOver(wrangler, BASELINE_MS);
    const idlePerWindow = { all: (idle.all * CHECK_PERIOD_MS) / BASELINE_MS, workerd: (idle.workerd * CHECK_PERIOD_MS) / BASELINE_MS };
    const phaseStarted = Date.now();
    const running = [];
    const setUp = pLimit(8);
    await Promise.all(
      Array.from({ length: tenants }, (_, i) =>
        setUp(async () => {
          const owner = await retriedOnRestart(async () => {
            address++;
            const ip = `198.18.${Math.floor(address / 250)}.${(address % 250) + 1}`;
            return post(
              `${stack.url}/api/v1/auth/register`,
              { email: `scale-${tenants}-${i}-${Date.now()}@example.com`, password: "benchmark password", tenantName: `Bench ${i}` },
              { "CF-Connecting-IP": ip },
            );
          });
          const port = connectorPort();
          const { pairingCode } = await post(
            `${stack.url}/api/v1/connectors`,
            { name: "NAS", url: `http://127.0.0.1:${port}` },
            { Authorization: `Bearer ${owner.accessToken}` },
          );
          const sims = await startSimulators({ host: "127.0.0.1" });
          const connector = await startSimulatedConnector({ sims, pairingCode, port });
          running.push({ sims, connector, owner });
        }),
      ),
    );

    // Pairing armed every hub's alarm; wait until each tenant's first check ran.
    const warmUpEnds = Date.now() + WARM_UP_LIMIT_MS;
    while (checksSince(running, phaseStarted).some((n) => n === 0) && Date.now() < warmUpEnds) await sleep(1_000);
    const unchecked = checksSince(running, phaseStarted).filter((n) => n === 0).length;
    if (unchecked > 0) throw new Error(`${unchecked} of ${tenants} tenants were not checked within ${WARM_UP_LIMIT_MS / 1000} s`);

    // Every lease is valid: the cron should page D1 once and ask no hub.
    const cronStarted = performance.now();
    const status = await fireCron(`${stack.url}/__scheduled?cron=*/2+*+*+*+*`);
    const cronMs = performance.now() - cronStarted;
    if (status !== 200) throw new Error(`cron run failed: HTTP ${status}`);

    const windowStarts = Date.now();
    const workerdBefore = workerdPids(wrangler);
    const used = await cpuOver(wrangler, CHECK_PERIOD_MS);
    if (workerdPids(wrangler) !== workerdBefore) console.log(`  (workerd restarted during the ${tenants}-tenant window: its figures below undercount)`);
    const checks = checksSince(running, windowStarts).reduce((sum, n) => sum + n, 0);
    const perCheck = (key) => (checks > 0 ? Math.max(0, used[key] - idlePerWindow[key]) / checks : Number.NaN);
    const perCheckMs = perCheck("all");
    results.push({ tenants, checks, perCheckMs, workerdPerCheckMs: perCheck("workerd") });
    console.log(
      `${String(tenants).padStart(5)} tenants: ${checks} checks in one ${CHECK_PERIOD_MS / 1000} s period (${(checks / tenants).toFixed(2)} per tenant); ` +
        `local CPU ${(used.all / 1000).toFixed(1)} s (idle stack ${(idlePerWindow.all / 1000).toFixed(1)} s): ${perCheckMs.toFixed(1)} ms per idle check, ` +
        `${perCheck("workerd").toFixed(1)} ms of it in workerd; cron with every lease valid ${cronMs.toFixed(0)} ms`,
    );

    // The next phase checks only its own, fresh tenants.
    for (const { sims, connector, owner } of running) {
      const { connectors } = await (await fetch(`${stack.url}/api/v1/connectors`, { headers: { Authorization: `Bearer ${owner.accessToken}` } })).json();
      for (const c of connectors)
        await fetch(`${stack.url}/api/v1/connectors/${c.id}`, { method: "DELETE", headers: { Authorization: `Bearer ${owner.accessToken}` } });
      await connector.close();
      await sims.close();
    }
  }
  const byTenants = (n) => results.find((r) => r.tenants === n);
  const [hundred, thousand] = [byTenants(100), byTenants(1000)];
  for (const [label, key] of [
    ["all of wrangler dev", "perCheckMs"],
    ["workerd alone", "workerdPerCheckMs"],
  ]) {
    if (hundred && thousand) {
      const ratio = thousand[key] / hundred[key];
      console.log(`per-check cost (${label}), 1,000 vs 100 tenants: ×${ratio.toFixed(2)} (goal ≤ 1.1: ${ratio <= 1.1 ? "met" : "NOT met"})`);
    }
    const worst = Math.max(...results.filter((r) => r.tenants >= 100).map((r) => r[key]));
    if (Number.isFinite(worst))
      console.log(`worst local work per idle check (${label}): ${worst.toFixed(1)} ms (goal ≤ 100 ms: ${worst <= 100 ? "met" : "NOT met"})`);
  }
} finally {
  await stack.stop();
  rmSync(persistDir, { recursive: true, force: true });
}
