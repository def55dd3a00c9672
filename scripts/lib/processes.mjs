// Child processes for local runs: spawn with prefixed output, wait for a URL, stop the whole tree.
import { spawn } from "node:child_process";

export function run(command, args, { cwd, env, label, quiet = false } = {}) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const output = [];
  const forward = (stream, sink) =>
    stream.on("data", (chunk) => {
      const text = chunk.toString();
      output.push(text);
      if (output.length > 5000) output.shift();
      if (!quiet) for (const line of text.split("\n")) if (line.trim()) sink.write(`[${label}] ${line}\n`);
    });
  forward(child.stdout, process.stdout);
  forward(child.stderr, process.stderr);
  child.recentOutput = () => output.join("");
  return child;
}

export async function stop(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  const timeout = new Promise((resolve) => setTimeout(resolve, 5000, "timeout"));
  if ((await Promise.race([exited, timeout])) === "timeout") {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {}
  }
}

export function runToEnd(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = run(command, args, options);
    child.once("exit", (code) =>
      code === 0 ? resolve(child.recentOutput()) : reject(new Error(`${command} ${args.join(" ")} exited with ${code}\n${child.recentOutput()}`)),
    );
  });
}

export async function waitForUrl(url, { timeoutMs = 60_000, child } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`process exited before ${url} answered:\n${child.recentOutput()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s${child ? `:\n${child.recentOutput()}` : ""}`);
}

export { freePort } from "./free-port.mjs";
