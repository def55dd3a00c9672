// The two-minute check as `npm start` runs it: each tenant's hub arms its own Durable Object alarm when its
// connector is paired and renews a lease in D1; firing the cron (/__scheduled) only repairs a hub whose lease
// lapsed, without calling anyone's connector; and the hub's alarm checks the demo stack on its own.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";
import { freePort } from "../../scripts/lib/free-port.mjs";
import { ROOT, startStack } from "../../scripts/lib/stack.mjs";

const WRANGLER = path.join(ROOT, "node_modules/.bin/wrangler");

describe("the hubs' own check alarms (npm start)", { timeout: 360_000 }, () => {
  let stack;
  const persistDir = mkdtempSync(path.join(tmpdir(), "autoarr-alarms-"));
  /** Runs SQL on the stack's local D1, as `wrangler d1 execute --local` does. */
  const sql = async (command) => {
    const { stdout } = await promisify(execFile)(WRANGLER, ["d1", "execute", "DB", "--local", "--persist-to", persistDir, "--json", "--command", command], {
      cwd: ROOT,
    });
    return JSON.parse(stdout)[0].results;
  };
  const startedAt = Date.now();
  const leases = async () => (await sql("SELECT check_lease_until AS lease FROM connectors")).map((r) => r.lease);

  before(async () => {
    stack = await startStack({
      port: await freePort(),
      connectorPort: await freePort(),
      persistDir,
      quiet: true,
      build: !process.env.AUTOARR_SKIP_BUILD,
      countConnectorRequests: true,
    });
  });
  after(async () => {
    await stack?.stop();
    rmSync(persistDir, { recursive: true, force: true });
  });

  it("pairing the demo connector armed its hub's check: the connector holds a lease of about an hour", async () => {
    const held = await leases();
    assert.ok(held.length > 0, "the demo connector is paired");
    for (const lease of held) assert.ok(lease > Date.now() + 50 * 60_000, `lease ${lease}`);
  });

  it("firing the cron through /__scheduled repairs a hub whose lease lapsed, and calls no connector", async () => {
    await sql("UPDATE connectors SET check_lease_until = NULL");
    stack.connectorRequests.reset();
    const response = await fetch(`${stack.url}/__scheduled?cron=*/2+*+*+*+*`);
    assert.equal(response.status, 200);
    for (const lease of await leases()) assert.ok(lease > Date.now() + 50 * 60_000, `lease ${lease}`);
    assert.deepEqual(stack.connectorRequests.counts().requests, 0, JSON.stringify(stack.connectorRequests.counts()));
  });

  it("the hub's alarm checks the demo stack on its own within its two-minute period", async () => {
    const { accessToken } = await (
      await fetch(`${stack.url}/api/v1/auth/login`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(stack.demo) })
    ).json();
    const recovered = async () => {
      const response = await fetch(`${stack.url}/api/v1/downloads/recoveries`, { headers: { Authorization: `Bearer ${accessToken}` } });
      // Only this run's: the demo account starts with a seeded week (demo-history.mjs), fixes included.
      return (await response.json()).items.some((r) => r.outcome === "succeeded" && Date.parse(r.createdAt) >= startedAt);
    };
    const deadline = Date.now() + 150_000;
    while (!(await recovered()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2_000));
    assert.ok(await recovered(), "no check ran within 150 s");
  });
});
