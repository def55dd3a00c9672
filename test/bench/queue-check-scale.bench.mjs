// How one two-minute cron run grows with the number of tenants: 1, 100 and 1,000 simulated tenants, each with
// its own connector and its own simulated SABnzbd/Sonarr/Radarr/Plex (so its own queue, with the demo stack's
// failed and stalled downloads). Runs against `wrangler dev` (local D1, KV and Durable Objects). Tenants sign up
// through the API (each from its own address, as sign-up is rate limited per address) and pair a connector that
// runs in this process.
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import pLimit from "p-limit";
import { freePort } from "../../scripts/lib/free-port.mjs";
import { ROOT, startStack } from "../../scripts/lib/stack.mjs";

// Locally every hub, connector and simulator shares two processes, so 1,000 tenants take a long while;
// BENCH_TENANTS=1,100,1000 runs the full ladder.
const PHASES = (process.env.BENCH_TENANTS ?? "1,10,100").split(",").map(Number);
const dist = path.join(ROOT, "connector/dist");
const { startSimulators } = await import(path.join(dist, "simulators/index.js"));
const { startConnector } = await import(path.join(dist, "server.js"));
const { parsePairingCode } = await import(path.join(dist, "pairing.js"));
const { createLogger } = await import(path.join(dist, "logger.js"));

// Connector ports come from below the kernel's ephemeral range (32768 and up): a port probed free there can be
// taken by one of the many simulators listening on port 0 before the connector binds it.
let lastConnectorPort = 20_000;
const connectorPort = () => ++lastConnectorPort;

const persistDir = mkdtempSync(path.join(tmpdir(), "autoarr-scale-"));
let address = 0;

async function post(url, body, headers = {}) {
  const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

/** GET without a client timeout: fetch gives up on a response that takes over 300 s, as 1,000 tenants can locally. */
function fireCron(url) {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { timeout: 0 }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode));
    });
    request.on("error", reject);
  });
}

const stack = await startStack({ port: await freePort(), persistDir, quiet: !process.env.BENCH_VERBOSE, build: false, withConnector: false });
const results = [];
try {
  for (const tenants of PHASES) {
    const running = [];
    const quietLogger = createLogger("bench", { level: "error", secrets: [] });
    const setUp = pLimit(8);
    await Promise.all(
      Array.from({ length: tenants }, (_, i) =>
        setUp(async () => {
          address++;
          const ip = `198.18.${Math.floor(address / 250)}.${(address % 250) + 1}`;
          const owner = await post(
            `${stack.url}/api/v1/auth/register`,
            { email: `scale-${tenants}-${i}-${Date.now()}@example.com`, password: "benchmark password", tenantName: `Bench ${i}` },
            { "CF-Connecting-IP": ip },
          );
          const port = connectorPort();
          const { pairingCode } = await post(
            `${stack.url}/api/v1/connectors`,
            { name: "NAS", url: `http://127.0.0.1:${port}` },
            { Authorization: `Bearer ${owner.accessToken}` },
          );
          const sims = await startSimulators({ host: "127.0.0.1" });
          const connector = await startConnector(
            {
              apps: {
                sabnzbd: { url: sims.urls.sabnzbd, apiKey: sims.keys.sabnzbd },
                sonarr: { url: sims.urls.sonarr, apiKey: sims.keys.sonarr },
                radarr: { url: sims.urls.radarr, apiKey: sims.keys.radarr },
                plex: { url: sims.urls.plex, token: sims.keys.plex },
              },
              pairing: parsePairingCode(pairingCode),
              host: "127.0.0.1",
              port,
              timeoutMs: 10_000,
              logLevel: "error",
              sessionIdleMs: 30 * 60_000,
            },
            { logger: quietLogger },
          );
          running.push({ sims, connector, owner });
        }),
      ),
    );

    const started = performance.now();
    const status = await fireCron(`${stack.url}/__scheduled?cron=*/2+*+*+*+*`);
    const seconds = (performance.now() - started) / 1000;
    if (status !== 200) throw new Error(`cron run failed: HTTP ${status}`);
    const sample = running[0];
    const recoveries = await (
      await fetch(`${stack.url}/api/v1/downloads/recoveries`, { headers: { Authorization: `Bearer ${sample.owner.accessToken}` } })
    ).json();
    const actions = recoveries.items.length;
    results.push({ tenants, seconds, perTenantMs: (seconds * 1000) / tenants, actions });
    console.log(
      `${String(tenants).padStart(5)} tenants: cron run ${seconds.toFixed(2)} s, ${((seconds * 1000) / tenants).toFixed(1)} ms per tenant (recovery actions of one tenant: ${actions})`,
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
  const first = results[0];
  const last = results[results.length - 1];
  if (first && last && first !== last) {
    console.log(
      `growth: ${last.tenants / first.tenants}× the tenants took ${(last.seconds / first.seconds).toFixed(1)}× the time (per tenant ×${(last.perTenantMs / first.perTenantMs).toFixed(2)})`,
    );
  }
} finally {
  await stack.stop();
  rmSync(persistDir, { recursive: true, force: true });
}
