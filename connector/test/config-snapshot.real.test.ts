// sabnzbd_config_snapshot against a real fresh SABnzbd (Debian's sabnzbdplus, installed by scripts/install-sabnzbd.sh),
// through a real connector: the same answer as its single tools, keys masked, and a rejected key fails it as auth.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../src/logger.js";
import { createPairingCode, parsePairingCode, type PairingMaterial } from "../src/pairing.js";
import { startConnector, type RunningConnector } from "../src/server.js";
import { sabnzbdBinary, startRealSabnzbd, type RealSabnzbd } from "../../test/realbed/sabnzbd.mjs";
import { call, connectClient } from "./helpers.js";

const binary = sabnzbdBinary();
if (!binary) console.warn("SKIPPING real SABnzbd snapshot tests: sabnzbdplus not found on PATH (install it with `sudo scripts/install-sabnzbd.sh`)");

describe.skipIf(!binary)("sabnzbd_config_snapshot on a real fresh SABnzbd", () => {
  let sab: RealSabnzbd;
  const connectors: RunningConnector[] = [];
  const clients: Client[] = [];

  async function connectorWithKey(apiKey: string): Promise<Client> {
    const pairing: PairingMaterial = parsePairingCode(createPairingCode("tenant-real-snapshot", "connector-real-snapshot"));
    const connector = await startConnector(
      { pairing, host: "127.0.0.1", port: 0, timeoutMs: 5000, logLevel: "error", sessionIdleMs: 60_000, apps: { sabnzbd: { url: sab.url, apiKey } } },
      { logger: silentLogger },
    );
    connectors.push(connector);
    const client = await connectClient(`${connector.url}/mcp`, pairing);
    clients.push(client);
    return client;
  }

  beforeAll(async () => {
    sab = await startRealSabnzbd();
  }, 45_000);

  afterAll(async () => {
    for (const client of clients) await client.close();
    for (const connector of connectors) await connector.close();
    await sab?.stop();
  });

  it("answers what sabnzbd_version, sabnzbd_get_config and sabnzbd_warnings answer, with the keys masked", async () => {
    const client = await connectorWithKey(sab.apiKey);
    const snapshot = await call(client, "sabnzbd_config_snapshot");
    expect(snapshot.isError, snapshot.text).toBe(false);
    const section = async (name: string) => (await call(client, "sabnzbd_get_config", { section: name })).data.config;
    expect(snapshot.data).toEqual({
      version: (await call(client, "sabnzbd_version")).data.version,
      config: { misc: await section("misc"), servers: await section("servers"), categories: await section("categories"), sorters: await section("sorters") },
      warnings: (await call(client, "sabnzbd_warnings")).data.warnings,
    });
    const misc = (snapshot.data.config as { misc: Record<string, unknown> }).misc;
    expect(misc.api_key).toBe("********");
    expect(JSON.stringify(snapshot.data)).not.toContain(sab.apiKey);
  });

  it("fails as auth, as sabnzbd_version does, when SABnzbd rejects the key", async () => {
    const client = await connectorWithKey("0123456789abcdef0123456789abcdef");
    const failureOf = async (name: string) => {
      const result = await client.callTool({ name, arguments: {} });
      expect(result.isError).toBe(true);
      return result._meta?.["autoarr/failure"];
    };
    const version = await failureOf("sabnzbd_version");
    expect(version).toMatchObject({ kind: "auth" });
    expect(await failureOf("sabnzbd_config_snapshot")).toEqual(version);
  });
});
