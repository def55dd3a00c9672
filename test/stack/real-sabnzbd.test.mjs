// AutoArr against a REAL SABnzbd 4.5 (Debian's sabnzbdplus), its real connector and the test bed's own news server
// and indexer (test/realbed): what the user sees through the public API, and what SABnzbd and its sabnzbd.ini really
// hold afterwards. Jobs enter SABnzbd the way Sonarr puts them there (mode=addurl with the indexer's URL); AutoArr
// sees them only through its connector. Issue #15.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import { freePort } from "../../scripts/lib/free-port.mjs";
import { ROOT, startStack } from "../../scripts/lib/stack.mjs";
import { startIndexer } from "../realbed/indexer.mjs";
import { startNntpServer } from "../realbed/nntp-server.mjs";
import { buildRelease } from "../realbed/nzb.mjs";
import { sabnzbdBinary, startRealSabnzbd } from "../realbed/sabnzbd.mjs";

const CONNECTOR_TIMEOUT_MS = 2000;
const binary = sabnzbdBinary();
if (!binary) console.log("SKIPPING the real-SABnzbd scenarios: sabnzbdplus not found (install it with scripts/install-sabnzbd.sh)");

/** Waits for a condition with a deadline; never a fixed sleep. */
async function until(what, check, { timeoutMs = 30_000, everyMs = 250 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** A setting path as the audit names it (sabnzbd.config.misc.x, sabnzbd.config.categories[name=tv].dir) → its sabnzbd.ini value. */
function iniValue(ini, setting) {
  const misc = setting.match(/^sabnzbd\.config\.misc\.(\w+)$/);
  if (misc) return ini.misc?.[misc[1]];
  const named = setting.match(/^sabnzbd\.config\.(categories|servers)\[name=([^\]]+)\]\.(\w+)$/);
  if (named) return ini[`${named[1]}.${named[2]}`]?.[named[3]];
  throw new Error(`no sabnzbd.ini place known for ${setting}`);
}

/**
 * A value in one spelling for both sides: the API serves switches as 0/1 or false/true and lists as arrays; sabnzbd.ini
 * (ConfigObj) writes switches as 0/1, lists comma-separated (an empty list as ","), and may quote a string.
 */
function canonical(value) {
  if (value === true) return "1";
  if (value === false) return "0";
  const text = Array.isArray(value) ? value.join(",") : String(value ?? "").replace(/^"(.*)"$/, "$1");
  return text.includes(",")
    ? text
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean)
        .join(", ")
    : text.trim();
}

/**
 * An indexer that breaks off its first `failures` answers mid-body (a flaky indexer or network). The real SABnzbd
 * fails such a job with "URL Fetching failed; Server could not complete request" (sabnzbd/urlgrabber.py: an
 * IncompleteRead while reading the NZB), a passing problem that a retry may well get past.
 */
