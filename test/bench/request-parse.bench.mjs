// Plain-language requests: rule-parser throughput (parses per second over the phrasing table, with its accuracy),
// then the end-to-end time of one request through `wrangler dev` + connector + simulators (the `npm start` stack).
// Run with `npm run bench` (or `node test/bench/request-parse.bench.mjs` after `npm run build -w connector`).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { freePort } from "../../scripts/lib/free-port.mjs";
import { DEMO_ACCOUNT, ROOT, startStack } from "../../scripts/lib/stack.mjs";

const work = mkdtempSync(path.join(tmpdir(), "autoarr-request-bench-"));
try {
  await ruleThroughput();
  await endToEnd();
} finally {
  rmSync(work, { recursive: true, force: true });
}

async function ruleThroughput() {
  const entry = path.join(work, "entry.ts");
  const out = path.join(work, "parser.mjs");
  await build({
    stdin: {
      contents: `export { parseWithRules } from ${JSON.stringify(path.join(ROOT, "workers/requests/parse.rules.ts"))};\nexport { PHRASINGS } from ${JSON.stringify(path.join(ROOT, "test/requests/phrasings.ts"))};`,
      resolveDir: ROOT,
      loader: "ts",
      sourcefile: entry,
    },
    bundle: true,
    format: "esm",
    platform: "neutral",
    outfile: out,
    logLevel: "silent",
  });
  const { parseWithRules, PHRASINGS } = await import(pathToFileURL(out).href);
  const texts = PHRASINGS.map((p) => p.text);
  for (let i = 0; i < 2_000; i++) parseWithRules(texts[i % texts.length]);
  let parses = 0;
  const started = performance.now();
  while (performance.now() - started < 2_000) {
    for (const text of texts) parseWithRules(text);
    parses += texts.length;
  }
  const seconds = (performance.now() - started) / 1000;
  const exact = PHRASINGS.filter((p) => matches(parseWithRules(p.text), p.expect)).length;
  console.log(
    `rule parser: ${Math.round(parses / seconds).toLocaleString("en")} parses/s over ${texts.length} phrasings (${((1e6 * seconds) / parses).toFixed(1)} µs each)`,
  );
  console.log(`rule parser accuracy: ${exact}/${PHRASINGS.length} = ${((100 * exact) / PHRASINGS.length).toFixed(1)}%`);
}

function matches(parsed, expect) {
  const want = { year: null, seasons: null, episode: null, quality: null, person: null, ...expect };
  return (
    parsed.type === want.type &&
    (parsed.title ?? "").toLowerCase() === (want.title ?? "").toLowerCase() &&
    parsed.year === want.year &&
    JSON.stringify(parsed.seasons) === JSON.stringify(want.seasons) &&
    parsed.episode === want.episode &&
    parsed.quality === want.quality &&
    parsed.person === want.person
  );
}

async function endToEnd() {
  let stack;
  try {
    stack = await startStack({ port: await freePort(), connectorPort: await freePort(), persistDir: path.join(work, "state"), quiet: true, build: false });
  } catch (error) {
    console.log(
      `end-to-end: skipped, the local stack did not start (${error instanceof Error ? error.message.split("\n")[0] : error}); is \`npm start\` holding the demo ports?`,
    );
    return;
  }
  try {
    const token = await signIn(stack.url);
    const call = (route, init = {}) =>
      fetch(`${stack.url}${route}`, { ...init, headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" } });
    // The first call through a new connector opens its MCP session; measure requests, not that.
    for (let i = 0; i < 40; i++) {
      if ((await call("/api/v1/mcp/call", { method: "POST", body: JSON.stringify({ tool: "sonarr_system_status", arguments: {} }) })).ok) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const timed = async (label, route, body) => {
      const started = performance.now();
      const response = await call(route, { method: "POST", body: JSON.stringify(body) });
      const ms = performance.now() - started;
      const json = await response.json();
      console.log(
        `end-to-end: ${label}: ${ms.toFixed(0)} ms → HTTP ${response.status}, ${json.status}${json.choice ? ` (${json.choice.title} ${json.choice.year})` : ""}`,
      );
      return json;
    };
    await timed('"Add The Wire in 1080p" (look up in Sonarr and Radarr, rank, add, search)', "/api/v1/requests", { query: "Add The Wire in 1080p" });
    const choice = await timed('"get me dune" (look up, rank, needs_choice)', "/api/v1/requests", { query: "get me dune" });
    if (choice.options?.[0]) await timed("choose Dune (1984) (add, search)", `/api/v1/requests/${choice.id}/choose`, { optionId: choice.options[0].optionId });
  } finally {
    await stack.stop();
  }
}

async function signIn(url) {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: DEMO_ACCOUNT.email, password: DEMO_ACCOUNT.password }),
  });
  return (await response.json()).accessToken;
}
