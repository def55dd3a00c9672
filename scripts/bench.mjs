// `npm run bench`: builds what the benchmarks need, then runs every test/bench/*.bench.mjs in turn.
// Each benchmark prints its own figures (ratios against a baseline measured in the same run).
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { buildConnector, buildWeb, ROOT } from "./lib/stack.mjs";

await buildConnector({ quiet: true });
await buildWeb({ quiet: true });

const only = process.argv.slice(2);
const benches = readdirSync(path.join(ROOT, "test/bench"))
  .filter((f) => f.endsWith(".bench.mjs"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

let failed = 0;
for (const file of benches) {
  console.log(`\n━━ ${file} ━━`);
  const { status } = spawnSync(process.execPath, ["--experimental-websocket", path.join(ROOT, "test/bench", file)], { cwd: ROOT, stdio: "inherit" });
  if (status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
