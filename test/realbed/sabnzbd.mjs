// Starts the real SABnzbd (Debian's sabnzbdplus, installed by scripts/install-sabnzbd.sh) in a throw-away directory.
// Started as connector/test/sabnzbd.real.test.ts does: a written sabnzbd.ini, `--config-file --server --browser 0
// --disable-file-log`, ready once `mode=version` answers.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../../scripts/lib/free-port.mjs";

const STOP_GRACE_MS = 10_000;
// Generous: on a loaded 2-core machine a start of SABnzbd's Python can take half a minute.
const READY_TIMEOUT_MS = 90_000;
const POLL_MS = 200;

/** @type {Set<import("node:child_process").ChildProcess>} */
const running = new Set();
// A test run that ends without stop() must not leave a SABnzbd behind.
process.once("exit", () => {
  for (const child of running) {
    try {
      child.kill("SIGCONT");
      child.kill("SIGKILL");
    } catch {
      // already gone
    }
  }
});

/** @returns {string | null} */
export function sabnzbdBinary() {
  const found = spawnSync("sh", ["-c", "command -v sabnzbdplus"], { encoding: "utf8" }).stdout.trim();
  return found || null;
}

/** ConfigObj (which SABnzbd uses) reads a bare `a, b` as a list and `#` as a comment, so such values are quoted. @param {unknown} value */
function iniValue(value) {
  const text = typeof value === "boolean" ? (value ? "1" : "0") : String(value);
  if (text === "" || /[,#"'\s]|^\s|\s$/.test(text)) {
    if (!text.includes('"')) return `"${text}"`;
    if (!text.includes("'")) return `'${text}'`;
    throw new Error(`sabnzbd.ini value cannot hold both quote kinds: ${text}`);
  }
  return text;
}

/** @param {Record<string, unknown>} entries */
const iniLines = (entries) =>
  Object.entries(entries)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key} = ${iniValue(value)}`);

/**
 * Parses sabnzbd.ini: `[section]` → `ini.section`, `[[name]]` inside `[servers]` → `ini["servers.name"]`,
 * keys before any section → `ini[""]`. Values are unquoted; lists stay as written (`a, b`).
 * @param {string} text
 * @returns {Record<string, Record<string, string>>}
 */
export function parseSabnzbdIni(text) {
  /** @type {Record<string, Record<string, string>>} */
  const ini = { "": {} };
  let section = "";
  let current = ini[""];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const sub = /^\[\[(.*)\]\]$/.exec(line);
    const top = sub ? null : /^\[(.*)\]$/.exec(line);
    if (sub || top) {
      const name = sub ? `${section}.${sub[1]}` : (section = /** @type {RegExpExecArray} */ (top)[1]);
      current = ini[name] ??= {};
      continue;
    }
    const equals = line.indexOf("=");
    if (equals === -1) continue;
    const value = line.slice(equals + 1).trim();
    current[line.slice(0, equals).trim()] = /^"(.*)"$|^'(.*)'$/.test(value) ? value.slice(1, -1) : value;
  }
  return ini;
}

/**
 * @typedef {{ name?: string, host: string, port: number, username?: string, password?: string, ssl?: boolean, connections?: number, timeout?: number, [key: string]: unknown }} NewsServer
 */

/**
 * @param {{ servers?: NewsServer[], misc?: Record<string, string> }} [options]
 */
export async function startRealSabnzbd({ servers = [], misc = {} } = {}) {
  const binary = sabnzbdBinary();
  if (!binary) throw new Error("sabnzbdplus not found on PATH (install it with scripts/install-sabnzbd.sh)");
  const dir = mkdtempSync(join(tmpdir(), "autoarr-realsab-"));
  const iniPath = join(dir, "sabnzbd.ini");
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const apiKey = randomBytes(16).toString("hex");
  const nzbKey = randomBytes(16).toString("hex");

  const serverSections = servers.flatMap((server, index) => {
    // 20 s is the shortest server timeout SABnzbd accepts (sabnzbd/config.py: OptionNumber(name, "timeout", 60, 20, 240)).
    const { name = `realbed${index + 1}`, host, port: serverPort, username = "", password = "", ssl = false, connections = 2, timeout = 20, ...extra } = server;
    return [
      `[[${name}]]`,
      ...iniLines({
        name,
        displayname: name,
        host,
        port: serverPort,
        username,
        password,
        connections,
        timeout,
        ssl,
        // The fixture's TLS certificate is self-signed: verification off unless the caller asks (0 = none, 3 = strict).
        ssl_verify: ssl ? 0 : 3,
        enable: 1,
        ...extra,
      }),
    ];
  });
  writeFileSync(
    iniPath,
    [
      "__version__ = 19",
      "__encoding__ = utf-8",
      "[misc]",
      ...iniLines({
        api_key: apiKey,
        nzb_key: nzbKey,
        host: "127.0.0.1",
        port,
        download_dir: join(dir, "incomplete"),
        complete_dir: join(dir, "complete"),
        // No calls to sabnzbd.org for a new release from a test.
        check_new_rel: 0,
        ...misc,
      }),
      ...(serverSections.length ? ["[servers]", ...serverSections] : []),
      "",
    ].join("\n"),
  );

  /** @type {import("node:child_process").ChildProcess} */
  let child;
  let output = "";
  const launch = async () => {
    output = "";
    child = spawn(binary, ["--config-file", iniPath, "--server", `127.0.0.1:${port}`, "--browser", "0", "--disable-file-log"], {
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
    });
    running.add(child);
    child.once("exit", () => running.delete(child));
    const keep = (/** @type {Buffer} */ chunk) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`sabnzbdplus exited with ${child.exitCode} before answering:\n${output}`);
      try {
        if ((await fetch(`${url}/api?mode=version&output=json`)).ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`sabnzbdplus did not answer within ${READY_TIMEOUT_MS / 1000} s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };
  const halt = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGCONT");
    child.kill("SIGTERM");
    const timedOut = await Promise.race([exited.then(() => false), new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS, true))]);
    if (timedOut) {
      child.kill("SIGKILL");
      await exited;
    }
  };

  try {
    await launch();
  } catch (error) {
    await halt().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  /** @param {Record<string, string | number | boolean>} params */
  const query = (params) =>
    new URLSearchParams({ ...Object.fromEntries(Object.entries(params).map(([key, value]) => [key, String(value)])), apikey: apiKey, output: "json" });
  /** @param {Response} response */
  const json = async (response) => {
    const text = await response.text();
    if (!response.ok) throw new Error(`SABnzbd answered HTTP ${response.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text);
  };

  return {
    url,
    apiKey,
    nzbKey,
    dir,
    iniPath,
    completeDir: join(dir, "complete"),
    readIni: () => parseSabnzbdIni(readFileSync(iniPath, "utf8")),
    /** @param {Record<string, string | number | boolean>} params */
    api: async (params) => json(await fetch(`${url}/api?${query(params)}`)),
    /**
     * `mode=addfile` as a browser or Sonarr sends it: a multipart POST with the NZB as the `name` field.
     * @param {string} fileName @param {string} nzbXml @param {Record<string, string | number | boolean>} [params]
     */
    addFile: async (fileName, nzbXml, params = {}) => {
      const form = new FormData();
      form.append("name", new Blob([nzbXml], { type: "application/x-nzb" }), fileName);
      return json(await fetch(`${url}/api?${query({ mode: "addfile", ...params })}`, { method: "POST", body: form }));
    },
    /**
     * Polls `predicate` until it returns something truthy and returns that; throws after `timeoutMs`.
     * @template T @param {() => T | Promise<T>} predicate @param {{ timeoutMs?: number, intervalMs?: number }} [options]
     */
    waitFor: async (predicate, { timeoutMs = 30_000, intervalMs = 250 } = {}) => {
      const deadline = Date.now() + timeoutMs;
      let last;
      for (;;) {
        try {
          const value = await predicate();
          if (value) return value;
          last = value;
        } catch (error) {
          last = error;
        }
        if (Date.now() > deadline)
          throw new Error(`condition not met within ${timeoutMs / 1000} s (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
        await new Promise((resolve) => setTimeout(resolve, intervalMs));
      }
    },
    freeze: () => {
      child.kill("SIGSTOP");
    },
    resume: () => {
      child.kill("SIGCONT");
    },
    restart: async () => {
      await halt();
      await launch();
    },
    output: () => output,
    stop: async () => {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
