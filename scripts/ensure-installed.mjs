// Installs the project's npm dependencies when they are missing or older than package-lock.json,
// so `npm start` and `npm test` work on a fresh clone with only Node installed.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const lock = `${root}/package-lock.json`;
const installed = `${root}/node_modules/.package-lock.json`;

const stale = !existsSync(installed) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(installed).mtimeMs);
const missingTools = !existsSync(`${root}/node_modules/.bin/wrangler`) || !existsSync(`${root}/node_modules/.bin/vitest`);

if (stale || missingTools) {
  console.log("Installing dependencies (npm install)…");
  const result = spawnSync("npm", ["install", "--no-audit", "--no-fund"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// The contract package is TypeScript that every part imports as built JavaScript: build it when it is missing or older
// than its sources.
const contract = `${root}/packages/contract`;
const newestSource = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const full = `${dir}/${entry.name}`;
    return Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }, 0);
const built = `${contract}/dist/index.js`;
if (!existsSync(built) || statSync(built).mtimeMs < newestSource(`${contract}/src`)) {
  console.log("Building the contract package (packages/contract)…");
  const result = spawnSync("npm", ["run", "build", "-w", "@autoarr/contract"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
