// What the audit's SABnzbd rules read and write, checked against a real fresh SABnzbd (Debian's sabnzbdplus, installed
// by scripts/install-sabnzbd.sh): the values a default install holds, and how each fix's values (and their rollback)
// read back. The recorded answers the Worker's audit tests load into the simulator are compared with the live ones.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../src/logger.js";
import { createPairingCode, parsePairingCode } from "../src/pairing.js";
import { startConnector, type RunningConnector } from "../src/server.js";
import { call, closedPortUrl, connectClient } from "./helpers.js";

const binary = spawnSync("sh", ["-c", "command -v sabnzbdplus"], { encoding: "utf8" }).stdout.trim();
if (!binary) console.warn("SKIPPING real SABnzbd audit tests: sabnzbdplus not found on PATH (install it with `sudo scripts/install-sabnzbd.sh`)");

const RECORDED = JSON.parse(readFileSync(new URL("../../test/config-audit/sabnzbd-default-install.json", import.meta.url), "utf8")) as {
  answers: Record<"misc" | "servers" | "categories" | "sorters" | "warnings", Record<string, unknown>>;
};
const recordedMisc = (RECORDED.answers.misc.config as { misc: Record<string, unknown> }).misc;

describe.skipIf(!binary)("the audit's SABnzbd settings on a real fresh SABnzbd", () => {
  const apiKey = randomBytes(16).toString("hex");
  let dir: string;
  let sab: ChildProcess;
  let url: string;
  let connector: RunningConnector;
  let client: Client;

  const raw = async (query: string) => (await fetch(`${url}/api?output=json&apikey=${apiKey}&${query}`)).json() as Promise<Record<string, unknown>>;
  const misc = async () => (await call(client, "sabnzbd_get_config", { section: "misc" })).data.config as Record<string, unknown>;
  const set = async (keyword: string, value: string | number) => {
    const result = await call(client, "sabnzbd_set_config", { section: "misc", keyword, value });
    expect(result.isError, result.text).toBe(false);
    return (result.data.config as Record<string, unknown>)[keyword];
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "autoarr-sab-audit-"));
    const port = Number(new URL(await closedPortUrl()).port);
    url = `http://127.0.0.1:${port}`;
    // The same minimal sabnzbd.ini the recorded answers were taken from (see its "source").
    writeFileSync(join(dir, "sabnzbd.ini"), [
      "__version__ = 19", "__encoding__ = utf-8", "[misc]", `api_key = ${apiKey}`, `nzb_key = ${randomBytes(16).toString("hex")}`,
      "host = 127.0.0.1", `port = ${port}`, `download_dir = ${dir}/incomplete`, `complete_dir = ${dir}/complete`, "check_new_rel = 0", "",
    ].join("\n"));
    sab = spawn(binary, ["--config-file", join(dir, "sabnzbd.ini"), "--server", `127.0.0.1:${port}`, "--browser", "0", "--disable-file-log"], { cwd: dir, stdio: "ignore" });
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        if ((await fetch(`${url}/api?mode=version&output=json`)).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error("real SABnzbd did not start within 30 s");
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const pairing = parsePairingCode(createPairingCode("tenant-real-audit", "connector-real-audit"));
    connector = await startConnector({ pairing, host: "127.0.0.1", port: 0, timeoutMs: 5000, logLevel: "error", sessionIdleMs: 60_000, apps: { sabnzbd: { url, apiKey } } }, { logger: silentLogger });
    client = await connectClient(`${connector.url}/mcp`, pairing);
  }, 45_000);

  afterAll(async () => {
    await client?.close();
    await connector?.close();
    if (sab?.pid) {
      sab.kill("SIGTERM");
      const deadline = Date.now() + 5000;
      while (sab.exitCode === null && sab.signalCode === null && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      if (sab.exitCode === null && sab.signalCode === null) sab.kill("SIGKILL");
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("has no news server: get_config&section=servers answers {} and the tool reports no servers", async () => {
    expect(await raw("mode=get_config&section=servers")).toEqual(RECORDED.answers.servers);
    expect(RECORDED.answers.servers).toEqual({ config: {} });
    expect((await call(client, "sabnzbd_get_config", { section: "servers" })).data.config).toBeNull();
  });

  it("holds the defaults the rules depend on, as recorded", async () => {
    const live = await misc();
    const depends = ["host", "username", "password", "download_free", "unwanted_extensions", "action_on_unwanted_extensions", "inet_exposure", "cache_limit", "direct_unpack"];
    const pick = (values: Record<string, unknown>) => Object.fromEntries(depends.map((key) => [key, values[key]]));
    expect(pick(live)).toEqual({
      host: "127.0.0.1", username: "", password: "", download_free: "", unwanted_extensions: [], action_on_unwanted_extensions: 0, inet_exposure: 0, cache_limit: "1G", direct_unpack: 0,
    });
    expect(pick(recordedMisc)).toEqual(pick(live));
    // Every setting the recorded answer holds is still there, with the same type (folders and keys differ per install).
    for (const [key, value] of Object.entries(recordedMisc)) expect(typeof live[key], key).toBe(typeof value);
    expect(await raw("mode=get_config&section=sorters")).toEqual(RECORDED.answers.sorters);
    expect(await raw("mode=warnings")).toEqual(RECORDED.answers.warnings);
  });

  it("reads each fix's values back as the audit compares them, and takes the rollback values", async () => {
    expect(await set("action_on_unwanted_extensions", 2)).toBe(2);
    expect(await set("unwanted_extensions", "exe, com, bat, cmd, scr, lnk, vbs, ps1")).toEqual(["exe", "com", "bat", "cmd", "scr", "lnk", "vbs", "ps1"]);
    expect(await set("download_free", "10G")).toBe("10G");
    // Rollback writes the before-values back: a list as "" (writeCall joins [] to ""), a number, an empty size.
    expect(await set("unwanted_extensions", "")).toEqual([]);
    expect(await set("action_on_unwanted_extensions", 0)).toBe(0);
    expect(await set("download_free", "")).toBe("");
    expect(await misc()).toMatchObject({ unwanted_extensions: [], action_on_unwanted_extensions: 0, download_free: "" });
  });

  it("refuses to write the web login through the connector (the rule's fix is manual)", async () => {
    for (const keyword of ["username", "password"]) {
      const result = await call(client, "sabnzbd_set_config", { section: "misc", keyword, value: "someone" });
      expect(result.isError, keyword).toBe(true);
    }
    expect(await misc()).toMatchObject({ username: "", password: "" });
  });
});
