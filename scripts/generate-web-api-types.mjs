// Writes web/src/api/openapi.json (the Worker's own OpenAPI document, from a local `wrangler dev`) and
// web/src/api/openapi.d.ts (its TypeScript types). Run after changing any route or schema in workers/;
// test/api/openapi-committed.test.ts and web/src/api/openapi-types.test.ts fail while either file is stale.
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, run, stop, waitForUrl } from "./lib/processes.mjs";
import { LOCAL_DEVELOPMENT_VARS, ROOT } from "./lib/stack.mjs";
import { documentText, typesFromOpenApi } from "../web/scripts/openapi-to-types.mjs";

const WRANGLER = path.join(ROOT, "node_modules/.bin/wrangler");
const OUT_DIR = path.join(ROOT, "web/src/api");

/** The document as the Worker serves it; the Worker serves nothing else here, so local storage is a throwaway folder. */
async function fetchDocument() {
  const persistDir = mkdtempSync(path.join(tmpdir(), "autoarr-openapi-"));
  // wrangler.toml serves web/dist as static assets; the folder must exist, its contents do not matter.
  mkdirSync(path.join(ROOT, "web/dist"), { recursive: true });
  const port = await freePort();
  // The vars `npm start` runs with, and a secret of its own: the Worker checks its configuration on every request.
  const vars = { ...LOCAL_DEVELOPMENT_VARS, AUTOARR_SECRET_KEY: randomBytes(32).toString("base64url") };
  const args = [
    "dev",
    "--ip",
    "127.0.0.1",
    "--port",
    String(port),
    "--inspector-port",
    String(await freePort()),
    "--persist-to",
    persistDir,
    "--show-interactive-dev-session=false",
    ...Object.entries(vars).flatMap(([name, value]) => ["--var", `${name}:${value}`]),
  ];
  const wrangler = run(WRANGLER, args, { cwd: ROOT, label: "wrangler", quiet: true, env: { WRANGLER_SEND_METRICS: "false" } });
  try {
    await waitForUrl(`http://127.0.0.1:${port}/ping`, { child: wrangler, timeoutMs: 120_000 });
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/openapi.json`);
    if (!response.ok) {
      throw new Error(`GET /api/v1/openapi.json answered ${response.status}: ${await response.text()}\n${wrangler.recentOutput()}`);
    }
    return await response.json();
  } finally {
    await stop(wrangler);
    rmSync(persistDir, { recursive: true, force: true });
  }
}

const document = await fetchDocument();
writeFileSync(path.join(OUT_DIR, "openapi.json"), documentText(document));
writeFileSync(path.join(OUT_DIR, "openapi.d.ts"), await typesFromOpenApi(document));
console.log(`wrote ${path.relative(ROOT, OUT_DIR)}/openapi.json and openapi.d.ts (${Object.keys(document.paths ?? {}).length} paths)`);
