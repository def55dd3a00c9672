#!/usr/bin/env node
// Records a real SABnzbd's answers to every call the connector makes (sabnzbd-cases.mjs) into sabnzbd-<version>/.
// Run: node connector/test/recorded/record-sabnzbd.mjs   (needs Debian's sabnzbdplus: sudo scripts/install-sabnzbd.sh)
// It starts the real test bed's throw-away SABnzbd, indexer (an NZB, or 404) and a news server holding no article.
import { mkdirSync, readdirSync, unlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startIndexer } from "../../../test/realbed/indexer.mjs";
import { startNntpServer } from "../../../test/realbed/nntp-server.mjs";
import { sabnzbdBinary, startRealSabnzbd } from "../../../test/realbed/sabnzbd.mjs";
import { CASES, resolveRequest, UNKNOWN_ID } from "./sabnzbd-cases.mjs";
import { normalise } from "./normalise.mjs";

const here = dirname(fileURLToPath(import.meta.url));

/** A loopback URL on which nothing listens. */
async function closedPortUrl() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}
const TIMEOUT_MS = 90_000;

/** An NZB of three articles the news server does not have. */
const NZB = (name) => `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE nzb PUBLIC "-//newzBin//DTD NZB 1.1//EN" "http://www.newzbin.com/DTD/nzb/nzb-1.1.dtd">
<nzb xmlns="http://www.newzbin.com/DTD/2003/nzb">
<file poster="autoarr@example.test" date="1700000000" subject="&quot;${name}.mkv&quot; yEnc (1/3)">
<groups><group>alt.binaries.test</group></groups>
<segments>
<segment bytes="400000" number="1">${name}.1@autoarr.test</segment>
<segment bytes="400000" number="2">${name}.2@autoarr.test</segment>
<segment bytes="400000" number="3">${name}.3@autoarr.test</segment>
</segments>
</file>
</nzb>
`;

