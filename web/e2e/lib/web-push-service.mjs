// A local push service standing in for the browser's (FCM for Chromium, which this machine cannot reach):
// web-push-testing (https://github.com/marc1706/web-push-testing), the same one the workerd tests run
// (test/harness/web-push-service.ts). It hands out subscriptions with its own browser keys, refuses a message whose
// VAPID token was not signed with the subscription's applicationServerKey, decrypts aes128gcm (RFC 8291) and keeps the
// plaintext for /get-notifications. Its own process, so its `process.exit` on a port clash cannot end the run.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { freePort } from "../../../scripts/lib/free-port.mjs";

const STARTUP_TIMEOUT_MS = 10_000;

async function answers(url) {
  try {
    return (await fetch(`${url}/status`, { method: "POST" })).ok;
  } catch {
    return false;
  }
}

async function post(url, body) {
  const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const answer = await response.json().catch(() => null);
  if (!response.ok) throw new Error(`web-push-testing answered ${response.status} to ${url}: ${JSON.stringify(answer)}`);
  return answer.data;
}

/**
 * @returns {Promise<{
 *   url: string;
 *   subscribe(applicationServerKey: string): Promise<{ endpoint: string; keys: { p256dh: string; auth: string }; clientHash: string }>;
 *   messages(clientHash: string): Promise<string[]>;
 *   close(): Promise<void>;
 * }>}
 */
export async function startWebPushService() {
  const port = await freePort();
  const serverScript = path.join(path.dirname(createRequire(import.meta.url).resolve("web-push-testing/package.json")), "src/bin/server.js");
  const child = spawn(process.execPath, [serverScript, String(port)], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  // Its subscriptions' endpoints are built on "localhost", so that is the origin to talk to (and VAPID's audience).
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
    /** What pushManager.subscribe({ userVisibleOnly: true, applicationServerKey }) gives a browser, from this service. */
    subscribe: (applicationServerKey) => post(`${url}/subscribe`, { userVisibleOnly: "true", applicationServerKey }),
    /** The decrypted payloads pushed to that subscription so far, oldest first. */
    messages: async (clientHash) => (await post(`${url}/get-notifications`, { clientHash })).messages,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill();
      }),
  };
}
