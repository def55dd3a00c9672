// Configuration audit: wall time of a four-app audit (all apps read in parallel through one callMany) against the
// slowest single config read through /api/v1/mcp/call, same run, on the `npm start` stack (wrangler dev + connector
// + demo simulators). Run with `node test/bench/config-audit.bench.mjs` after `npm run build -w connector`.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../../scripts/lib/free-port.mjs";
import { DEMO_ACCOUNT, startStack } from "../../scripts/lib/stack.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 5); // the audit is rate limited to 10 per hour per tenant
const CONFIG_READS = [
  { tool: "sabnzbd_get_config", arguments: { section: "misc" } },
  { tool: "sonarr_config_get", arguments: { resource: "host" } },
  { tool: "radarr_config_get", arguments: { resource: "host" } },
  { tool: "plex_preferences", arguments: {} },
];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const work = mkdtempSync(path.join(tmpdir(), "autoarr-audit-bench-"));
let stack;
try {
  stack = await startStack({ port: await freePort(), connectorPort: await freePort(), persistDir: path.join(work, "state"), quiet: true, build: false });
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
  const post = (route, body) =>
    fetch(`${stack.url}${route}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  const timed = async (route, body) => {
    const started = performance.now();
    const response = await post(route, body);
    const json = await response.json();
    return { ms: performance.now() - started, status: response.status, json };
  };
  // Open the connector's MCP session and warm every app before measuring.
  for (let i = 0; i < 40; i++) {
    if ((await post("/api/v1/mcp/call", { tool: "sonarr_system_status", arguments: {} })).ok) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  for (const call of CONFIG_READS) await post("/api/v1/mcp/call", call);

  const audits = [];
  const slowest = [];
  for (let run = 0; run < RUNS; run++) {
    const reads = [];
    for (const call of CONFIG_READS) {
      const result = await timed("/api/v1/mcp/call", call);
      if (result.status !== 200) throw new Error(`${call.tool}: HTTP ${result.status} ${JSON.stringify(result.json)}`);
      reads.push(result.ms);
    }
    slowest.push(Math.max(...reads));
    const audit = await timed("/api/v1/config/audit", { refresh: true });
    if (audit.status !== 201) throw new Error(`audit: HTTP ${audit.status} ${JSON.stringify(audit.json)}`);
    const found = Object.values(audit.json.apps).reduce((n, a) => n + a.recommendations.length, 0);
    console.log(
      `run ${run + 1}: audit ${audit.ms.toFixed(0)} ms (${found} recommendations, path ${audit.json.path}); slowest single config read ${Math.max(...reads).toFixed(0)} ms`,
    );
    audits.push(audit.ms);
  }
  const a = median(audits);
  const s = median(slowest);
  console.log(
    `config audit (4 apps, ${RUNS} runs, uncached): median ${a.toFixed(0)} ms; slowest single config read via /api/v1/mcp/call: median ${s.toFixed(0)} ms; ratio ${(a / s).toFixed(2)}×`,
  );
} finally {
  await stack.stop();
  rmSync(work, { recursive: true, force: true });
}
