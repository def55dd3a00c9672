// What a notification costs a check (issue 18; goal: nothing on the check's own path). Fresh tenants on the demo
// stack, each against `wrangler dev` with its own connector and simulators in this process: their first check finds
// the demo's four failed downloads, so it queues notifications. Half the tenants have three ntfy channels whose
// server takes DELIVERY_DELAY_MS to answer; the baseline, measured in the same run, is the other half with none.
// Printed: the check's wall time (POST /api/v1/recovery/check) with and without channels, and how long after the
// check answered each delivery reached its server.
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../../scripts/lib/free-port.mjs";
import { startSimulatedConnector } from "./lib/connector-client.mjs";
import { ROOT, startStack } from "../../scripts/lib/stack.mjs";

const TENANTS_EACH = Number(process.env.BENCH_TENANTS ?? 4);
const CHANNELS = 3;
const DELIVERY_DELAY_MS = 400;
const dist = path.join(ROOT, "connector/dist");
const { startSimulators } = await import(path.join(dist, "simulators/index.js"));

/** An ntfy-like server (JSON publish to its root) that answers 200 after a delay, noting when each message arrived. */
async function slowNtfy() {
  const arrivals = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
      arrivals.push({ topic: body.topic, at: Date.now() });
      setTimeout(
        () => res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ id: "x", event: "message", topic: body.topic })),
        DELIVERY_DELAY_MS,
      );
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, arrivals, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function post(url, body, headers = {}) {
  const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

let address = 0;
async function tenant(stack, ntfy, channels) {
  address++;
  const owner = await post(
    `${stack.url}/api/v1/auth/register`,
    { email: `notify-cost-${address}-${Date.now()}@example.com`, password: "benchmark password", tenantName: `Bench ${address}` },
    { "CF-Connecting-IP": `198.19.1.${address}` },
  );
  const auth = { Authorization: `Bearer ${owner.accessToken}` };
  const topics = [];
  for (let i = 0; i < channels; i++) {
    const topic = `bench-${address}-${i}`;
    topics.push(topic);
    await post(`${stack.url}/api/v1/notifications/channels`, { kind: "ntfy", name: `Channel ${i}`, config: { serverUrl: ntfy.url, topic } }, auth);
  }
  const sims = await startSimulators({ host: "127.0.0.1" });
  const port = await freePort();
  const { pairingCode } = await post(`${stack.url}/api/v1/connectors`, { name: "NAS", url: `http://127.0.0.1:${port}` }, auth);
  const connector = await startSimulatedConnector({ sims, pairingCode, port });
  return {
    auth,
    topics,
    close: async () => {
      await connector.close();
      await sims.close();
    },
  };
}

/** One check, timed from request to answer; with channels, also when each of its deliveries arrived. */
async function timedCheck(stack, t, ntfy) {
  const started = performance.now();
  const response = await fetch(`${stack.url}/api/v1/recovery/check`, { method: "POST", headers: t.auth });
  const report = await response.json();
  const checkMs = performance.now() - started;
  if (!response.ok) throw new Error(`check: HTTP ${response.status} ${JSON.stringify(report)}`);
  const answeredAt = Date.now();
  let arrivals = [];
  if (t.topics.length) {
    const until = Date.now() + 15_000;
    while (Date.now() < until) {
      arrivals = ntfy.arrivals.filter((a) => t.topics.includes(a.topic));
      if (arrivals.length >= t.topics.length) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  return { checkMs, detections: report.queue.detections, arrivalsAfterMs: arrivals.map((a) => a.at - answeredAt) };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const persistDir = mkdtempSync(path.join(tmpdir(), "autoarr-notify-cost-"));
const stack = await startStack({
  port: await freePort(),
  persistDir,
  quiet: !process.env.BENCH_VERBOSE,
  build: false,
  withConnector: false,
  extraVars: { CHECK_ALARMS: "off" },
});
const ntfy = await slowNtfy();
const tenants = [];
try {
  const without = [];
  const withChannels = [];
  // Alternating, so a warming Worker favours neither side.
  for (let i = 0; i < TENANTS_EACH * 2; i++) {
    const t = await tenant(stack, ntfy, i % 2 ? CHANNELS : 0);
    tenants.push(t);
    const measured = await timedCheck(stack, t, ntfy);
    (i % 2 ? withChannels : without).push(measured);
  }
  const baseline = median(without.map((m) => m.checkMs));
  const notified = median(withChannels.map((m) => m.checkMs));
  const arrivals = withChannels.flatMap((m) => m.arrivalsAfterMs);
  console.log(
    `first check of a demo tenant, median of ${TENANTS_EACH}: ${baseline.toFixed(0)} ms without channels, ${notified.toFixed(0)} ms with ${CHANNELS} ntfy channels whose server takes ${DELIVERY_DELAY_MS} ms`,
  );
  console.log(
    `each check, ms: without ${without.map((m) => m.checkMs.toFixed(0)).join(", ")}; with ${withChannels.map((m) => m.checkMs.toFixed(0)).join(", ")}`,
  );
  console.log(`cost on the check's own path: ${(notified / baseline).toFixed(2)}× (${(notified - baseline).toFixed(0)} ms) (goal: 1.00×, none)`);
  console.log(
    `deliveries: ${arrivals.length} of ${TENANTS_EACH * CHANNELS} arrived, median ${median(arrivals)?.toFixed(0)} ms after the check answered (detections per check: ${withChannels.map((m) => m.detections).join(", ")})`,
  );
} finally {
  for (const t of tenants) await t.close();
  await ntfy.close();
  await stack.stop();
  rmSync(persistDir, { recursive: true, force: true });
}
