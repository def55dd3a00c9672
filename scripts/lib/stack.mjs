// Runs AutoArr locally: builds the web app, applies D1 migrations, starts `wrangler dev` (local D1/KV/Durable
// Objects, cron testable), creates the demo account, and pairs the demo connector with the simulated apps.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { startCountingProxy } from "./counting-proxy.mjs";
import { seedDemoHistory } from "./demo-history.mjs";
import { stuckItems } from "./demo-stuck-requests.mjs";
import { freePort } from "./free-port.mjs";
import { run, runToEnd, stop, waitForUrl } from "./processes.mjs";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const WRANGLER = path.join(ROOT, "node_modules/.bin/wrangler");
const CONNECTOR_BIN = path.join(ROOT, "connector/bin/autoarr-connector.mjs");

export const DEMO_ACCOUNT = {
  email: process.env.AUTOARR_DEMO_EMAIL ?? "demo@autoarr.local",
  password: process.env.AUTOARR_DEMO_PASSWORD ?? "popcorn on the sofa",
  tenantName: "Demo home",
};

/**
 * Vars for this machine only, never in wrangler.toml (which a deploy ships): the Vite dev server's origins for CORS,
 * and connectors registered at http://127.0.0.1 (the demo connector, and the test harness's).
 */
export const LOCAL_DEVELOPMENT_VARS = {
  CORS_ALLOWED_ORIGINS: "http://127.0.0.1:5173,http://localhost:5173",
  AUTOARR_ALLOW_LOOPBACK_CONNECTORS: "true",
  // Local notification targets (a self-hosted ntfy or Gotify, the test fakes) live on 127.0.0.1.
  AUTOARR_ALLOW_LOOPBACK_NOTIFICATIONS: "true",
};