async function main() {
  if (!sabnzbdBinary()) throw new Error("sabnzbdplus not found on PATH (install it with `sudo scripts/install-sabnzbd.sh`)");
  const indexer = await startIndexer();
  const news = await startNntpServer();
  const sab = await startRealSabnzbd({});
  /** Polls until predicate holds (a throw counts as not yet); false after TIMEOUT_MS. */
  const waitFor = (predicate) => sab.waitFor(async () => { try { return await predicate(); } catch { return false; } }, { timeoutMs: TIMEOUT_MS }).then(() => true, () => false);
  const raw = async (params, key) => {
    const query = new URLSearchParams({ output: "json", ...(key === "none" ? {} : { apikey: key === "wrong" ? "0".repeat(32) : sab.apiKey }), ...params });
    const response = await fetch(`${sab.url}/api?${query}`);
    const text = await response.text();
    let json;
    try { json = JSON.parse(text); } catch { json = undefined; }
    return { status: response.status, contentType: response.headers.get("content-type"), text, json };
  };
  const io = { api: (params) => raw(params), waitFor };
  const queue = async () => (await raw({ mode: "queue" })).json.queue.slots;
  const history = async () => (await raw({ mode: "history" })).json.history.slots;
  // A failed job is first listed from the post-processor (loaded: true, another shape); wait until it is stored.
  const settledFailure = async (id) => (await history()).some((s) => s.nzo_id === id && s.status === "Failed" && s.loaded === false);
  const addUrl = async (url) => (await raw({ mode: "addurl", name: url, cat: "tv" })).json.nzo_ids[0];
  const serve = (name) => indexer.serve(name, NZB(name));

  const unreachable = await closedPortUrl();
  const roles = { unknown: UNKNOWN_ID };
  const setup = {
    // A job that sits in the queue (no news server yet, so it never moves) and one whose NZB answers 404.
    queue: async () => {
      roles.queued = await addUrl(serve("Queued.Show.S01E01.720p.WEB-DL"));
      if (!(await waitFor(async () => (await queue()).some((s) => s.nzo_id === roles.queued && s.status === "Downloading")))) throw new Error("the queued job never left Grabbing");
      roles.failed = await addUrl(`${indexer.url}/nzb/Gone.Show.S01E02.nzb`);
      if (!(await waitFor(async () => settledFailure(roles.failed)))) throw new Error("the 404 job never failed");
    },
    // A job whose indexer refuses the connection waits in Grabbing and is fetched again later; it is deleted after one look.
    "queue-grabbing": async () => {
      roles.grabbing = await addUrl(`${unreachable}/nzb/Not.Yet.S01E04.nzb`);
      if (!(await waitFor(async () => (await queue()).some((s) => s.nzo_id === roles.grabbing && s.labels.some((l) => l.startsWith("WAIT")))))) throw new Error("the job never waited");
    },
    history: async () => {
      await raw({ mode: "queue", name: "delete", value: roles.grabbing, del_files: "1" });
    },
    "history-unchanged": async () => {
      roles.historyUpdate = (await raw({ mode: "history" })).json.history.last_history_update;
    },
    "history-delete": async () => {
      // The retried job fetches the same 404 URL and fails again.
      if (!(await waitFor(async () => settledFailure(roles.retried)))) throw new Error("the retried job never failed again");
      roles.historyJob = roles.retried;
    },
    "set-config-server-field": async () => {
      roles.server = "recorder-news";
      await raw({ mode: "set_config", section: "servers", name: roles.server, host: "127.0.0.1", port: String(news.port), connections: "1", ssl: "0", enable: "1" });
      const id = await addUrl(serve("Missing.Articles.S01E03.720p.WEB-DL"));
      if (!(await waitFor(async () => settledFailure(id)))) throw new Error("the job with missing articles never failed");
    },
    "get-config-misc-after-restart": () => sab.restart(),
    "get-config-misc-after-second-restart": () => sab.restart(),
  };

  const version = (await raw({ mode: "version" })).json.version;
  const outDir = join(here, `sabnzbd-${version.split(".").slice(0, 2).join(".")}`);
  mkdirSync(outDir, { recursive: true });
  for (const file of readdirSync(outDir)) if (file.endsWith(".json")) unlinkSync(join(outDir, file));
  const secrets = [[sab.apiKey, "api_key"], [sab.nzbKey, "nzb_key"], [sab.dir, "dir"], [indexer.url, "indexer"], [unreachable, "unreachable"], [new URL(sab.url).port, "port"], [String(news.port), "news_port"], [version, "version"]];

  try {
    for (const [order, testCase] of CASES.entries()) {
      await setup[testCase.name]?.();
      const request = resolveRequest(testCase.request, roles);
      const answer = await raw(request, testCase.key);
      const facts = testCase.facts ? await testCase.facts(io, answer, roles) : undefined;
      const fixture = {
        case: testCase.name, order, about: testCase.about,
        request: { ...testCase.request, output: "json", ...(testCase.key === "none" ? {} : { apikey: testCase.key === "wrong" ? "<wrong_api_key>" : "<api_key>" }) },
        status: answer.status, contentType: answer.contentType,
        ...(answer.json !== undefined ? { json: normalise(answer.json, secrets) } : { text: normalise(answer.text, secrets) }),
        ...(facts ? { facts } : {}),
        ...(testCase.notOnSimulator ? { notOnSimulator: testCase.notOnSimulator } : {}),
      };
      writeFileSync(join(outDir, `${testCase.name}.json`), `${JSON.stringify(fixture, null, 2)}\n`);
      console.log(`${testCase.name}: HTTP ${answer.status}${facts ? ` ${JSON.stringify(facts)}` : ""}`);
    }
    console.log(`Recorded ${CASES.length} cases from SABnzbd ${version} into ${outDir}`);
  } finally {
    await sab.stop();
    await news.close();
    await indexer.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
