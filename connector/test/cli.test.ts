// The built CLI and the configuration rules (env over file, *_FILE secrets, pairing storage).
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { createPairingCode } from "../src/pairing.js";
import { startSimulators } from "../src/simulators/index.js";
import { sabnzbdBinary, startRealSabnzbd } from "../../test/realbed/sabnzbd.mjs";

const run = promisify(execFile);
const bin = new URL("../bin/autoarr-connector.mjs", import.meta.url).pathname;
const cli = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, [bin, ...args], { env: { PATH: process.env.PATH ?? "", HOME: tmpdir(), ...env }, timeout: 15_000 }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

describe("configuration", () => {
  it("overlays environment variables on the config file and reads *_FILE secrets", () => {
    const dir = mkdtempSync(join(tmpdir(), "autoarr-cfg-"));
    const configPath = join(dir, "config.json");
    writeFileSync(
      configPath,
      JSON.stringify({ sonarr: { url: "http://file-sonarr:8989", apiKey: "file-key" }, radarr: { url: "http://radarr:7878", apiKey: "r" } }),
    );
    writeFileSync(join(dir, "sonarr_key"), "secret-from-file\n");
    const config = loadConfig({
      configPath,
      env: { SONARR_URL: "http://env-sonarr:8989", SONARR_API_KEY_FILE: join(dir, "sonarr_key"), CONNECTOR_PORT: "9999" },
    });
    expect(config.apps.sonarr).toEqual({ url: "http://env-sonarr:8989", apiKey: "secret-from-file" });
    expect(config.apps.radarr?.url).toBe("http://radarr:7878");
    expect(config.apps.sabnzbd).toBeUndefined();
    expect(config.port).toBe(9999);
    expect(config.host).toBe("127.0.0.1");
  });

  it("refuses an app timeout or log level from the environment that the config file would refuse, instead of running with NaN", () => {
    const env = { SABNZBD_URL: "http://sab:8080", SABNZBD_API_KEY: "k" };
    expect(loadConfig({ configPath: "/nonexistent.json", env: { ...env, CONNECTOR_TIMEOUT_MS: "2500" } }).timeoutMs).toBe(2500);
    expect(() => loadConfig({ configPath: "/nonexistent.json", env: { ...env, CONNECTOR_TIMEOUT_MS: "10s" } })).toThrow(/Invalid CONNECTOR_TIMEOUT_MS: "10s"/);
    expect(() => loadConfig({ configPath: "/nonexistent.json", env: { ...env, CONNECTOR_TIMEOUT_MS: "50" } })).toThrow(/Invalid CONNECTOR_TIMEOUT_MS/);
    expect(() => loadConfig({ configPath: "/nonexistent.json", env: { ...env, LOG_LEVEL: "verbose" } })).toThrow(/Invalid LOG_LEVEL: "verbose"/);
  });

  it("rejects a configured app without its key", () => {
    expect(() => loadConfig({ configPath: "/nonexistent.json", env: { SONARR_URL: "http://sonarr:8989" } })).toThrow(/Invalid app configuration/);
  });
});

