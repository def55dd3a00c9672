// Installs the project's npm dependencies when they are missing or older than package-lock.json,
// so `npm start` and `npm test` work on a fresh clone with only Node installed.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
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
