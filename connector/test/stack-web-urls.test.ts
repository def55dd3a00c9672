// stack_web_urls through a real connector: each configured app's base URL as configured, cut down to what a browser
// may be sent to (origin and URL base), never a key, credentials in the URL, a query or a fragment.
import { randomBytes, randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { APP_IDS } from "@autoarr/contract";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appsConfigFor, ConfigError, loadConfig } from "../src/config.js";
import { silentLogger } from "../src/logger.js";
import { createPairingCode, parsePairingCode } from "../src/pairing.js";
import { type RunningConnector, startConnector } from "../src/server.js";
import { type RunningSimulators, startSimulators } from "../src/simulators/index.js";
import { webUrlOf } from "../src/tools/stack-web-urls.js";
import { call, connectClient, type Harness, simFetch, startHarness } from "./helpers.js";

describe("stack_web_urls with every app configured", () => {
  let harness: Harness;
  let client: Client;
  beforeAll(async () => {
    harness = await startHarness();
    client = await harness.client();
  });
  afterAll(() => harness.close());

  it("answers each app's base URL as the connector reaches it, without a trailing slash", async () => {
    const result = await call(client, "stack_web_urls");
    expect(result.isError).toBe(false);
    const expected = Object.fromEntries(APP_IDS.map((app) => [app, { webUrl: harness.sims.urls[app].replace(/\/+$/, "") }]));
    expect(result.data).toEqual(expected);
  });

  it("holds none of the apps' keys", async () => {
    const result = await call(client, "stack_web_urls");
    const answer = JSON.stringify(result);
    for (const app of APP_IDS) expect(answer).not.toContain(harness.sims.keys[app]);
  });

  it("calls no app: it answers while an app is down", async () => {
    await simFetch(`${harness.sims.urls.radarr}/__sim/faults`, { method: "POST", body: JSON.stringify({ down: true }) });
    try {
      const result = await call(client, "stack_web_urls");
      expect(result.data.radarr).toEqual({ webUrl: harness.sims.urls.radarr.replace(/\/+$/, "") });
    } finally {
      await simFetch(`${harness.sims.urls.radarr}/__sim/faults`, { method: "DELETE" });
    }
  });
});

describe("stack_web_urls with some apps configured, one behind a URL base", () => {
  let harness: Harness;
  let client: Client;
  beforeAll(async () => {
    harness = await startHarness({
      appsConfig: (sims) => {
        const apps = appsConfigFor(["sabnzbd", "sonarr"], sims.urls, sims.keys);
        const sonarr = new URL(sims.urls.sonarr);
        // Credentials, a query and a fragment someone pasted along with the address, and Sonarr's URL base.
        apps.sonarr = { ...apps.sonarr!, url: `http://admin:hunter2@${sonarr.host}/sonarr/?apikey=${sims.keys.sonarr}#/activity` };
        return apps;
      },
    });
    client = await harness.client();
  });
  afterAll(() => harness.close());

  it("answers only the configured apps", async () => {
    const result = await call(client, "stack_web_urls");
    expect(Object.keys(result.data).sort()).toEqual(["sabnzbd", "sonarr"]);
  });

  it("keeps the URL base and drops the credentials, the query and the fragment", async () => {
    const result = await call(client, "stack_web_urls");
    expect(result.data.sonarr).toEqual({ webUrl: `http://${new URL(harness.sims.urls.sonarr).host}/sonarr` });
    expect(JSON.stringify(result)).not.toMatch(/hunter2|admin@|apikey/);
    expect(JSON.stringify(result)).not.toContain(harness.sims.keys.sonarr);
  });
});

describe("stack_web_urls with <APP>_WEB_URL set, for a browser that reaches the app elsewhere", () => {
  let sims: RunningSimulators;
  let connector: RunningConnector;
  let client: Client;
  beforeAll(async () => {
    sims = await startSimulators({ profile: "demo" });
    const pairing = parsePairingCode(createPairingCode(`tenant-${randomUUID()}`, `connector-${randomUUID()}`, randomBytes(32)));
    connector = await startConnector(
      {
        apps: appsConfigFor(["sonarr", "radarr"], sims.urls, sims.keys),
        webUrls: { sonarr: "https://sonarr.home.example/base/" },
        pairing,
        host: "127.0.0.1",
        port: 0,
        timeoutMs: 2000,
        logLevel: "error",
        sessionIdleMs: 60_000,
      },
      { logger: silentLogger },
    );
    client = await connectClient(`${connector.url}/mcp`, pairing);
  });
  afterAll(async () => {
    await client.close();
    await connector.close();
    await sims.close();
  });

  it("answers the set address for that app and the connector's own for the others", async () => {
    const result = await call(client, "stack_web_urls");
    expect(result.data).toEqual({ sonarr: { webUrl: "https://sonarr.home.example/base" }, radarr: { webUrl: sims.urls.radarr.replace(/\/+$/, "") } });
  });
});

describe("<APP>_WEB_URL in the connector's configuration", () => {
  const configPath = join(tmpdir(), `autoarr-no-such-config-${process.pid}.json`);
  const sonarr = { SONARR_URL: "http://sonarr:8989", SONARR_API_KEY: "k".repeat(32) };

  it("is read for a configured app", () => {
    const config = loadConfig({ configPath, env: { ...sonarr, SONARR_WEB_URL: "http://192.168.1.10:8989" } });
    expect(config.webUrls).toEqual({ sonarr: "http://192.168.1.10:8989" });
  });

  it("is left out for an app that is not configured", () => {
    expect(loadConfig({ configPath, env: { ...sonarr, RADARR_WEB_URL: "http://192.168.1.10:7878" } }).webUrls).toBeUndefined();
  });

  it("is refused unless it is an http(s) URL, naming the variable", () => {
    for (const value of ["javascript:alert(1)", "192.168.1.10:8989"])
      expect(() => loadConfig({ configPath, env: { ...sonarr, SONARR_WEB_URL: value } })).toThrow(ConfigError);
    expect(() => loadConfig({ configPath, env: { ...sonarr, SONARR_WEB_URL: "ftp://nas" } })).toThrow(/SONARR_WEB_URL/);
  });
});

describe("webUrlOf", () => {
  it("keeps http and https origins with their URL base", () => {
    expect(webUrlOf("https://nas.example:8443/sab/")).toBe("https://nas.example:8443/sab");
    expect(webUrlOf("http://192.168.1.10:8989")).toBe("http://192.168.1.10:8989");
    expect(webUrlOf("http://192.168.1.10:8989//")).toBe("http://192.168.1.10:8989");
  });

  it("answers nothing for what a browser should not be sent to", () => {
    expect(webUrlOf("javascript:alert(1)")).toBeUndefined();
    expect(webUrlOf("file:///etc/passwd")).toBeUndefined();
    expect(webUrlOf("not a url")).toBeUndefined();
  });
});
