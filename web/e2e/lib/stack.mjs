// Finds the AutoArr stack the end-to-end run talks to, in this order:
// 1. AUTOARR_E2E_URL — a stack already running (demo credentials from AUTOARR_E2E_EMAIL / AUTOARR_E2E_PASSWORD, else one is registered);
// 2. scripts/lib/stack.mjs — the repository's own startStack(), which also runs the demo connector and simulated apps;
// 3. a bare `wrangler dev` on a fresh local D1/KV, started here, with a demo account registered through the API
//    (also chosen with AUTOARR_E2E_STACK=bare, e.g. while the shared stack's connector does not build).
// The shared stack and the bare fallback build web/dist themselves; an already running stack serves what it has.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { freePort } from "../../../scripts/lib/free-port.mjs";

const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const SHARED_STACK = join(REPO_ROOT, "scripts/lib/stack.mjs");
const DEMO_PASSWORD = "demo-password-e2e";

export async function startE2eStack() {
  if (process.env.AUTOARR_E2E_URL) return attachToRunningStack(process.env.AUTOARR_E2E_URL);
  const port = await freePort();
  const persistDir = mkdtempSync(join(tmpdir(), "autoarr-e2e-state-"));
  if (existsSync(SHARED_STACK) && process.env.AUTOARR_E2E_STACK !== "bare") {
    const { startStack } = await import(pathToFileURL(SHARED_STACK).href);
    // The tests run each check themselves (POST /api/v1/recovery/check): a hub's own alarm would race them.
    const stack = await startStack({ port, persistDir, quiet: true, extraVars: { CHECK_ALARMS: "off" } });
    return {
      ...stack,
      source: "scripts/lib/stack.mjs",
      stop: async () => {
        await stack.stop();
        rmSync(persistDir, { recursive: true, force: true });
      },
    };
  }
  return startBareWrangler(port, persistDir);
}

async function attachToRunningStack(url) {
  const demo = process.env.AUTOARR_E2E_EMAIL
    ? { email: process.env.AUTOARR_E2E_EMAIL, password: process.env.AUTOARR_E2E_PASSWORD ?? "" }
    : await registerDemo(url);
  return { url, demo, source: "AUTOARR_E2E_URL", stop: async () => {} };
}

async function startBareWrangler(port, persistDir) {
  const wrangler = join(REPO_ROOT, "node_modules/.bin/wrangler");
  await run("npm", ["run", "build", "-w", "web"], {});
  await run(wrangler, ["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistDir], { CI: "true" });
  const secret = `e2e-${crypto.randomUUID()}-${crypto.randomUUID()}`;
  const child = spawn(
    wrangler,
    [
      "dev",
      "--port",
      String(port),
      "--ip",
      "127.0.0.1",
      "--persist-to",
      persistDir,
      "--var",
      `AUTOARR_SECRET_KEY:${secret}`,
      "--show-interactive-dev-session=false",
    ],
    { cwd: REPO_ROOT, env: { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false" }, stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      process.kill(-child.pid, "SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
    rmSync(persistDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, 90_000, () => child.exitCode !== null);
  } catch (error) {
    await stop();
    throw new Error(`wrangler dev did not become healthy: ${error.message}\n${output.slice(-3000)}`);
  }
  return { url, demo: await registerDemo(url), source: "wrangler dev (fallback)", stop };
}

async function registerDemo(url) {
  const demo = { email: `demo-${Date.now()}@example.com`, password: DEMO_PASSWORD };
  const response = await fetch(`${url}/api/v1/auth/register`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ ...demo, tenantName: "Demo household" }),
  });
  if (response.status !== 201) throw new Error(`Could not register the demo account: ${response.status} ${await response.text()}`);
  return demo;
}

async function waitForHealth(url, timeoutMs, hasExited) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited()) throw new Error("the process exited");
    try {
      const response = await fetch(`${url}/health`);
      if (response.status === 200 || response.status === 503) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`no answer from ${url}/health within ${timeoutMs} ms`);
}

function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(" ")} failed:\n${output}`))));
  });
}