/** A local VAPID key for web push, kept with the local data so a browser's subscription survives restarts. */
async function localVapidKey(persistDir) {
  const file = path.join(persistDir, "autoarr-vapid-key.json");
  if (!existsSync(file)) {
    const pair = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]);
    const { kty, crv, x, y, d } = await crypto.subtle.exportKey("jwk", pair.privateKey);
    writeFileSync(file, JSON.stringify({ kty, crv, x, y, d }), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

/** A local secret kept with the local data, so sessions survive restarts but no two checkouts share one. */
function localSecret(persistDir) {
  const file = path.join(persistDir, "autoarr-secret-key");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

async function json(url, init = {}) {
  const response = await fetch(url, { ...init, headers: { "Content-Type": "application/json", ...init.headers } });
  const body = response.status === 204 ? null : await response.json().catch(() => null);
  return { status: response.status, body };
}

async function demoSession(baseUrl) {
  const registered = await json(`${baseUrl}/api/v1/auth/register`, { method: "POST", body: JSON.stringify(DEMO_ACCOUNT) });
  if (registered.status === 201) return { ...registered.body, created: true };
  const login = await json(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    body: JSON.stringify({ email: DEMO_ACCOUNT.email, password: DEMO_ACCOUNT.password }),
  });
  if (login.status !== 200) {
    throw new Error(
      `could not sign in the demo account ${DEMO_ACCOUNT.email}: ${JSON.stringify(login.body)}. ` +
        "It exists in local storage with another password: set AUTOARR_DEMO_PASSWORD to it, or delete .wrangler/state to start over.",
    );
  }
  return login.body;
}

/** Replaces the demo connector, since a pairing code is only ever shown when a connector is created. */
async function pairDemoConnector(baseUrl, token, connectorUrl) {
  const auth = { Authorization: `Bearer ${token}` };
  const { body } = await json(`${baseUrl}/api/v1/connectors`, { headers: auth });
  for (const c of body?.connectors ?? []) {
    if (c.name === "Demo NAS") await json(`${baseUrl}/api/v1/connectors/${c.id}`, { method: "DELETE", headers: auth });
  }
  const created = await json(`${baseUrl}/api/v1/connectors`, {
    method: "POST",
    headers: auth,
    body: JSON.stringify({ name: "Demo NAS", url: connectorUrl }),
  });
  if (created.status !== 201) throw new Error(`could not register the demo connector: ${JSON.stringify(created.body)}`);
  return created.body.pairingCode;
}

/** Where `autoarr-connector start --demo` serves the simulated apps, and their demo keys (from the built connector). */
async function demoSimulators() {
  const { DEMO_PORTS, DEMO_KEYS } = await import(pathToFileURL(path.join(ROOT, "connector/dist/simulators/index.js")).href);
  const simulators = Object.fromEntries(Object.entries(DEMO_PORTS).map(([app, port]) => [app, `http://127.0.0.1:${port}`]));
  return { simulators, keys: DEMO_KEYS };
}

export function connectorAvailable() {
  return existsSync(CONNECTOR_BIN);
}

export async function buildWeb({ quiet = false } = {}) {
  await runToEnd("npm", ["run", "build", "-w", "web"], { cwd: ROOT, label: "web", quiet });
}

/**
 * Runs work while holding the checkout's build lock, so two stacks started at once (test files run in parallel)
 * never build into the same dist/ folders together. A lock left by a killed run is taken over after 10 minutes.
 */
async function withBuildLock(work) {
  const lock = path.join(ROOT, ".wrangler/build.lock");
  mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      try {
        if (Date.now() - statSync(lock).mtimeMs > 10 * 60_000) rmSync(lock, { recursive: true, force: true });
      } catch {}
      if (Date.now() > deadline) throw new Error(`${lock} is still held after 15 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export async function buildConnector({ quiet = false } = {}) {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "connector/package.json"), "utf8"));
  if (pkg.scripts?.build) await runToEnd("npm", ["run", "build", "-w", "connector"], { cwd: ROOT, label: "connector", quiet });
}

/**
 * The connector's own config file for real apps (the file `autoarr-connector pair` writes to on a NAS), in a fresh
 * directory that also holds the connector's state; the pairing code stays in the environment.
 */
function writeConnectorConfig(dir, { apps, timeoutMs, logLevel }) {
  const file = path.join(dir, "config.json");
  writeFileSync(file, JSON.stringify({ ...apps, ...(timeoutMs ? { timeoutMs } : {}), ...(logLevel ? { logLevel } : {}) }, null, 2), { mode: 0o600 });
  return file;
}

/**
 * `wrangler dev` on `port`, answering /ping. Its inspector and workerd's own ports are picked free, but another
 * process may take one between the pick and the bind (seen on a busy machine): then it is started again, on new ones.
 */
async function startWrangler({ port, persistDir, vars, quiet }) {
  for (let attempt = 1; ; attempt++) {
    const wrangler = run(
      WRANGLER,
      [
        "dev",
        "--ip",
        "127.0.0.1",
        "--port",
        String(port),
        "--inspector-port",
        String(await freePort()),
        "--persist-to",
        persistDir,
        "--test-scheduled",
        "--show-interactive-dev-session=false",
        ...Object.entries(vars).flatMap(([k, v]) => ["--var", `${k}:${v}`]),
      ],
      { cwd: ROOT, label: "wrangler", quiet, env: { WRANGLER_SEND_METRICS: "false" } },
    );
    try {
      await waitForUrl(`http://127.0.0.1:${port}/ping`, { child: wrangler, timeoutMs: 120_000 });
      return wrangler;
    } catch (error) {
      await stop(wrangler);
      const lostARace = /Address already in use \(127\.0\.0\.1:(\d+)\)/.exec(String(error.message));
      if (!lostARace || Number(lostARace[1]) === port || attempt >= 3) throw error;
    }
  }
}

/**
 * Starts the whole local stack and returns its URL, the demo account and a stop function.
 * `persistDir` keeps local D1/KV/Durable Object data between runs. `build`: true builds the web app and the
 * connector, "connector" the connector (and the web app only when it was never built), false neither.
 * `connector`: without it the connector runs `--demo` against the simulators; with `{ apps, timeoutMs?, logLevel? }`
 * (apps as in the connector's config file, e.g. `{ sabnzbd: { url, apiKey } }`) it runs against those real apps.
 * `countConnectorRequests`: the Worker reaches the connector through a counting relay (counting-proxy.mjs), returned
 * as `connectorRequests`, so a bench can print the round trips an action costs.
 * `demoHistory`: a demo account created here, against the simulators, starts with a week of seeded history
 * (demo-history.mjs), so Home's week at a glance and its charts are filled, and requests for the demo world's items
 * that never arrived (demo-stuck-requests.mjs), for "Why isn't it here?".
 * `fireCron`: fire the two-minute cron every two minutes, as Cloudflare does in production (`npm start`; tests fire it
 * themselves).
 */
