// The SABnzbd tools against a real SABnzbd (Debian's sabnzbdplus, installed by scripts/install-sabnzbd.sh).
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../src/logger.js";
import { createPairingCode, parsePairingCode } from "../src/pairing.js";
import { startConnector, type RunningConnector } from "../src/server.js";
import { sabnzbdBinary, startRealSabnzbd, type RealSabnzbd } from "../../test/realbed/sabnzbd.mjs";
import { call, connectClient } from "./helpers.js";

const binary = sabnzbdBinary();
if (!binary) console.warn("SKIPPING real SABnzbd tests: sabnzbdplus not found on PATH (install it with `sudo scripts/install-sabnzbd.sh`)");

describe.skipIf(!binary)("SABnzbd tools against a real SABnzbd", () => {
  let sab: RealSabnzbd;
  let url: string;
  let apiKey: string;
  let connector: RunningConnector;
  let wrongKeyConnector: RunningConnector;
  let client: Client;
  let wrongKeyClient: Client;

  beforeAll(async () => {
    sab = await startRealSabnzbd();
    ({ url, apiKey } = sab);
    const pairing = parsePairingCode(createPairingCode("tenant-real", "connector-real"));
    const base = { pairing, host: "127.0.0.1", port: 0, timeoutMs: 5000, logLevel: "error" as const, sessionIdleMs: 60_000 };
    connector = await startConnector({ ...base, apps: { sabnzbd: { url, apiKey } } }, { logger: silentLogger });
    wrongKeyConnector = await startConnector({ ...base, apps: { sabnzbd: { url, apiKey: "0".repeat(32) } } }, { logger: silentLogger });
    client = await connectClient(`${connector.url}/mcp`, pairing);
    wrongKeyClient = await connectClient(`${wrongKeyConnector.url}/mcp`, pairing);
  }, 45_000);

  afterAll(async () => {
    await client?.close();
    await wrongKeyClient?.close();
    await connector?.close();
    await wrongKeyConnector?.close();
    await sab?.stop();
  });

  it("reports the version and an idle queue", async () => {
    const result = await call(client, "sabnzbd_version");
    expect(result.isError).toBe(false);
    expect(result.data).toMatchObject({ version: expect.stringMatching(/^\d+\.\d+/), paused: false, queueSize: 0 });
  });

  it("reads the queue and history, and answers an unchanged history with changed=false", async () => {
    expect((await call(client, "sabnzbd_queue")).data).toMatchObject({ totalSlots: 0, slots: [] });
    const history = await call(client, "sabnzbd_history");
    expect(history.data).toMatchObject({ changed: true, slots: [] });
    const again = await call(client, "sabnzbd_history", { lastHistoryUpdate: history.data.lastHistoryUpdate });
    expect(again.data).toMatchObject({ changed: false, slots: [] });
  });

  it("surfaces a retry of an unknown job as an error", async () => {
    expect(await call(client, "sabnzbd_retry", { nzoId: "SABnzbd_nzo_nothere" })).toMatchObject({
      isError: true,
      text: "SABnzbd reported an error: item does not exist",
    });
  });

  it("pauses and resumes the queue", async () => {
    expect((await call(client, "sabnzbd_pause")).isError).toBe(false);
    expect((await call(client, "sabnzbd_version")).data.paused).toBe(true);
    expect((await call(client, "sabnzbd_resume")).isError).toBe(false);
    expect((await call(client, "sabnzbd_version")).data.paused).toBe(false);
  });

  it("reads config with the API key masked and sets misc and category values", async () => {
    const misc = await call(client, "sabnzbd_get_config", { section: "misc" });
    expect((misc.data.config as Record<string, unknown>).api_key).toBe("********");
    expect(JSON.stringify(misc)).not.toContain(apiKey);
    expect((await call(client, "sabnzbd_set_config", { section: "misc", keyword: "direct_unpack", value: true })).data.config).toEqual({ direct_unpack: true });
    expect((await call(client, "sabnzbd_set_config", { section: "misc", keyword: "cache_limit", value: "512M" })).data.config).toEqual({ cache_limit: "512M" });
    const category = await call(client, "sabnzbd_set_config", { section: "categories", name: "autoarrtest", keyword: "dir", value: "autoarrtest" });
    expect(category.data.config).toEqual([expect.objectContaining({ name: "autoarrtest", dir: "autoarrtest" })]);
    expect(await call(client, "sabnzbd_set_config", { section: "misc", keyword: "no_such_key", value: "1" })).toMatchObject({
      isError: true,
      text: "SABnzbd reported an error: Config item does not exist",
    });
  });

  it("lists SABnzbd's own warnings exactly as mode=warnings answers them", async () => {
    // An NZB SABnzbd cannot parse is logged as a warning (nzbstuff.py), which mode=warnings then lists.
    const form = new FormData();
    form.append("name", new Blob(["not an nzb"], { type: "application/x-nzb" }), "autoarr-bad.nzb");
    expect(await (await fetch(`${url}/api?mode=addfile&output=json&apikey=${apiKey}`, { method: "POST", body: form })).json()).toEqual({
      status: false,
      nzo_ids: [],
    });
    const real = (await (await fetch(`${url}/api?mode=warnings&output=json&apikey=${apiKey}`)).json()) as { warnings: Array<Record<string, unknown>> };
    const planted = real.warnings.find((w) => String(w.text).includes("autoarr-bad.nzb"));
    expect(planted).toEqual({
      type: "WARNING",
      text: expect.stringMatching(/^Invalid NZB file autoarr-bad\.nzb, skipping/),
      time: expect.any(Number),
      origin: expect.stringMatching(/^nzbstuff\.py\d+$/),
    });
    const tool = await call(client, "sabnzbd_warnings");
    expect(tool.isError).toBe(false);
    expect(tool.data).toEqual({ count: real.warnings.length, warnings: real.warnings });
  });

  it("deletes from the history without error", async () => {
    expect((await call(client, "sabnzbd_delete", { from: "history", nzoIds: ["SABnzbd_nzo_nothere"], deleteFiles: true })).isError).toBe(false);
  });

  it("says the API key was rejected (HTTP 403 plain text)", async () => {
    expect(await call(wrongKeyClient, "sabnzbd_queue")).toMatchObject({ isError: true, text: "API key rejected by SABnzbd (HTTP 403)" });
  });
});
