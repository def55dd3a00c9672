// The real test bed's fixtures (test/realbed/) speak the real protocols: checked over raw sockets, then by the real
// SABnzbd 4.5 (Debian's sabnzbdplus) downloading through them. The failure texts asserted here are what SABnzbd 4.5.0
// really answered; each test names the source line in /usr/share/sabnzbdplus/sabnzbd/ that writes it.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import net from "node:net";
import { dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";
import tls from "node:tls";
import { crc32 } from "node:zlib";
import { freePort } from "../../scripts/lib/free-port.mjs";
import { startIndexer } from "../realbed/indexer.mjs";
import { startNntpServer } from "../realbed/nntp-server.mjs";
import { buildRelease } from "../realbed/nzb.mjs";
import { par2Files } from "../realbed/par2.mjs";
import { sabnzbdBinary, startRealSabnzbd } from "../realbed/sabnzbd.mjs";
import { selfSignedCertificate } from "../realbed/tls-cert.mjs";
import { yencEncodePart } from "../realbed/yenc.mjs";

const binary = sabnzbdBinary();
const skipReal = binary ? false : "SKIPPING real SABnzbd tests: sabnzbdplus not found (install it with scripts/install-sabnzbd.sh)";
if (skipReal) console.warn(skipReal);
const certificate = selfSignedCertificate();
if (!certificate) console.warn("SKIPPING the NNTP-over-TLS tests: openssl not found");

/** A raw NNTP client that reads status lines and multi-line blocks with a deadline. */
function rawClient(port, { secure = false } = {}) {
  const socket = secure ? tls.connect({ host: "127.0.0.1", port, rejectUnauthorized: false }) : net.connect(port, "127.0.0.1");
  let buffer = Buffer.alloc(0);
  let closed = false;
  let wake = () => {};
  socket.on("data", (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    wake();
  });
  socket.on("close", () => {
    closed = true;
    wake();
  });
  socket.on("error", () => {});
  /** Waits until `take(buffer)` returns a length ≥ 0, then consumes that many bytes and returns them. */
  const read = async (take, timeoutMs = 5000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const length = take(buffer);
      if (length >= 0) {
        const taken = buffer.subarray(0, length);
        buffer = buffer.subarray(length);
        return taken;
      }
      if (closed) throw new Error(`connection closed; unread: ${JSON.stringify(buffer.toString("latin1"))}`);
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`no answer within ${timeoutMs} ms; unread: ${JSON.stringify(buffer.toString("latin1"))}`);
      await new Promise((resolve) => {
        wake = resolve;
        setTimeout(resolve, remaining);
      });
    }
  };
  const line = async (timeoutMs) =>
    (
      await read((data) => {
        const end = data.indexOf("\r\n");
        return end === -1 ? -1 : end + 2;
      }, timeoutMs)
    )
      .toString("latin1")
      .slice(0, -2);
  /** The raw dot-stuffed block up to and including its ".\r\n" terminator. */
  const block = () =>
    read((data) => {
      if (data.subarray(0, 3).toString("latin1") === ".\r\n") return 3;
      const end = data.indexOf("\r\n.\r\n");
      return end === -1 ? -1 : end + 5;
    });
  return {
    socket,
    line,
    block,
    /** @param {string} command */
    ask: async (command, timeoutMs) => {
      socket.write(`${command}\r\n`);
      return line(timeoutMs);
    },
    isClosed: () => closed,
    close: () => socket.destroy(),
  };
}

/** Undoes dot-stuffing and drops the terminator (RFC 3977 §3.1.1). @param {Buffer} raw */
const unstuff = (raw) =>
  Buffer.from(
    raw
      .toString("latin1")
      .slice(0, -3)
      .replace(/(^|\r\n)\.\./g, "$1."),
    "latin1",
  );