export async function startStack({
  port,
  persistDir = path.join(ROOT, ".wrangler/state"),
  connectorPort = 8790,
  withConnector = connectorAvailable(),
  build = true,
  quiet = false,
  extraVars = {},
  connector: realApps,
  countConnectorRequests = false,
  demoHistory = true,
  fireCron = false,
} = {}) {
  port ??= Number(process.env.PORT ?? 8787);
  mkdirSync(persistDir, { recursive: true });
  await withBuildLock(async () => {
    if (build === true || (build === "connector" && !existsSync(path.join(ROOT, "web/dist/index.html")))) await buildWeb({ quiet });
    if (build && withConnector) await buildConnector({ quiet });
  });

  await runToEnd(WRANGLER, ["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistDir], {
    cwd: ROOT,
    label: "migrate",
    quiet,
    env: { CI: "true", WRANGLER_SEND_METRICS: "false" },
  });

  const vars = { ...LOCAL_DEVELOPMENT_VARS, AUTOARR_SECRET_KEY: localSecret(persistDir), VAPID_PRIVATE_KEY: await localVapidKey(persistDir), ...extraVars };
  const url = `http://127.0.0.1:${port}`;
  let wrangler = await startWrangler({ port, persistDir, vars, quiet });
  const children = [wrangler];
  let relay = null;
  const tempDirs = [];
  let cronTimer = null;
  const stopAll = async () => {
    clearInterval(cronTimer);
    for (const child of children.reverse()) await stop(child);
    await relay?.close();
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  };

  try {
    const session = await demoSession(url);

    let connectorUrl = null;
    let pairingCode = null;
    let connector = null;
    let configDir = null;
    let currentApps = realApps;
    /** (Re)starts the connector on its port: against the simulators, or against `apps` when given. */
    const startConnectorProcess = async (apps) => {
      currentApps = apps;
      let appsArgs = ["--demo"];
      if (apps) {
        configDir ??= mkdtempSync(path.join(tmpdir(), "autoarr-connector-"));
        if (!tempDirs.includes(configDir)) tempDirs.push(configDir);
        appsArgs = ["--config", writeConnectorConfig(configDir, apps)];
      }
      connector = run(process.execPath, [CONNECTOR_BIN, "start", ...appsArgs, "--port", String(connectorPort)], {
        cwd: ROOT,
        label: "connector",
        quiet,
        env: { AUTOARR_PAIRING: pairingCode },
      });
      children.push(connector);
      await waitForUrl(`${connectorUrl}/healthz`, { child: connector, timeoutMs: 60_000 });
    };
    /** Where the Worker is told the connector is: the connector itself, or the counting relay in front of it. */
    let pairedUrl = null;
    if (withConnector) {
      connectorUrl = `http://127.0.0.1:${connectorPort}`;
      if (countConnectorRequests) {
        relay = await startCountingProxy(connectorUrl);
      }
      pairedUrl = relay?.url ?? connectorUrl;
      pairingCode = await pairDemoConnector(url, session.accessToken, pairedUrl);
      await startConnectorProcess(realApps);
      if (demoHistory && !realApps && session.created) {
        const stuck = await stuckItems(await demoSimulators());
        await seedDemoHistory({ persistDir, tenantId: session.tenant.id, userId: session.user.id, stuck });
      }
    }
    /** Points the connector at other real apps (a fresh SABnzbd, say): paired anew, on the same port. */
    const useApps = async (apps) => {
      if (!withConnector) throw new Error("this stack runs without a connector");
      await stop(connector);
      pairingCode = await pairDemoConnector(url, (await demoSession(url)).accessToken, pairedUrl);
      await startConnectorProcess(apps);
    };
    /** Restarts `wrangler dev` on the same port and storage: every Durable Object is rebuilt, as after eviction. */
    const restartWorker = async () => {
      await stop(wrangler);
      children.splice(children.indexOf(wrangler), 1);
      wrangler = await startWrangler({ port, persistDir, vars, quiet });
      children.unshift(wrangler);
    };
    /** Restarts the connector with the same pairing: its MCP sessions are gone, as after a NAS reboot. */
    const restartConnector = async () => {
      if (!withConnector) throw new Error("this stack runs without a connector");
      await stop(connector);
      children.splice(children.indexOf(connector), 1);
      await startConnectorProcess(currentApps);
    };
    /** Everything the stack's processes printed so far (recent output only, for long runs). */
    const logs = () => children.map((c) => c.recentOutput()).join("");
    // `wrangler dev` fires no cron trigger by itself (--test-scheduled only opens /__scheduled): fire the */2 one as
    // Cloudflare would, for what runs from it (hunting; re-arming hubs whose schedule lapsed).
    if (fireCron) {
      cronTimer = setInterval(() => fetch(`${url}/__scheduled?cron=*/2+*+*+*+*`).catch(() => {}), 2 * 60_000);
      cronTimer.unref();
    }
    return {
      url,
      demo: { email: DEMO_ACCOUNT.email, password: DEMO_ACCOUNT.password },
      connectorUrl,
      connectorRequests: relay,
      get pairingCode() {
        return pairingCode;
      },
      logs,
      useApps,
      restartWorker,
      restartConnector,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
