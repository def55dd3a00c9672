// A local push service for the workerd tests: web-push-testing (https://github.com/marc1706/web-push-testing), which
// hands out subscriptions with its own browser keys, checks each message's VAPID token against the subscription's
// applicationServerKey, decrypts aes128gcm with http_ece and keeps the plaintext for `get-notifications`; an expired
// subscription answers 410. It runs as its own process so its `process.exit` on a port clash cannot end the test run.
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { freePort } from "../../scripts/lib/free-port.mjs";

const STARTUP_TIMEOUT_MS = 10_000;

export interface WebPushService {
  /** http://localhost:<port>, the origin its subscriptions' endpoints are on. */
  url: string;
  close(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/status`, { method: "POST" })).ok;
  } catch {
    return false;
  }
}

export async function startWebPushService(): Promise<WebPushService> {
  const port = await freePort();
  const serverScript = path.join(path.dirname(createRequire(import.meta.url).resolve("web-push-testing/package.json")), "src/bin/server.js");
  const child: ChildProcess = spawn(process.execPath, [serverScript, String(port)], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  // Its subscriptions' endpoints are built on "localhost", so that is the origin tests (and VAPID tokens) use.
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (!(await answers(url))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error(`web-push-testing did not start on port ${port}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill();
      }),
  };
}
