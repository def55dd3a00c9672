// One diagnosis ("Why didn't it arrive?", POST /api/v1/diagnose) against `wrangler dev`, a connector in this process
// and its simulators, with a counting relay between the Worker and the connector: the connector round trips one
// diagnosis costs (goal: 1, stack_item_trace) and its wall time against the baseline measured in the same run, the
// slowest single read the diagnosis needs (each tool the trace composes, called alone through POST /api/v1/mcp/call).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startCountingProxy } from "../../scripts/lib/counting-proxy.mjs";
import { freePort } from "../../scripts/lib/free-port.mjs";
import { ROOT, startStack } from "../../scripts/lib/stack.mjs";
import { startSimulatedConnector } from "./lib/connector-client.mjs";

// At most 8: a scenario costs 11 × RUNS API requests of its tenant, and the API allows 100 a minute.
const RUNS = Math.min(8, Number(process.env.BENCH_RUNS ?? 5));
const SCENARIOS = ["download-failed", "import-blocked", "all-rejected"];
const dist = path.join(ROOT, "connector/dist");
const { startSimulators } = await import(path.join(dist, "simulators/index.js"));
const persistDir = mkdtempSync(path.join(tmpdir(), "autoarr-diagnosis-bench-"));

async function post(url, body, headers = {}) {
  const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

/** The single reads stack_item_trace composes for an episode (connector/src/tools/item-trace*.ts), each alone. */
function singleReads(seriesTitle) {
  return [
    ["sonarr_series_list", {}],
    ["sonarr_queue", {}],
    ["sonarr_blocklist", { page: 1, pageSize: 100 }],
    ["sonarr_indexers", {}],
    ["sonarr_health", {}],
    ["sonarr_wanted_missing", { page: 1, pageSize: 100 }],
    ["sabnzbd_queue", {}],
    ["sabnzbd_history", {}],
    ["plex_libraries", {}],
    ["plex_search", { query: seriesTitle }],
  ];
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timed(work) {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/** A tenant with its own connector behind its own counting relay (each scenario its own: the API allows 100 a minute). */
async function tenant(stack, sims, n) {
  const owner = await post(
    `${stack.url}/api/v1/auth/register`,
    { email: `diagnosis-bench-${n}-${Date.now()}@example.com`, password: "benchmark password", tenantName: `Bench diagnosis ${n}` },
    { "CF-Connecting-IP": `198.19.1.${n + 1}` },
  );
  const auth = { Authorization: `Bearer ${owner.accessToken}` };
  const port = await freePort();
  const relay = await startCountingProxy(`http://127.0.0.1:${port}`);
  const { pairingCode } = await post(`${stack.url}/api/v1/connectors`, { name: "NAS", url: relay.url }, auth);
  const connector = await startSimulatedConnector({ sims, pairingCode, port });
  // The hub's first call opens the session and lists the tools: not part of a diagnosis.
  await post(`${stack.url}/api/v1/mcp/call`, { tool: "sabnzbd_queue", arguments: {} }, auth);
  return {
    auth,
    relay,
    close: async () => {
      await connector.close();
      await relay.close();
    },
  };
}

const stack = await startStack({ port: await freePort(), persistDir, quiet: !process.env.BENCH_VERBOSE, build: false, withConnector: false });
// well-configured: its indexers have Interactive Search on, so the release search of all-rejected asks them.
const sims = await startSimulators({ host: "127.0.0.1", profile: "well-configured" });
const tenants = [];
try {
  for (const [n, name] of SCENARIOS.entries()) {
    const t = await tenant(stack, sims, n);
    tenants.push(t);
    const { auth, relay } = t;
    const scenario = await post(`${sims.urls.sonarr}/__sim/diagnosis-scenario`, { scenario: name, app: "sonarr" });
    const { seriesId, seasonNumber, episodeNumber } = scenario.target;
    const releaseSearch = name === "all-rejected";
    const body = { sonarrSeriesId: seriesId, seasonNumber, episodeNumber, releaseSearch };

    const baseline = [];
    for (const [tool, args] of singleReads(scenario.title.replace(/ S\d+E\d+$/, ""))) {
      const times = [];
      for (let run = 0; run < RUNS; run++) times.push((await timed(() => post(`${stack.url}/api/v1/mcp/call`, { tool, arguments: args }, auth))).ms);
      baseline.push({ tool, ms: median(times) });
    }
    const slowest = baseline.reduce((a, b) => (b.ms > a.ms ? b : a));

    const times = [];
    const trips = [];
    let verdict;
    for (let run = 0; run < RUNS; run++) {
      relay.reset();
      const { ms, value } = await timed(() => post(`${stack.url}/api/v1/diagnose`, body, auth));
      times.push(ms);
      const counts = relay.counts();
      trips.push({ requests: counts.requests, tools: Object.keys(counts.tools).join(", ") });
      verdict = value.verdict;
    }
    const wall = median(times);
    console.log(
      `${name.padEnd(16)} verdict ${verdict.step}: "${verdict.summary.slice(0, 90)}"\n` +
        `${"".padEnd(16)} ${trips[0].requests} connector round trip(s) per diagnosis (${trips[0].tools}); ` +
        `wall ${wall.toFixed(1)} ms median of ${times.length}${releaseSearch ? " with the release search" : ""}; ` +
        `slowest single read ${slowest.tool} ${slowest.ms.toFixed(1)} ms; ratio ${(wall / slowest.ms).toFixed(2)}×`,
    );
  }
} finally {
  for (const t of tenants) await t.close();
  await sims.close();
  await stack.stop();
  rmSync(persistDir, { recursive: true, force: true });
}