describe("autoarr-connector CLI", () => {
  it("stores pairing material with mode 0600", async () => {
    const configPath = join(mkdtempSync(join(tmpdir(), "autoarr-pair-")), "nested", "config.json");
    const code = createPairingCode("tenant-1", "connector-1");
    const result = await cli(["pair", code, "--config", configPath]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("tenant-1");
    expect(statSync(configPath).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(configPath, "utf8"))).toEqual({ pairing: code });
  });

  it("refuses a malformed pairing code", async () => {
    const result = await cli(["pair", "aac1.nonsense", "--config", join(tmpdir(), "never.json")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Pairing code/);
  });

  it("refuses to start without pairing material", async () => {
    const result = await cli(["start", "--config", "/nonexistent.json", "--port", "0"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/not paired/);
  });

  it("checks each configured app and exits non-zero when one fails", async () => {
    const sims = await startSimulators();
    try {
      const env = { SONARR_URL: sims.urls.sonarr, SONARR_API_KEY: sims.keys.sonarr, PLEX_URL: sims.urls.plex, PLEX_TOKEN: sims.keys.plex };
      const good = await cli(["check", "--config", "/nonexistent.json"], env);
      expect(good.code, good.stderr).toBe(0);
      expect(good.stdout).toMatch(/sonarr\s+OK\s+Sonarr 4\.0\.19\.2979 is up/);
      expect(good.stdout).toMatch(/plex\s+OK/);
      const bad = await cli(["check", "--config", "/nonexistent.json"], { ...env, SONARR_API_KEY: "wrong" });
      expect(bad.code, bad.stderr).toBe(1);
      expect(bad.stdout, bad.stderr).toMatch(/sonarr\s+FAILED API key rejected by Sonarr \(HTTP 401\)/);
      expect(bad.stdout).not.toContain(sims.keys.plex);
    } finally {
      await sims.close();
    }
  });
});

describe("autoarr-connector check: one clear line per problem, never a schema dump", () => {
  const noDump = (output: string) => expect(output).not.toMatch(/✖|→ at|Invalid input|expected string|Too small/);
  const lineFor = (stdout: string, app: string) => stdout.split("\n").find((line) => line.startsWith(app.padEnd(8))) ?? "";

  it("names an empty or missing key and where to copy it from, and still checks the other apps", async () => {
    const sims = await startSimulators();
    try {
      const dir = mkdtempSync(join(tmpdir(), "autoarr-check-"));
      const configPath = join(dir, "config.json");
      writeFileSync(configPath, JSON.stringify({ radarr: { url: sims.urls.radarr, apiKey: "  " } }));
      const env = {
        SABNZBD_URL: sims.urls.sabnzbd,
        SABNZBD_API_KEY: "",
        SONARR_URL: sims.urls.sonarr,
        SONARR_API_KEY: sims.keys.sonarr,
        PLEX_URL: sims.urls.plex,
      };
      const result = await cli(["check", "--config", configPath], env);
      expect(result.code).toBe(1);
      expect(lineFor(result.stdout, "sabnzbd")).toBe("sabnzbd  FAILED SABnzbd: the API key is empty — copy it from SABnzbd → Config → General → API Key");
      expect(lineFor(result.stdout, "radarr")).toBe("radarr   FAILED Radarr: the API key is empty — copy it from Radarr → Settings → General → API Key");
      expect(lineFor(result.stdout, "plex")).toMatch(/^plex {5}FAILED Plex: the token is empty — /);
      expect(lineFor(result.stdout, "sonarr")).toMatch(/^sonarr {3}OK/);
      noDump(result.stdout + result.stderr);
    } finally {
      await sims.close();
    }
  });

  it("tells to remove /api or /api/v3 from the URL, naming the base URL to use", async () => {
    const sims = await startSimulators();
    try {
      const env = {
        SABNZBD_URL: `${sims.urls.sabnzbd}/api`,
        SABNZBD_API_KEY: sims.keys.sabnzbd,
        SONARR_URL: `${sims.urls.sonarr}/api/v3/`,
        SONARR_API_KEY: sims.keys.sonarr,
      };
      const result = await cli(["check", "--config", "/nonexistent.json"], env);
      expect(result.code).toBe(1);
      expect(lineFor(result.stdout, "sabnzbd")).toBe(`sabnzbd  FAILED SABnzbd: remove /api from the URL: use the app's base URL, e.g. ${sims.urls.sabnzbd}`);
      expect(lineFor(result.stdout, "sonarr")).toBe(`sonarr   FAILED Sonarr: remove /api/v3 from the URL: use the app's base URL, e.g. ${sims.urls.sonarr}`);
      noDump(result.stdout + result.stderr);
      // start refuses the same configuration with the same sentences.
      const start = await cli(["start", "--config", "/nonexistent.json", "--port", "0"], env);
      expect(start.code).toBe(1);
      expect(start.stderr).toContain("SABnzbd: remove /api from the URL");
      noDump(start.stderr);
    } finally {
      await sims.close();
    }
  });

  it("says what an HTTP 500 was and where", async () => {
    const sims = await startSimulators();
    try {
      // A real SABnzbd 4.5.0 answers an unknown path under /api with CherryPy's HTML 500 page; the simulator's fault does the same.
      sims.setFaults("sabnzbd", { status: 500 });
      const result = await cli(["check", "--config", "/nonexistent.json"], { SABNZBD_URL: sims.urls.sabnzbd, SABNZBD_API_KEY: sims.keys.sabnzbd });
      expect(result.code).toBe(1);
      expect(lineFor(result.stdout, "sabnzbd")).toBe("sabnzbd  FAILED SABnzbd answered HTTP 500 at /api — is this the right URL?");
    } finally {
      await sims.close();
    }
  });

  it("recognises another app or a plain web page at the address (a wrong port)", async () => {
    const sims = await startSimulators();
    const page = createServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html" });
      res.end("<!doctype html><title>NAS</title><h1>Welcome</h1>");
    });
    await new Promise<void>((resolve) => page.listen(0, "127.0.0.1", resolve));
    const pageUrl = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;
    try {
      const env = { SONARR_URL: sims.urls.sabnzbd, SONARR_API_KEY: sims.keys.sonarr, SABNZBD_URL: pageUrl, SABNZBD_API_KEY: sims.keys.sabnzbd };
      const result = await cli(["check", "--config", "/nonexistent.json"], env);
      expect(result.code).toBe(1);
      expect(lineFor(result.stdout, "sonarr")).toBe(
        `sonarr   FAILED Sonarr: the server at ${sims.urls.sabnzbd} is SABnzbd, not Sonarr — is this the right port? (Sonarr listens on 8989 unless changed)`,
      );
      expect(lineFor(result.stdout, "sabnzbd")).toBe(
        `sabnzbd  FAILED SABnzbd: the server at ${pageUrl} answered with a web page, not SABnzbd's API — is this the right port? (SABnzbd listens on 8080 unless changed)`,
      );
    } finally {
      page.close();
      await sims.close();
    }
  });
});

