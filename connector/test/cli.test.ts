// The built CLI and the configuration rules (env over file, *_FILE secrets, pairing storage).
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { createPairingCode } from "../src/pairing.js";
import { startSimulators } from "../src/simulators/index.js";

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
    writeFileSync(configPath, JSON.stringify({ sonarr: { url: "http://file-sonarr:8989", apiKey: "file-key" }, radarr: { url: "http://radarr:7878", apiKey: "r" } }));
    writeFileSync(join(dir, "sonarr_key"), "secret-from-file\n");
    const config = loadConfig({ configPath, env: { SONARR_URL: "http://env-sonarr:8989", SONARR_API_KEY_FILE: join(dir, "sonarr_key"), CONNECTOR_PORT: "9999" } });
    expect(config.apps.sonarr).toEqual({ url: "http://env-sonarr:8989", apiKey: "secret-from-file" });
    expect(config.apps.radarr?.url).toBe("http://radarr:7878");
    expect(config.apps.sabnzbd).toBeUndefined();
    expect(config.port).toBe(9999);
    expect(config.host).toBe("127.0.0.1");
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
