// `npm test`: every suite, in order — lint and import boundaries, types, the scripts' own tests, the Worker in workerd, the connector against the simulators,
// the web app's components, the local stack as `npm start` runs it, and the web app end to end in Chromium.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./lib/stack.mjs";

const hasScript = (workspace, name) => Boolean(JSON.parse(readFileSync(path.join(ROOT, workspace, "package.json"), "utf8")).scripts?.[name]);

const suites = [
  { name: "lint (Biome, import boundaries)", command: ["npm", "run", "lint"] },
  { name: "types (worker)", command: ["npx", "tsc", "--noEmit", "-p", "tsconfig.json"] },
  { name: "scripts", command: ["node", "--test", "scripts/check-boundaries.test.mjs"] },
  { name: "worker (workerd)", command: ["npx", "vitest", "run", "--config", "vitest.config.ts"] },
  { name: "connector", command: ["npm", "test", "-w", "connector"], when: () => hasScript("connector", "test") },
  { name: "web components", command: ["npm", "test", "-w", "web"], when: () => hasScript("web", "test") },
  { name: "local stack", command: ["node", "--experimental-websocket", "--test", "test/stack/"] },
  { name: "web end-to-end", command: ["npm", "run", "e2e", "-w", "web"], when: () => hasScript("web", "e2e") },
];

const only = process.argv.slice(2);
const results = [];
for (const suite of suites) {
  if (only.length > 0 && !only.some((o) => suite.name.includes(o))) continue;
  if (suite.when && !suite.when()) {
    results.push({ name: suite.name, status: "not present" });
    continue;
  }
  console.log(`\n━━ ${suite.name} ━━ ${suite.command.join(" ")}`);
  const started = Date.now();
  const [command, ...args] = suite.command;
  const { status } = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, FORCE_COLOR: "0" } });
  results.push({ name: suite.name, status: status === 0 ? "passed" : "failed", seconds: Math.round((Date.now() - started) / 1000) });
}

console.log("\n━━ summary ━━");
for (const r of results) console.log(`  ${r.status.padEnd(12)} ${r.name}${r.seconds !== undefined ? ` (${r.seconds} s)` : ""}`);
const failed = results.filter((r) => r.status === "failed").length;
const passed = results.filter((r) => r.status === "passed").length;
console.log(`suites: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
