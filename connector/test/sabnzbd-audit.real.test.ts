// What the audit's SABnzbd rules read and write, checked against a real fresh SABnzbd (Debian's sabnzbdplus, installed
// by scripts/install-sabnzbd.sh): the values a default install holds, and how each fix's values (and their rollback)
// read back. The recorded answers the Worker's audit tests load into the simulator are compared with the live ones.
import { readFileSync } from "node:fs";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../src/logger.js";
import { createPairingCode, parsePairingCode } from "../src/pairing.js";
import { startConnector, type RunningConnector } from "../src/server.js";
import { sabnzbdBinary, startRealSabnzbd, type RealSabnzbd } from "../../test/realbed/sabnzbd.mjs";
import { call, connectClient } from "./helpers.js";

const binary = sabnzbdBinary();
if (!binary) console.warn("SKIPPING real SABnzbd audit tests: sabnzbdplus not found on PATH (install it with `sudo scripts/install-sabnzbd.sh`)");

const RECORDED = JSON.parse(readFileSync(new URL("../../test/config-audit/sabnzbd-default-install.json", import.meta.url), "utf8")) as {
  answers: Record<"misc" | "servers" | "categories" | "sorters" | "warnings", Record<string, unknown>>;
};
const recordedMisc = (RECORDED.answers.misc.config as { misc: Record<string, unknown> }).misc;

describe.skipIf(!binary)("the audit's SABnzbd settings on a real fresh SABnzbd", () => {
  let sab: RealSabnzbd;
  let url: string;
  let apiKey: string;
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
    // The same minimal sabnzbd.ini the recorded answers were taken from (see its "source").
    sab = await startRealSabnzbd();
    ({ url, apiKey } = sab);
    const pairing = parsePairingCode(createPairingCode("tenant-real-audit", "connector-real-audit"));
    connector = await startConnector(
      { pairing, host: "127.0.0.1", port: 0, timeoutMs: 5000, logLevel: "error", sessionIdleMs: 60_000, apps: { sabnzbd: { url, apiKey } } },
      { logger: silentLogger },
    );
    client = await connectClient(`${connector.url}/mcp`, pairing);
  }, 45_000);

  afterAll(async () => {
    await client?.close();
    await connector?.close();
    await sab?.stop();
  });

  it("has no news server: get_config&section=servers answers {} and the tool reports no servers", async () => {
    expect(await raw("mode=get_config&section=servers")).toEqual(RECORDED.answers.servers);
    expect(RECORDED.answers.servers).toEqual({ config: {} });
    expect((await call(client, "sabnzbd_get_config", { section: "servers" })).data.config).toBeNull();
  });

  it("holds the defaults the rules depend on, as recorded", async () => {
    const live = await misc();
    const depends = [
      "host",
      "username",
      "password",
      "download_free",
      "unwanted_extensions",
      "action_on_unwanted_extensions",
      "inet_exposure",
      "cache_limit",
      "direct_unpack",
    ];
    const pick = (values: Record<string, unknown>) => Object.fromEntries(depends.map((key) => [key, values[key]]));
    expect(pick(live)).toEqual({
      host: "127.0.0.1",
      username: "",
      password: "",
      download_free: "",
      unwanted_extensions: [],
      action_on_unwanted_extensions: 0,
      inet_exposure: 0,
      cache_limit: "1G",
      direct_unpack: 0,
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
