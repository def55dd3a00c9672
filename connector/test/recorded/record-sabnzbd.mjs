#!/usr/bin/env node
// Records a real SABnzbd's answers to every call the connector makes (sabnzbd-cases.mjs) into sabnzbd-<version>/.
// Run: node connector/test/recorded/record-sabnzbd.mjs   (needs Debian's sabnzbdplus: sudo scripts/install-sabnzbd.sh)
// It starts a throw-away SABnzbd, a tiny indexer (an NZB, or 404) and a news server whose every article is missing.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { createServer as createTcpServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CASES, resolveRequest, UNKNOWN_ID } from "./sabnzbd-cases.mjs";
import { normalise } from "./normalise.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const TIMEOUT_MS = 90_000;

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

/** /nzb/<Name>.nzb serves an NZB of three articles; anything else answers 404. */
async function startIndexer() {
  const server = createHttpServer((req, res) => {
    const match = /^\/nzb\/([\w.-]+)\.nzb$/.exec(req.url ?? "");
    if (!match) return res.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
    res.writeHead(200, { "Content-Type": "application/x-nzb", "Content-Disposition": `attachment; filename="${match[1]}.nzb"` }).end(NZB(match[1]));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** A news server (RFC 3977) that knows no article: every BODY/ARTICLE/HEAD/STAT answers 430. */
async function startEmptyNewsServer() {
  const sockets = new Set();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    socket.write("200 AutoArr recorder news server ready\r\n");
    let buffered = "";
    socket.on("data", (chunk) => {
      buffered += chunk.toString("latin1");
      let end;
      while ((end = buffered.indexOf("\r\n")) >= 0) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const command = line.split(" ")[0].toUpperCase();
        if (command === "QUIT") return socket.end("205 Bye\r\n");
        const reply = {
          CAPABILITIES: "101 Capability list:\r\nVERSION 2\r\nREADER\r\n.",
          MODE: "200 Reader mode, posting prohibited", AUTHINFO: "281 Authentication accepted", DATE: "111 20260101000000",
          GROUP: "211 0 0 0 alt.binaries.test", BODY: "430 No such article", ARTICLE: "430 No such article", HEAD: "430 No such article", STAT: "430 No such article",
        }[command] ?? "500 Unknown command";
        socket.write(`${reply}\r\n`);
      }
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: server.address().port, close: () => { for (const s of sockets) s.destroy(); return new Promise((resolve) => server.close(resolve)); } };
}

/** The realbed's SABnzbd when it exists; otherwise the same subset started here, as sabnzbd.real.test.ts does. */
async function startSabnzbd() {
  const realbed = join(here, "../realbed/sabnzbd.mjs");
  if (existsSync(realbed)) {
    const { startRealSabnzbd } = await import(realbed);
    return startRealSabnzbd({});
  }
  const binary = spawnSync("sh", ["-c", "command -v sabnzbdplus"], { encoding: "utf8" }).stdout.trim();
  if (!binary) throw new Error("sabnzbdplus not found on PATH (install it with `sudo scripts/install-sabnzbd.sh`)");
  const dir = mkdtempSync(join(tmpdir(), "autoarr-sab-record-"));
  const apiKey = randomBytes(16).toString("hex");
  const port = await new Promise((resolve) => { const s = createTcpServer(); s.listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => resolve(p)); }); });
  const url = `http://127.0.0.1:${port}`;
  const iniPath = join(dir, "sabnzbd.ini");
  writeFileSync(iniPath, ["__version__ = 19", "__encoding__ = utf-8", "[misc]", `api_key = ${apiKey}`, `nzb_key = ${randomBytes(16).toString("hex")}`,
    "host = 127.0.0.1", `port = ${port}`, `download_dir = ${dir}/incomplete`, `complete_dir = ${dir}/complete`, "check_new_rel = 0", ""].join("\n"));
  let child;
  const api = async (params) => {
    const response = await fetch(`${url}/api?${new URLSearchParams({ output: "json", apikey: apiKey, ...params })}`);
    const text = await response.text();
    let json;
    try { json = JSON.parse(text); } catch { json = undefined; }
    return { status: response.status, contentType: response.headers.get("content-type"), text, json };
  };
  const waitFor = async (predicate, { timeoutMs = TIMEOUT_MS } = {}) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try { if (await predicate()) return true; } catch { /* not ready */ }
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  const launch = async () => {
    child = spawn(binary, ["--config-file", iniPath, "--server", `127.0.0.1:${port}`, "--browser", "0", "--disable-file-log"], { cwd: dir, stdio: "ignore" });
    if (!(await waitFor(async () => (await fetch(`${url}/api?mode=version`)).ok, { timeoutMs: 30_000 }))) throw new Error("SABnzbd did not start within 30 s");
  };
  const stop = async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
  };
  await launch();
  return {
    url, apiKey, dir, iniPath, api, waitFor,
    restart: async () => { await stop(); await launch(); },
    stop: async () => { await stop(); rmSync(dir, { recursive: true, force: true }); },
  };
}

async function main() {
  const indexer = await startIndexer();
  const news = await startEmptyNewsServer();
  const sab = await startSabnzbd();
  const waitFor = (predicate) => sab.waitFor(predicate, { timeoutMs: TIMEOUT_MS });
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

  const roles = { unknown: UNKNOWN_ID };
  const setup = {
    // A job that sits in the queue (no news server yet, so it never moves) and one whose NZB answers 404.
    queue: async () => {
      roles.queued = await addUrl(`${indexer.origin}/nzb/Queued.Show.S01E01.720p.WEB-DL.nzb`);
      if (!(await waitFor(async () => (await queue()).some((s) => s.nzo_id === roles.queued && s.status === "Downloading")))) throw new Error("the queued job never left Grabbing");
      roles.failed = await addUrl(`${indexer.origin}/missing/Gone.Show.S01E02.nzb`);
      if (!(await waitFor(async () => settledFailure(roles.failed)))) throw new Error("the 404 job never failed");
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
      const id = await addUrl(`${indexer.origin}/nzb/Missing.Articles.S01E03.720p.WEB-DL.nzb`);
      if (!(await waitFor(async () => settledFailure(id)))) throw new Error("the job with missing articles never failed");
    },
    "get-config-misc-after-restart": () => sab.restart(),
    "get-config-misc-after-second-restart": () => sab.restart(),
  };

  const version = (await raw({ mode: "version" })).json.version;
  const outDir = join(here, `sabnzbd-${version.split(".").slice(0, 2).join(".")}`);
  mkdirSync(outDir, { recursive: true });
  for (const file of readdirSync(outDir)) if (file.endsWith(".json")) unlinkSync(join(outDir, file));
  const nzbKey = (await raw({ mode: "get_config", section: "misc", keyword: "nzb_key" })).json.config.misc.nzb_key;
  const secrets = [[sab.apiKey, "api_key"], [nzbKey, "nzb_key"], [sab.dir, "dir"], [indexer.origin, "indexer"], [new URL(sab.url).port, "port"], [String(news.port), "news_port"], [version, "version"]];

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