async function startFlakyIndexer(name, nzbXml, failures) {
  const fetches = [];
  const server = http.createServer((request, response) => {
    fetches.push(request.url);
    const body = Buffer.from(nzbXml, "utf8");
    response.writeHead(200, {
      "Content-Type": "application/x-nzb",
      "Content-Disposition": `attachment; filename="${name}.nzb"`,
      "Content-Length": body.length,
    });
    if (fetches.length > failures) return response.end(body);
    response.write(body.subarray(0, 100), () => response.socket.destroy());
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/nzb/${encodeURIComponent(name)}.nzb`,
    fetches: () => fetches.length,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))),
  };
}

/** Where SABnzbd put a completed job's file: its history slot's `storage` is the file itself for a one-file job, else its folder. */
function downloadedFile(slot, fileName) {
  const file = statSync(slot.storage).isDirectory() ? path.join(slot.storage, fileName) : slot.storage;
  assert.equal(path.basename(file), fileName, `SABnzbd kept the name: ${slot.storage}`);
  return file;
}

/** A small release with a clear (not obfuscated-looking) file name, so SABnzbd keeps the name. */
function release(name, { bytes = 300_000, articleSize = 50_000 } = {}) {
  const content = randomBytes(bytes);
  return { content, fileName: `${name}.mkv`, ...buildRelease({ name, files: [{ name: `${name}.mkv`, content }], articleSize }) };
}

describe("AutoArr against a real SABnzbd 4.5", { skip: !binary, timeout: 420_000 }, () => {
  let persistDir;
  let stack;
  let token;
  let sab;
  /** Every secret the stack was handed, none of which may ever reach its logs. */
  const secrets = new Set();
  /** A pairing code and the secret inside it (as test/stack/local-stack.test.mjs reads it). */
  const pairingSecrets = (code) => [code, JSON.parse(Buffer.from(code.slice(5), "base64url").toString()).secret];
  const inIni = (setting) => canonical(iniValue(sab.readIni(), setting));

  const request = async (method, route, body) => {
    const response = await fetch(`${stack.url}${route}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body ? { "Content-Type": "application/json" } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    let json = null;
    try {
      json = JSON.parse(text);
    } catch {}
    return { status: response.status, body: json ?? text, retryAfter: Number(response.headers.get("Retry-After") ?? NaN) };
  };
  const get = (route) => request("GET", route);
  const post = (route, body) => request("POST", route, body ?? {});
  /**
   * One two-minute check, as the hub's alarm runs it, through "check now". The route allows 10 a minute per tenant and
   * these scenarios run more: a 429 is waited out as its Retry-After says, as any client should.
   */
  const check = async () => {
    for (;;) {
      const started = Date.now();
      const { status, body, retryAfter } = await post("/api/v1/recovery/check");
      if (status === 429 && Number.isFinite(retryAfter)) {
        await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
        continue;
      }
      assert.equal(status, 200, JSON.stringify(body));
      return Date.now() - started;
    }
  };
  const services = async () => (await get("/health")).body.services;
  const audit = async () => {
    const { status, body } = await post("/api/v1/config/audit", { apps: ["sabnzbd"], refresh: true });
    assert.equal(status, 201, JSON.stringify(body));
    assert.equal(body.apps.sabnzbd.status, "ok", JSON.stringify(body.apps.sabnzbd));
    return body.apps.sabnzbd.recommendations;
  };
  const changesOf = async (recommendationId) => (await get("/api/v1/config/history")).body.items.filter((c) => c.recommendationId === recommendationId);
  const signIn = async () => {
    const response = await fetch(`${stack.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(stack.demo),
    });
    token = (await response.json()).accessToken;
  };
  /** Points the connector at another real SABnzbd and stops the one before. */
  const connectTo = async (realSab) => {
    const previous = sab;
    sab = realSab;
    secrets.add(sab.apiKey).add(sab.nzbKey);
    await stack.useApps({ apps: { sabnzbd: { url: sab.url, apiKey: sab.apiKey } }, timeoutMs: CONNECTOR_TIMEOUT_MS });
    for (const secret of pairingSecrets(stack.pairingCode)) secrets.add(secret);
    await previous?.stop();
  };
  /** As Sonarr hands SABnzbd a release: mode=addurl with the indexer's URL. */
  const addUrl = async (url) => {
    const added = await sab.api({ mode: "addurl", name: url, cat: "*" });
    assert.equal(added.status, true, JSON.stringify(added));
    return added.nzo_ids[0];
  };
  const sabHistory = async () => (await sab.api({ mode: "history", limit: 100 })).history.slots;
  /** The job's history entry once SABnzbd is done with it (a failed job is retryable only once post-processing ended). */
  const settled = (nzoId) =>
    sab.waitFor(
      async () => (await sabHistory()).find((h) => h.nzo_id === nzoId && ((h.status === "Completed" && h.storage) || (h.status === "Failed" && h.retry))),
      { timeoutMs: 90_000 },
    );
  /** Recoveries of these SABnzbd jobs, or of any job whose name holds the release's name (a retry is a new job). */
  const recoveriesFor = async (ids, releaseName) =>
    (await get("/api/v1/downloads/recoveries?limit=100")).body.items.filter(
      (r) => ids.includes(r.downloadId) || ids.includes(r.itemId) || (releaseName && r.title?.includes(releaseName)),
    );
  const detectionsFor = async (ids) => (await get("/api/v1/activity?kind=detection&limit=100")).body.items.filter((a) => ids.includes(a.data?.downloadId));
  const userHistory = async () => (await get("/api/v1/downloads/history?refresh=true")).body.items;
  const checks = async (count) => {
    for (let i = 0; i < count; i++) await check();
  };

  before(async () => {
    persistDir = mkdtempSync(path.join(tmpdir(), "autoarr-real-sab-"));
    sab = await startRealSabnzbd();
    stack = await startStack({
      port: await freePort(),
      connectorPort: await freePort(),
      persistDir,
      quiet: true,
      // The stack runs connector/dist: rebuild it (the web app only if it was never built).
      build: process.env.AUTOARR_SKIP_BUILD ? false : "connector",
      connector: { apps: { sabnzbd: { url: sab.url, apiKey: sab.apiKey } }, timeoutMs: CONNECTOR_TIMEOUT_MS },
      // The tests count the checks they run; the hub's own two-minute alarm would add some.
      extraVars: { CHECK_ALARMS: "off" },
    });
    for (const secret of [sab.apiKey, sab.nzbKey, ...pairingSecrets(stack.pairingCode)]) secrets.add(secret);
    await signIn();
  });
  after(async () => {
    await stack?.stop();
    await sab?.stop();
    if (persistDir) rmSync(persistDir, { recursive: true, force: true });
  });

  describe("a real default install (no news server)", () => {
    it("audits it as a fresh install really is: no news server, so nothing can ever download, which only the user can fix", async () => {
      // A real 4.5 default install has no [servers] section; fullstatus reports "servers": [] (trash-checklist.md).
      assert.equal(sab.readIni()["servers"], undefined);
      const missing = (await audit()).find((r) => r.ruleId === "sabnzbd.servers.configured");
      assert.ok(missing, "a finding says no news server is configured");
      assert.deepEqual([missing.priority, missing.fix, missing.status], ["high", "manual", "open"]);
    });

    it("applies and rolls back every applicable SABnzbd rule, each checked in the real sabnzbd.ini", async () => {
      const applicable = (await audit()).filter((r) => r.fix === "apply" && r.status === "open");
      assert.ok(
        applicable.some((r) => r.ruleId === "sabnzbd.post-processing.direct-unpack"),
        `direct unpack among ${applicable.map((r) => r.ruleId)}`,
      );
      const applied = [];
      for (const rec of applicable) {
        const before = inIni(rec.setting);
        const { status, body } = await post("/api/v1/config/apply", { recommendationId: rec.id });
        assert.equal(status, 200, `${rec.ruleId}: ${JSON.stringify(body)}`);
        const changes = await changesOf(rec.id);
        assert.ok(changes.length >= 1, `${rec.ruleId}: the change is in the config history`);
        for (const change of changes) {
          assert.notEqual(canonical(change.after), canonical(change.before), `${rec.ruleId}: ${change.setting} was really changed`);
          assert.equal(inIni(change.setting), canonical(change.after), `${rec.ruleId}: ${change.setting} in sabnzbd.ini after apply`);
        }
        assert.ok(
          changes.some((c) => c.setting === rec.setting),
          `${rec.ruleId}: its own setting ${rec.setting} was written`,
        );
        assert.equal(canonical(changes.find((c) => c.setting === rec.setting).before), before, `${rec.ruleId}: before is what sabnzbd.ini held`);
        applied.push({ rec, changes });
      }
      // A real 4.5 default install has direct_unpack = 0 and action_on_unwanted_extensions = 0, which blocks nothing
      // (trash-checklist.md): after every fix, sabnzbd.ini must hold the values that make them work.
      assert.equal(inIni("sabnzbd.config.misc.direct_unpack"), "1");
      assert.equal(inIni("sabnzbd.config.misc.action_on_unwanted_extensions"), "2", "executables in downloads fail the job");
      for (const { rec, changes } of applied.reverse()) {
        for (const change of changes) {
          const { status, body } = await post(`/api/v1/config/history/${change.id}/rollback`);
          assert.equal(status, 200, `${rec.ruleId} rollback of ${change.setting}: ${JSON.stringify(body)}`);
          assert.equal(inIni(change.setting), canonical(change.before), `${rec.ruleId}: ${change.setting} in sabnzbd.ini after rollback`);
        }
      }
    });

    it("applies after SABnzbd restarted between audit and apply (switches read 0/1 again) without a false 409; a value already set is refused", async () => {
      // Writes above leave SABnzbd answering switches as true/false; the restart makes it answer 0/1 again.
      const first = (await audit()).filter((r) => r.fix === "apply" && r.status === "open");
      const second = (await audit()).filter((r) => r.fix === "apply" && r.status === "open");
      assert.ok(first.length >= 2 && second.length === first.length, `${first.length} and ${second.length} findings`);
      const served = async () => (await sab.api({ mode: "get_config", section: "misc", keyword: "direct_unpack" })).config.misc.direct_unpack;
      assert.equal(await served(), false, "after the rollback's write the real SABnzbd serves the switch as false");
      assert.equal(first.find((r) => r.ruleId === "sabnzbd.post-processing.direct-unpack")?.currentValue, false, "and the audit saw it so");
      await sab.restart();
      assert.equal(await served(), 0, "after a restart the real SABnzbd serves it as 0");
      const answers = [];
      for (const rec of first) {
        const { status, body } = await post("/api/v1/config/apply", { recommendationId: rec.id });
        answers.push({ rule: rec.ruleId, status, ...(status === 200 ? {} : { message: body?.error?.message }) });
      }
      assert.deepEqual(
        answers.filter((a) => a.status !== 200),
        [],
        `every apply after the restart succeeds: ${JSON.stringify(answers)}`,
      );
      for (const rec of first) {
        for (const change of await changesOf(rec.id)) {
          assert.equal(inIni(change.setting), canonical(change.after), `${rec.ruleId}: ${change.setting} in sabnzbd.ini`);
        }
      }
      const again = second.find((r) => r.ruleId === first[0].ruleId);
      const refused = await post("/api/v1/config/apply", { recommendationId: again.id });
      assert.equal(refused.status, 409, JSON.stringify(refused.body));
      assert.match(refused.body.error.message, /already set/);
      for (const rec of first)
        for (const change of await changesOf(rec.id))
          if (!change.rolledBackAt) assert.equal((await post(`/api/v1/config/history/${change.id}/rollback`)).status, 200, change.setting);
    });

    it("blames a frozen SABnzbd, not the connector, within about one connector timeout, and is healthy again once it resumes", async () => {
      assert.equal((await services()).sabnzbd?.state, "closed");
      sab.freeze();
      let frozenFor;
      try {
        const started = Date.now();
        const queue = await get("/api/v1/downloads/queue?refresh=true");
        const queueMs = Date.now() - started;
        const checkMs = await check();
        frozenFor = { queueMs, checkMs, queue };
        // The connector itself answers throughout.
        assert.equal((await fetch(`${stack.connectorUrl}/healthz`)).status, 200);
        const overall = (await get("/health")).body;
        assert.equal(overall.status, "degraded", "the only app is down, so AutoArr is not ok");
        assert.equal((await get("/health/sabnzbd")).status, 503);
        const health = overall.services;
        assert.equal(health.connector?.state, "closed", `the connector's breaker stays closed: ${JSON.stringify(health.connector)}`);
        assert.match(health.sabnzbd?.lastError ?? "", /SABnzbd/, JSON.stringify(health.sabnzbd));
        assert.doesNotMatch(health.sabnzbd?.lastError ?? "", /connector/i, JSON.stringify(health.sabnzbd));
        assert.match(JSON.stringify(queue.body), /SABnzbd/, JSON.stringify(queue.body));
        assert.doesNotMatch(JSON.stringify(queue.body), /connector is unreachable/i);
      } finally {
        sab.resume();
      }
      const resumedAt = Date.now();
      await until(
        "SABnzbd healthy again after a check",
        async () => {
          await check();
          const health = (await services()).sabnzbd;
          return health?.state === "closed" && Date.parse(health.lastSuccessAt) >= resumedAt - 1000;
        },
        { timeoutMs: 90_000, everyMs: 1000 },
      );
      assert.equal((await services()).connector?.state, "closed");
      assert.equal((await get("/health")).body.status, "ok");
      assert.equal((await get("/health/sabnzbd")).status, 200);
      // About one connector timeout, not one per retry (issue #15: 3 × 10 s with the default timeout).
      const limit = CONNECTOR_TIMEOUT_MS + 3000;
      assert.ok(frozenFor.queueMs < limit, `the queue answered in ${frozenFor.queueMs} ms: ${JSON.stringify(frozenFor.queue.body)}`);
      assert.ok(frozenFor.checkMs < limit, `the check ran in ${frozenFor.checkMs} ms`);
    });
  });

  describe("downloads from a real news server (the test bed's NNTP server and indexer)", () => {
    const user = { username: "autoarr", password: randomBytes(8).toString("hex") };
    let nntp;
    let indexer;
    const fetchesOf = (name) => indexer.requests().filter((line) => line.includes(`/nzb/${encodeURIComponent(name)}.nzb`)).length;

    before(async () => {
      nntp = await startNntpServer(user);
      indexer = await startIndexer();
      await connectTo(await startRealSabnzbd({ servers: [{ host: nntp.host, port: nntp.port, ...user }] }));
    });
    after(async () => {
      await nntp?.close();
      await indexer?.close();
    });

    it("audits a SABnzbd with a news server without a missing-server finding", async () => {
      assert.ok(
        Object.keys(sab.readIni()).some((section) => section.startsWith("servers.")),
        "sabnzbd.ini has a [[server]]",
      );
      const found = (await audit()).map((r) => r.ruleId);
      assert.ok(!found.includes("sabnzbd.servers.configured"), found.join(", "));
      assert.ok(!found.includes("sabnzbd.servers.enabled"), found.join(", "));
    });

    it("completes a download: the file in complete_dir is byte-identical, and AutoArr has nothing to recover", async () => {
      const r = release("Real.Show.S01E01.1080p");
      nntp.addArticles(r.articles);
      const id = await addUrl(indexer.serve(r.name, r.nzbXml));
      const slot = await settled(id);
      assert.equal(slot.status, "Completed", slot.fail_message);
      assert.ok(readFileSync(downloadedFile(slot, r.fileName)).equals(r.content), "the downloaded file is byte-identical");
      await checks(3);
      assert.deepEqual(await recoveriesFor([id], r.name), []);
      assert.deepEqual(await detectionsFor([id]), []);
      assert.equal((await userHistory()).find((h) => h.downloadId === id)?.status, "completed");
    });

    it("missing articles: the real failure is recorded once, with SABnzbd's own reason, and never retried", async () => {
      const r = release("Real.Show.S01E02.1080p", { articleSize: 10_000 });
      // Half of its 30 articles are not on the server (it answers 430). SABnzbd fails a job without par2 only when
      // more than 5 articles are bad (trash-checklist.md: 4 missing of 20 ended Completed, with holes).
      nntp.addArticles(r.articles.filter((_, index) => index % 2 === 0));
      const id = await addUrl(indexer.serve(r.name, r.nzbXml));
      const slot = await settled(id);
      assert.equal(slot.status, "Failed");
      assert.match(slot.fail_message, /^Aborted, cannot be completed|^Download failed - Not on your server/);
      await checks(4);
      const recoveries = await recoveriesFor([id], r.name);
      assert.equal(recoveries.length, 1, `one recovery over four checks: ${JSON.stringify(recoveries)}`);
      assert.equal(recoveries[0].failureReason, slot.fail_message);
      assert.notEqual(recoveries[0].strategy, "retry_download", "a broken release is not retried in SABnzbd");
      const detections = await detectionsFor([id]);
      assert.equal(detections.length, 1, `announced once: ${JSON.stringify(detections)}`);
      assert.ok(detections[0].message.includes(slot.fail_message), detections[0].message);
      // SABnzbd's side: still the one failed job, fetched once from the indexer.
      const jobs = (await sabHistory()).filter((h) => h.name.includes(r.name));
      assert.deepEqual(
        jobs.map((h) => [h.nzo_id, h.status]),
        [[id, "Failed"]],
      );
      assert.equal(fetchesOf(r.name), 1);
      const shown = (await userHistory()).find((h) => h.downloadId === id);
      assert.deepEqual([shown?.status, shown?.reason], ["failed", slot.fail_message]);
    });

    it("missing articles with no Sonarr or Radarr paired: the recovery claims no search AutoArr could not make", async () => {
      const [recovery] = (await get("/api/v1/downloads/recoveries?limit=100")).body.items.filter((r) => /Real\.Show\.S01E02/.test(r.title ?? ""));
      assert.ok(recovery, "the missing-articles recovery");
      assert.ok(
        !["mark_failed_and_search", "blocklist_and_search", "search_again", "search_lower_quality"].includes(recovery.strategy),
        `nothing could be marked or searched, yet: ${recovery.strategy} (${recovery.why})`,
      );
      assert.notEqual(recovery.outcome, "succeeded");
    });

    it("indexer 404: SABnzbd's 'File not on server' is recorded once and never retried (one fetch)", async () => {
      const r = release("Real.Show.S01E03.1080p");
      const url = indexer.serve(r.name, r.nzbXml);
      indexer.forget(r.name);
      const id = await addUrl(url);
      const slot = await settled(id);
      assert.equal(slot.fail_message, "URL Fetching failed; File not on server");
      await checks(4);
      const recoveries = await recoveriesFor([id], r.name);
      assert.equal(recoveries.length, 1, JSON.stringify(recoveries));
      assert.equal(recoveries[0].failureReason, "URL Fetching failed; File not on server");
      assert.notEqual(recoveries[0].strategy, "retry_download");
      assert.equal(fetchesOf(r.name), 1, `the indexer was asked: ${indexer.requests()}`);
      assert.deepEqual(
        (await sabHistory()).filter((h) => h.name.includes(r.name)).map((h) => [h.nzo_id, h.status]),
        [[id, "Failed"]],
      );
    });

    it("a retry yields a new nzo_id: AutoArr follows it, counts the attempts, and says succeeded only once the download completed", async () => {
      const r = release("Real.Show.S01E04.1080p");
      nntp.addArticles(r.articles);
      const flaky = await startFlakyIndexer(r.name, r.nzbXml, 2);
      try {
        const jobs = async () => (await sabHistory()).filter((h) => h.name.includes(r.name));
        const first = await addUrl(flaky.url);
        assert.equal((await settled(first)).fail_message, "URL Fetching failed; Server could not complete request");
        await check();
        // SABnzbd gave the retried job a new id and dropped the old entry (sabnzbd/api.py retry_job); it fails again.
        const second = await sab.waitFor(async () => (await jobs()).find((h) => h.nzo_id !== first && h.status === "Failed" && h.retry), { timeoutMs: 60_000 });
        assert.ok(!(await jobs()).some((h) => h.nzo_id === first), "the old entry is gone");
        const afterFirst = await recoveriesFor([first]);
        assert.deepEqual(
          afterFirst.map((x) => [x.strategy, x.attempt]),
          [["retry_download", 1]],
        );
        await check();
        const third = await sab.waitFor(
          async () => (await jobs()).find((h) => h.nzo_id !== first && h.nzo_id !== second.nzo_id && h.status === "Completed" && h.storage),
          { timeoutMs: 60_000 },
        );
        assert.ok(readFileSync(downloadedFile(third, r.fileName)).equals(r.content), "the retried download is byte-identical");
        await checks(2);
        const recoveries = (await recoveriesFor([first, second.nzo_id, third.nzo_id], r.name)).sort((a, b) => a.attempt - b.attempt);
        assert.deepEqual(
          recoveries.map((x) => [x.strategy, x.attempt]),
          [
            ["retry_download", 1],
            ["retry_download", 2],
          ],
          JSON.stringify(recoveries),
        );
        assert.equal(flaky.fetches(), 3, "one fetch per attempt, and none after the download completed");
        assert.notEqual(recoveries[0].outcome, "succeeded", "the first retry failed again in SABnzbd");
        assert.equal(recoveries[1].outcome, "succeeded");
      } finally {
        await flaky.close();
      }
    });

    it("'Why isn't it here?' names a download the real SABnzbd failed, in SABnzbd's own words, and offers its retry", async () => {
      // Sonarr cannot run here, so the simulated one grabs the release; the job it names is in the real SABnzbd.
      const { startSimulators } = await import(pathToFileURL(path.join(ROOT, "connector/dist/simulators/index.js")).href);
      const simulators = await startSimulators({ profile: "well-configured" });
      const r = release("Real.Show.S01E04.1080p", { articleSize: 10_000 });
      nntp.addArticles(r.articles.filter((_, index) => index % 2 === 0));
      const id = await addUrl(indexer.serve(r.name, r.nzbXml));
      const slot = await settled(id);
      assert.equal(slot.status, "Failed");
      const sonarr = { url: simulators.urls.sonarr, apiKey: simulators.keys.sonarr };
      secrets.add(sonarr.apiKey);
      try {
        await stack.useApps({ apps: { sabnzbd: { url: sab.url, apiKey: sab.apiKey }, sonarr }, timeoutMs: CONNECTOR_TIMEOUT_MS });
        for (const secret of pairingSecrets(stack.pairingCode)) secrets.add(secret);
        const scenario = await fetch(`${simulators.urls.sonarr}/__sim/diagnosis-scenario`, {
          method: "POST",
          body: JSON.stringify({ scenario: "download-failed", downloadId: id }),
        }).then((response) => response.json());
        const { seriesId, seasonNumber, episodeNumber } = scenario.target;
        const { status, body } = await post("/api/v1/diagnose", { sonarrSeriesId: seriesId, seasonNumber, episodeNumber });
        assert.equal(status, 200, JSON.stringify(body));
        assert.deepEqual([body.verdict.status, body.verdict.step], ["broken", "download"], body.verdict.summary);
        assert.equal(body.verdict.summary, `SABnzbd failed the download: ${slot.fail_message}`);
        assert.equal(body.steps.find((step) => step.id === "download").where, `SABnzbd · job ${id}`);
        assert.deepEqual(
          body.fixes.map((fix) => [fix.action, fix.params.nzoId ?? null]),
          [
            ["retry-download", id],
            ["mark-failed", null],
          ],
        );
      } finally {
        await stack.useApps({ apps: { sabnzbd: { url: sab.url, apiKey: sab.apiKey } }, timeoutMs: CONNECTOR_TIMEOUT_MS });
        for (const secret of pairingSecrets(stack.pairingCode)) secrets.add(secret);
        await simulators.close();
      }
    });
  });

  describe("news-server trouble: the real SABnzbd's job stalls, and AutoArr alerts once with the real reason", () => {
    let indexer;
    const servers = [];
    /** One SABnzbd per kind of trouble, each with a job that cannot progress; started together so their waits overlap. */
    const troubled = {};

    before(async () => {
      indexer = await startIndexer();
      const refusing = await startNntpServer({ username: "autoarr", password: "right" });
      refusing.setBehaviour({ refuseLogin: 481 });
      const hanging = await startNntpServer();
      hanging.setBehaviour({ hang: true });
      servers.push(refusing, hanging);
      const setups = {
        login: { host: refusing.host, port: refusing.port, username: "autoarr", password: "right" },
        unreachable: { host: "127.0.0.1", port: await freePort() },
        hang: { host: hanging.host, port: hanging.port },
      };
      await Promise.all(
        Object.entries(setups).map(async ([kind, server], index) => {
          const real = await startRealSabnzbd({ servers: [server] });
          const r = release(`Real.Show.S02E0${index + 1}.1080p`);
          const added = await real.api({ mode: "addurl", name: indexer.serve(r.name, r.nzbXml), cat: "*" });
          troubled[kind] = { sab: real, id: added.nzo_ids[0] };
        }),
      );
    });
    after(async () => {
      for (const { sab: real } of Object.values(troubled)) if (real !== sab) await real.stop();
      for (const server of servers) await server.close();
      await indexer?.close();
    });

    /** Points AutoArr at the troubled SABnzbd and runs checks until it acts on the stalled job, then three more. */
    async function stalledJob(kind, warned) {
      const { sab: real, id } = troubled[kind];
      await connectTo(real);
      await sab.waitFor(async () => (await sab.api({ mode: "queue" })).queue.slots.some((q) => q.nzo_id === id && q.status === "Downloading"));
      // SABnzbd's own account of the trouble, when it gives one (long there by the third two-minute check in real life).
      if (warned) await sab.waitFor(async () => (await sab.api({ mode: "warnings" })).warnings.some((w) => warned.test(w.text ?? w)), { timeoutMs: 60_000 });
      let recoveries = [];
      for (let i = 0; i < 8 && recoveries.length === 0; i++) {
        await check();
        recoveries = await recoveriesFor([id]);
      }
      await checks(3);
      return recoveriesFor([id]);
    }
    const sayOnce = (recoveries, reason) => {
      assert.equal(recoveries.length, 1, JSON.stringify(recoveries));
      const [recovery] = recoveries;
      assert.match(`${recovery.failureReason} ${recovery.why}`, reason, JSON.stringify(recovery));
      assert.notEqual(recovery.strategy, "retry_download");
    };

    it("login refused: the stall alert says the news server refused the login", async () => {
      sayOnce(await stalledJob("login", /Failed login/), /Failed login|481|Authentication failed/i);
    });

    it("server unreachable: the stall alert says SABnzbd cannot connect to the news server", async () => {
      sayOnce(await stalledJob("unreachable", /Cannot connect to server/), /Cannot connect to server/i);
    });

    it("a hanging news server: the job is reported stalled once", async () => {
      sayOnce(await stalledJob("hang", null), /No progress|stalled/i);
    });
  });

  it("never wrote a SABnzbd key or the connector's pairing code to the logs of the Worker, the hub or the connector", () => {
    const logs = stack.logs();
    assert.ok(logs.includes("tool call"), "the connector's logs were captured");
    for (const secret of secrets) assert.ok(!logs.includes(secret), "a secret appears in the logs");
  });
});