/** A yEnc decoder written from the yEnc 1.3 draft, to read back what the fixture serves. @param {Buffer} body */
function yencDecode(body) {
  const lines = body.toString("latin1").split("\r\n");
  const header = Object.fromEntries(
    [
      ...lines
        .filter((text) => /^=y(begin|part|end) /.test(text))
        .join(" ")
        .matchAll(/(\w+)=(\S+)/g),
    ].map((m) => [m[1], m[2]]),
  );
  const bytes = [];
  for (const text of lines.filter((candidate) => candidate && !candidate.startsWith("=y"))) {
    for (let index = 0; index < text.length; index++) {
      let code = text.charCodeAt(index);
      if (code === 0x3d) code = text.charCodeAt(++index) - 64;
      bytes.push((code - 42 + 256) & 0xff);
    }
  }
  return { header, data: Buffer.from(bytes) };
}

// Names SABnzbd does not take for obfuscated (deobfuscate_filenames.py is_probably_obfuscated), so it keeps them.
const randomFiles = (...sizes) => sizes.map((size, index) => ({ name: `Realbed.File${index + 1}.bin`, content: randomBytes(size) }));

// The suites run side by side: the failure scenarios wait on SABnzbd's 20 s minimum server timeout.
describe("the real test bed (test/realbed/)", { concurrency: true }, () => {
  describe("the real test bed's NNTP server, over a raw socket", { concurrency: false }, () => {
    let nntp;
    const rawFiles = randomFiles(5000);
    const release = buildRelease({ name: "Raw.Socket.Release", files: rawFiles, articleSize: 3000 });
    const dotted = Buffer.from("From: a@b\r\nMessage-ID: <dots@test>\r\n\r\n.leading dot\r\n..two dots\r\nplain\r\n", "latin1");

    before(async () => {
      nntp = await startNntpServer({ articles: [...release.articles, ["dots@test", dotted]], username: "reader", password: "s3cret" });
    });
    after(() => nntp?.close());

    it("greets, lists its capabilities and enforces the AUTHINFO sequence (RFC 4643)", async () => {
      const client = rawClient(nntp.port);
      try {
        assert.match(await client.line(), /^200 /);
        assert.match(await client.ask("CAPABILITIES"), /^101 /);
        const capabilities = (await client.block()).toString("latin1");
        for (const capability of ["VERSION 2", "READER", "AUTHINFO USER"]) assert.ok(capabilities.includes(`${capability}\r\n`), capabilities);
        assert.match(await client.ask(`BODY <${release.articles[0][0]}>`), /^480 /);
        assert.match(await client.ask("AUTHINFO PASS s3cret"), /^482 /);
        assert.match(await client.ask("AUTHINFO USER reader"), /^381 /);
        assert.match(await client.ask("AUTHINFO PASS wrong"), /^481 /);
        assert.match(await client.ask("authinfo user reader"), /^381 /);
        assert.match(await client.ask("authinfo pass s3cret"), /^281 /);
        assert.match(await client.ask("AUTHINFO USER reader"), /^502 /);
        assert.match(await client.ask("MODE READER"), /^20[01] /);
        assert.match(await client.ask("DATE"), /^111 \d{14}$/);
        assert.match(await client.ask("GROUP alt.binaries.autoarr"), /^211 \d+ \d+ \d+ alt\.binaries\.autoarr$/);
        assert.match(await client.ask("GROUP alt.nowhere"), /^411 /);
        assert.match(await client.ask("STAT <nobody@nowhere>"), /^430 /);
        assert.equal(await client.ask(`STAT <${release.articles[0][0]}>`), `223 0 <${release.articles[0][0]}>`);
        assert.match(await client.ask("XYZZY"), /^500 /);
        assert.match(await client.ask("QUIT"), /^205 /);
        assert.ok(nntp.commandsSeen().includes("authinfo pass ****"), "passwords are masked in commandsSeen");
        assert.ok(!nntp.commandsSeen().some((command) => command.includes("s3cret")));
      } finally {
        client.close();
      }
    });

    it("dot-stuffs lines that start with '.', ends blocks with '.\\r\\n', and serves HEAD/BODY/ARTICLE", async () => {
      const client = rawClient(nntp.port);
      try {
        await client.line();
        await client.ask("AUTHINFO USER reader");
        await client.ask("AUTHINFO PASS s3cret");
        assert.equal(await client.ask("BODY <dots@test>"), "222 0 <dots@test>");
        assert.equal((await client.block()).toString("latin1"), "..leading dot\r\n...two dots\r\nplain\r\n.\r\n");
        assert.equal(await client.ask("HEAD <dots@test>"), "221 0 <dots@test>");
        assert.equal(unstuff(await client.block()).toString("latin1"), "From: a@b\r\nMessage-ID: <dots@test>\r\n");
        assert.equal(await client.ask("ARTICLE <dots@test>"), "220 0 <dots@test>");
        assert.equal(unstuff(await client.block()).toString("latin1"), dotted.toString("latin1"));
      } finally {
        client.close();
      }
    });

    it("serves yEnc bodies that decode back to the file, part by part, CRCs included", async () => {
      const client = rawClient(nntp.port);
      try {
        await client.line();
        await client.ask("AUTHINFO USER reader");
        await client.ask("AUTHINFO PASS s3cret");
        const parts = [];
        for (const [messageId] of release.articles) {
          assert.match(await client.ask(`BODY <${messageId}>`), /^222 /);
          parts.push(yencDecode(unstuff(await client.block())));
        }
        assert.equal(parts.length, 2);
        assert.deepEqual(
          parts.map((part) => [part.header.part, part.header.total, part.header.begin, part.header.end, part.header.size]),
          [
            ["1", "2", "1", "3000", "3000"],
            ["2", "2", "3001", "5000", "2000"],
          ],
        );
        assert.equal(parts[0].header.name, "Realbed.File1.bin");
        for (const part of parts) assert.equal(part.header.pcrc32, crc32(part.data).toString(16).padStart(8, "0"));
        assert.equal(parts[1].header.crc32, crc32(rawFiles[0].content).toString(16).padStart(8, "0"));
        assert.ok(Buffer.concat(parts.map((part) => part.data)).equals(rawFiles[0].content));
      } finally {
        client.close();
      }
    });

    it("escapes every byte yEnc must escape (NUL, LF, CR, '=', a leading TAB/SPACE/'.')", () => {
      // Each of these bytes becomes a critical character once 42 is added.
      const critical = Buffer.from([0x00 - 42 + 256, 0x0a - 42 + 256, 0x0d - 42 + 256, 0x3d - 42]);
      for (const leading of [0x09 - 42 + 256, 0x20 - 42 + 256, 0x2e - 42]) {
        const data = Buffer.concat([Buffer.from([leading]), critical]);
        const encoded = yencEncodePart({ data, fileName: "x.bin", part: 1, total: 1, begin: 1, end: data.length, fileSize: data.length });
        const bodyLine = encoded.toString("latin1").split("\r\n")[2];
        assert.equal(bodyLine, `=${String.fromCharCode(((leading + 42) & 0xff) + 64)}=@=J=M=}`);
        assert.ok(yencDecode(encoded).data.equals(data));
      }
    });

    it("applies its behaviours: missing, refused login, delay, drop, hang", async () => {
      const [messageId] = release.articles[0];
      const client = rawClient(nntp.port);
      try {
        await client.line();
        await client.ask("AUTHINFO USER reader");
        await client.ask("AUTHINFO PASS s3cret");
        nntp.setBehaviour({ missing: new Set([messageId]) });
        assert.match(await client.ask(`BODY <${messageId}>`), /^430 /);
        nntp.setBehaviour({ missing: new Set(), delayMs: 300 });
        const started = Date.now();
        assert.match(await client.ask(`STAT <${messageId}>`), /^223 /);
        assert.ok(Date.now() - started >= 290, "the answer was delayed");
        nntp.setBehaviour({ delayMs: 0, refuseLogin: true });
      } finally {
        client.close();
      }
      const refused = rawClient(nntp.port);
      try {
        await refused.line();
        assert.match(await refused.ask("AUTHINFO USER reader"), /^381 /);
        assert.match(await refused.ask("AUTHINFO PASS s3cret"), /^481 /);
        nntp.setBehaviour({ refuseLogin: 502 });
        assert.equal(await refused.ask("AUTHINFO USER reader"), "502 Access denied");
      } finally {
        refused.close();
      }
      nntp.setBehaviour({ refuseLogin: false, dropAfterCommands: 1 });
      const dropped = rawClient(nntp.port);
      try {
        await dropped.line();
        assert.match(await dropped.ask("DATE"), /^111 /);
        await assert.rejects(dropped.ask("DATE"), /connection closed/);
        nntp.setBehaviour({ dropAfterCommands: undefined, hang: true });
      } finally {
        dropped.close();
      }
      const hung = rawClient(nntp.port);
      try {
        await assert.rejects(hung.line(500), /no answer within 500 ms/);
        assert.equal(hung.isClosed(), false, "a hanging server keeps the connection open");
      } finally {
        hung.close();
        nntp.setBehaviour({ hang: false });
      }
    });

    it("speaks NNTP over TLS with a runtime-generated certificate", { skip: certificate ? false : "openssl not found" }, async () => {
      const secure = await startNntpServer({ articles: release.articles, tls: certificate });
      const client = rawClient(secure.port, { secure: true });
      try {
        assert.match(await client.line(), /^200 /);
        assert.match(await client.ask(`STAT <${release.articles[1][0]}>`), /^223 /);
      } finally {
        client.close();
        await secure.close();
      }
    });

    it("closes at once even with a TLS handshake left half-done", { skip: certificate ? false : "openssl not found" }, async () => {
      const secure = await startNntpServer({ tls: certificate });
      const plain = net.connect(secure.port, "127.0.0.1");
      try {
        await new Promise((resolve) => plain.once("connect", resolve));
        const closed = await Promise.race([secure.close().then(() => "closed"), new Promise((resolve) => setTimeout(resolve, 3000, "still open"))]);
        assert.equal(closed, "closed");
      } finally {
        plain.destroy();
      }
    });
  });

  describe("the real test bed's indexer", { concurrency: false }, () => {
    it("serves an NZB as an attachment and 404s once it is forgotten or for anything else", async () => {
      const indexer = await startIndexer();
      try {
        const release = buildRelease({ name: "Indexer.Release", files: randomFiles(100) });
        const nzbUrl = indexer.serve(release.name, release.nzbXml);
        assert.equal(nzbUrl, `${indexer.url}/nzb/Indexer.Release.nzb`);
        const served = await fetch(nzbUrl);
        assert.equal(served.status, 200);
        assert.equal(served.headers.get("content-type"), "application/x-nzb");
        assert.equal(served.headers.get("content-disposition"), 'attachment; filename="Indexer.Release.nzb"');
        assert.equal(await served.text(), release.nzbXml);
        assert.equal((await fetch(`${indexer.url}/api?t=search`)).status, 404);
        indexer.forget(release.name);
        assert.equal((await fetch(nzbUrl)).status, 404);
        assert.deepEqual(indexer.requests(), ["GET /nzb/Indexer.Release.nzb", "GET /api?t=search", "GET /nzb/Indexer.Release.nzb"]);
      } finally {
        await indexer.close();
      }
    });
  });

  /**
   * The history slot of a job once it is Completed or Failed and post-processed. History lists jobs still in
   * post-processing too, with `loaded` = pp_active and `storage` "" (api.py build_history), and a job is "Completed"
   * there before its final folder is known (postproc.py process_job sets the status, then writes the history row).
   */
  const finished = (sab, nzoId, timeoutMs = 60_000) =>
    sab.waitFor(
      async () => {
        const { history } = await sab.api({ mode: "history" });
        return history.slots.find(
          (slot) => slot.nzo_id === nzoId && !slot.loaded && (slot.status === "Failed" || (slot.status === "Completed" && slot.storage !== "")),
        );
      },
      { timeoutMs },
    );

  // A stage's actions; SABnzbd joins the Download stage's lines into one action with "<br/>" (nzbstuff.py set_download_report).
  const stageActions = (slot, stage) => (slot.stage_log.find((entry) => entry.name === stage)?.actions ?? []).flatMap((action) => action.split("<br/>"));

  describe("a real SABnzbd downloading through the fixtures", { skip: skipReal, concurrency: true, timeout: 180_000 }, () => {
    let nntp;
    let fill;
    let indexer;
    let sab;

    before(async () => {
      [nntp, indexer, fill] = await Promise.all([
        startNntpServer({ username: "reader", password: "s3cret" }),
        startIndexer(),
        certificate ? startNntpServer({ tls: certificate }) : undefined,
      ]);
      const servers = [{ name: "main", host: nntp.host, port: nntp.port, username: "reader", password: "s3cret" }];
      // A lower-priority "fill" server over TLS: SABnzbd asks it only for articles the main server answers 430 to.
      if (fill) servers.push({ name: "fill-tls", host: fill.host, port: fill.port, ssl: true, priority: 1 });
      sab = await startRealSabnzbd({ servers });
    });
    after(async () => {
      await sab?.stop();
      await Promise.all([nntp?.close(), fill?.close(), indexer?.close()]);
    });

    // History's `storage` is the job's folder, or the file itself when the job ends with a single file.
    const jobFolder = (slot) => (statSync(slot.storage).isDirectory() ? slot.storage : dirname(slot.storage));
    const assertSameFiles = (slot, files) => {
      assert.ok(jobFolder(slot).startsWith(sab.completeDir), slot.storage);
      for (const file of files) assert.ok(readFileSync(join(jobFolder(slot), file.name)).equals(file.content), `${file.name} is byte-identical`);
    };

    it("downloads a 2-file release fetched from the indexer (mode=addurl), byte-identical", async () => {
      const files = randomFiles(300_000, 120_000);
      const release = buildRelease({ name: "Realbed.AddUrl.Release", files, articleSize: 64 * 1024 });
      nntp.addArticles(release.articles);
      const added = await sab.api({ mode: "addurl", name: indexer.serve(release.name, release.nzbXml) });
      assert.equal(added.status, true);
      const slot = await finished(sab, added.nzo_ids[0]);
      assert.equal(slot.status, "Completed", slot.fail_message);
      assert.equal(slot.fail_message, "");
      assertSameFiles(slot, files);
      // SABnzbd 4.5 logs in and sends BODY <id> only (newswrapper.py finish_connect/body): no CAPABILITIES, MODE READER or GROUP.
      const verbs = new Set(nntp.commandsSeen().map((command) => command.split(" ")[0].toUpperCase()));
      assert.ok(
        [...verbs].every((verb) => ["AUTHINFO", "BODY", "QUIT"].includes(verb)),
        [...verbs].join(","),
      );
      assert.ok(nntp.commandsSeen().includes("authinfo user reader"));
      assert.ok(nntp.commandsSeen().includes(`BODY <${release.articles[0][0]}>`));
    });

    it("fetches from the TLS fill server (ssl = 1, ssl_verify = 0) what the main server lacks", {
      skip: certificate ? false : "openssl not found",
    }, async () => {
      const files = randomFiles(150_000);
      const release = buildRelease({ name: "Realbed.Tls.Release", files, articleSize: 64 * 1024 });
      fill.addArticles(release.articles);
      assert.equal(sab.readIni()["servers.fill-tls"].ssl, "1");
      const slot = await finished(sab, (await sab.addFile(`${release.name}.nzb`, release.nzbXml)).nzo_ids[0]);
      assert.equal(slot.status, "Completed", slot.fail_message);
      assert.equal(slot.storage, join(sab.completeDir, release.name, files[0].name), "a single-file job's storage is the file");
      assertSameFiles(slot, files);
      assert.ok(
        stageActions(slot, "Servers").some((action) => /(^|, )fill-tls=\d/.test(action)),
        JSON.stringify(slot.stage_log),
      );
      assert.ok(nntp.commandsSeen().includes(`BODY <${release.articles[0][0]}>`), "the main server was asked first");
    });

    it("downloads a release uploaded as a multipart POST (mode=addfile), byte-identical", async () => {
      const files = randomFiles(200_000, 50_000);
      const release = buildRelease({ name: "Realbed.AddFile.Release", files, articleSize: 64 * 1024 });
      nntp.addArticles(release.articles);
      const added = await sab.addFile(`${release.name}.nzb`, release.nzbXml);
      assert.equal(added.status, true);
      const slot = await finished(sab, added.nzo_ids[0]);
      assert.equal(slot.status, "Completed", slot.fail_message);
      assertSameFiles(slot, files);
    });

    it("repairs a release with 1 article missing from its PAR2 recovery blocks", {
      skip: par2Files({ name: "probe", files: randomFiles(10) }) ? false : "par2 not found",
    }, async () => {
      const files = randomFiles(160_000);
      const name = "Realbed.Repairable.Release";
      const release = buildRelease({ name, files: [...files, ...par2Files({ name, files, redundancyPercent: 20, blockSize: 4096 })], articleSize: 16 * 1024 });
      nntp.addArticles(release.articles.filter(([messageId]) => !messageId.endsWith(".1.3@autoarr.test")));
      const slot = await finished(sab, (await sab.addFile(`${name}.nzb`, release.nzbXml)).nzo_ids[0]);
      assert.equal(slot.status, "Completed", slot.fail_message);
      assert.ok(stageActions(slot, "Download").includes("1 articles were missing"), JSON.stringify(slot.stage_log));
      assert.ok(
        stageActions(slot, "Repair").some((action) => /^\[Realbed\.Repairable\.Release\] Repaired in /.test(action)),
        JSON.stringify(slot.stage_log),
      );
      assertSameFiles(slot, files);
    });

    it('fails a release with 2 articles missing and too few PAR2 blocks: "Repair failed, not enough repair blocks (N short)"', {
      skip: par2Files({ name: "probe", files: randomFiles(10) }) ? false : "par2 not found",
    }, async () => {
      const files = randomFiles(300_000, 100_000);
      const name = "Realbed.TwoMissing.Release";
      const release = buildRelease({ name, files: [...files, ...par2Files({ name, files, redundancyPercent: 2, blockSize: 4096 })], articleSize: 64 * 1024 });
      const missing = [release.articles[1][0], release.articles[2][0]];
      nntp.addArticles(release.articles.filter(([messageId]) => !missing.includes(messageId)));
      const slot = await finished(sab, (await sab.addFile(`${name}.nzb`, release.nzbXml)).nzo_ids[0]);
      // newsunpack.py par2_repair: T("Repair failed, not enough repair blocks (%s short)")
      assert.equal(slot.status, "Failed");
      assert.match(slot.fail_message, /^Repair failed, not enough repair blocks \(\d+ short\)$/);
      assert.ok(stageActions(slot, "Download").includes("2 articles were missing"), JSON.stringify(slot.stage_log));
    });

    it("completes a release with 2 articles missing and no PAR2 — the damage shows only in its stage log", async () => {
      const files = randomFiles(300_000, 100_000);
      const release = buildRelease({ name: "Realbed.TwoMissing.NoPar2", files, articleSize: 64 * 1024 });
      nntp.addArticles(release.articles.filter((_, index) => index !== 1 && index !== 2));
      const slot = await finished(sab, (await sab.addFile(`${release.name}.nzb`, release.nzbXml)).nzo_ids[0]);
      // nzbstuff.py check_availability_ratio: up to MAX_BAD_ARTICLES (5) missing articles never abort a job.
      assert.equal(slot.status, "Completed");
      assert.equal(slot.fail_message, "");
      assert.ok(stageActions(slot, "Download").includes("2 articles were missing"), JSON.stringify(slot.stage_log));
      assert.equal(readFileSync(join(jobFolder(slot), files[0].name)).equals(files[0].content), false, "the damaged file is not the original");
    });

    it('aborts a release with more than 5 articles missing: "Aborted, cannot be completed - https://sabnzbd.org/not-complete"', async () => {
      const files = randomFiles(160_000);
      const release = buildRelease({ name: "Realbed.Hopeless.Release", files, articleSize: 16 * 1024 });
      nntp.addArticles(release.articles.slice(0, 3));
      const slot = await finished(sab, (await sab.addFile(`${release.name}.nzb`, release.nzbXml)).nzo_ids[0]);
      // nzbstuff.py register_article: T("Aborted, cannot be completed") + " - https://sabnzbd.org/not-complete"
      assert.equal(slot.status, "Failed");
      assert.equal(slot.fail_message, "Aborted, cannot be completed - https://sabnzbd.org/not-complete");
    });

    it('fails a release none of whose articles exist: "Download failed - Not on your server(s) - https://sabnzbd.org/not-complete"', async () => {
      const release = buildRelease({ name: "Realbed.Absent.Release", files: randomFiles(40_000), articleSize: 16 * 1024 });
      const slot = await finished(sab, (await sab.addFile(`${release.name}.nzb`, release.nzbXml)).nzo_ids[0]);
      // postproc.py process_job: T("Download failed - Not on your server(s)") + " - https://sabnzbd.org/not-complete"
      assert.equal(slot.status, "Failed");
      assert.equal(slot.fail_message, "Download failed - Not on your server(s) - https://sabnzbd.org/not-complete");
    });

    it('fails an NZB the indexer answers 404 for: "URL Fetching failed; File not on server"', async () => {
      const release = buildRelease({ name: "Realbed.Gone.Release", files: randomFiles(1000) });
      const nzbUrl = indexer.serve(release.name, release.nzbXml);
      indexer.forget(release.name);
      const added = await sab.api({ mode: "addurl", name: nzbUrl });
      const slot = await finished(sab, added.nzo_ids[0]);
      // urlgrabber.py: T("URL Fetching failed; %s") % T("File not on server")
      assert.equal(slot.status, "Failed");
      assert.equal(slot.fail_message, "URL Fetching failed; File not on server");
      assert.ok(indexer.requests().includes("GET /nzb/Realbed.Gone.Release.nzb"));
    });
  });

  describe("the real-SABnzbd launcher", { skip: skipReal, concurrency: false, timeout: 180_000 }, () => {
    let sab;
    before(async () => {
      sab = await startRealSabnzbd();
    });
    after(() => sab?.stop());

    it("without servers leaves a default install: no news server, only its paths, keys and check_new_rel written", async () => {
      const ini = sab.readIni();
      assert.equal(
        Object.keys(ini).some((section) => section === "servers" || section.startsWith("servers.")),
        false,
      );
      assert.equal(ini.misc.api_key, sab.apiKey);
      assert.equal(ini.misc.nzb_key, sab.nzbKey);
      assert.equal(ini.misc.check_new_rel, "0");
      // Defaults SABnzbd itself wrote on its first start (cfg.py).
      assert.equal(ini.misc.max_art_tries, "3");
      assert.equal(ini.misc.fail_hopeless_jobs, "1");
      // SABnzbd 4.5 answers an empty section as an empty config object, not as "servers": [].
      assert.deepEqual(await sab.api({ mode: "get_config", section: "servers" }), { config: {} });
      assert.deepEqual((await sab.api({ mode: "fullstatus", skip_dashboard: 1 })).status.servers, []);
    });

    it("freezes (no answer while stopped), resumes, and restarts on the same port keeping sabnzbd.ini", async () => {
      sab.freeze();
      try {
        await assert.rejects(fetch(`${sab.url}/api?mode=version&output=json`, { signal: AbortSignal.timeout(1500) }), { name: "TimeoutError" });
      } finally {
        sab.resume();
      }
      assert.match((await sab.api({ mode: "version" })).version, /^4\.5\./);
      await sab.api({ mode: "set_config", section: "misc", keyword: "direct_unpack", value: 1 });
      await sab.restart();
      assert.equal((await sab.api({ mode: "get_config", section: "misc", keyword: "direct_unpack" })).config.misc.direct_unpack, true);
      assert.equal(sab.readIni().misc.direct_unpack, "1");
    });
  });

  const warningTexts = async (sab) => (await sab.api({ mode: "warnings" })).warnings.map((warning) => warning.text);
  const serverStatus = async (sab, name) =>
    (await sab.api({ mode: "fullstatus", skip_dashboard: 1 })).status.servers.find((server) => server.servername === name);

  // One SABnzbd with three broken news servers of equal priority, each failing its own way; the job is offered to all.
  describe("a real SABnzbd whose news servers fail", { skip: skipReal, concurrency: false, timeout: 180_000 }, () => {
    let refusing;
    let hanging;
    let sab;
    let nzoId;
    const unreachable = "Cannot connect to server 127.0.0.1 [Server name does not resolve]";
    const ignored = "Server 127.0.0.1 will be ignored for 10 minutes";
    const failedLogin = "Failed login for server 127.0.0.1 [481 Authentication failed]";

    before(async () => {
      [refusing, hanging] = await Promise.all([startNntpServer({ username: "reader", password: "s3cret" }), startNntpServer()]);
      refusing.setBehaviour({ refuseLogin: true });
      hanging.setBehaviour({ hang: true });
      const release = buildRelease({ name: "Realbed.Broken.Servers", files: randomFiles(100_000), articleSize: 32 * 1024 });
      refusing.addArticles(release.articles);
      hanging.addArticles(release.articles);
      sab = await startRealSabnzbd({
        servers: [
          { name: "unreachable", host: "127.0.0.1", port: await freePort() },
          { name: "refusing", host: refusing.host, port: refusing.port, username: "reader", password: "s3cret" },
          { name: "hanging", host: hanging.host, port: hanging.port, timeout: 20 },
        ],
      });
      nzoId = (await sab.addFile(`${release.name}.nzb`, release.nzbXml)).nzo_ids[0];
    });
    after(async () => {
      await sab?.stop();
      await Promise.all([refusing?.close(), hanging?.close()]);
    });

    it(`unreachable (nothing listens): warns "${unreachable}" and "${ignored}", and deactivates it`, async () => {
      // downloader.py maybe_block_server: a server none of whose addresses connects within its timeout is reported
      // as not resolving (happyeyeballs.py returns None for both), then penalised for _PENALTY_TIMEOUT (10) minutes.
      await sab.waitFor(
        async () => {
          const texts = await warningTexts(sab);
          return texts.includes(unreachable) && texts.includes(ignored);
        },
        { timeoutMs: 90_000 },
      );
      const status = await serverStatus(sab, "unreachable");
      assert.equal(status.serveractive, false);
      assert.equal(status.servererror, unreachable);
    });

    it(`login refused (481 to AUTHINFO PASS): warns "${failedLogin}" and deactivates it; no article is asked for`, async () => {
      // downloader.py __finish_connect_nw: T("Failed login for server %s [%s]") % (server.host, error.msg)
      await sab.waitFor(async () => (await warningTexts(sab)).includes(failedLogin), { timeoutMs: 60_000 });
      const status = await serverStatus(sab, "refusing");
      assert.equal(status.serveractive, false);
      assert.equal(status.servererror, failedLogin);
      assert.ok(refusing.commandsSeen().includes("authinfo pass ****"));
      assert.ok(!refusing.commandsSeen().some((command) => /^(BODY|ARTICLE) /i.test(command)), refusing.commandsSeen().join(","));
    });

    it('hanging (accepts, never answers): no warning, only fullstatus serverwarning "Timed out" after its 20 s timeout; it stays active', async () => {
      // downloader.py run: self.__reset_nw(nw, "Timed out", warn=True) sets server.warning; it is logged at info level only.
      const status = await sab.waitFor(
        async () => {
          const server = await serverStatus(sab, "hanging");
          return server?.serverwarning === "Timed out" && server;
        },
        { timeoutMs: 90_000 },
      );
      assert.equal(status.serveractive, true);
      assert.equal(status.servererror, "");
      assert.ok(hanging.connections() >= 1);
      assert.deepEqual(hanging.commandsSeen(), [], "SABnzbd sends nothing before the greeting");
    });

    it("meanwhile the job waits in the queue (Downloading, 0 %, not in the history) and the warnings are exactly those three", async () => {
      const { queue } = await sab.api({ mode: "queue" });
      const slot = queue.slots.find((candidate) => candidate.nzo_id === nzoId);
      assert.equal(slot.status, "Downloading");
      assert.deepEqual((await sab.api({ mode: "history" })).history.slots, []);
      assert.deepEqual((await warningTexts(sab)).sort(), [unreachable, failedLogin, ignored].sort());
    });
  });
});