describe.skipIf(!sabnzbdBinary())("autoarr-connector check against a real SABnzbd 4.5 (Debian's sabnzbdplus)", () => {
  it("passes with the right key, names the key page for a wrong one, and recognises SABnzbd at Sonarr's address", async () => {
    const sab = await startRealSabnzbd();
    try {
      const good = await cli(["check", "--config", "/nonexistent.json"], { SABNZBD_URL: sab.url, SABNZBD_API_KEY: sab.apiKey });
      expect(good.code, good.stdout + good.stderr).toBe(0);
      expect(good.stdout).toMatch(/^sabnzbd {2}OK {5}SABnzbd 4\.5\.\d+ is up/m);
      // A real 4.5.0 answers a wrong key with HTTP 403 "API Key Incorrect", and mode=version without any key.
      const env = { SABNZBD_URL: sab.url, SABNZBD_API_KEY: "0".repeat(32), SONARR_URL: sab.url, SONARR_API_KEY: "0".repeat(32) };
      const bad = await cli(["check", "--config", "/nonexistent.json"], env);
      expect(bad.code).toBe(1);
      expect(bad.stdout).toContain("sabnzbd  FAILED API key rejected by SABnzbd (HTTP 403) — copy the API key from SABnzbd → Config → General → API Key");
      expect(bad.stdout).toContain(
        `sonarr   FAILED Sonarr: the server at ${sab.url} is SABnzbd, not Sonarr — is this the right port? (Sonarr listens on 8989 unless changed)`,
      );
    } finally {
      await sab.stop();
    }
  }, 120_000);
});
