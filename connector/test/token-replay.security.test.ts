// Used token ids survive a restart of the connector: a token accepted before the restart is refused after it.
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { ConnectorConfig } from "../src/config.js";
import { silentLogger } from "../src/logger.js";
import { createPairingCode, parsePairingCode } from "../src/pairing.js";
import { startConnector, type RunningConnector } from "../src/server.js";
import { readUsedTokensFile, usedTokensInFile } from "../src/used-tokens.js";
import { initializeRequest, mintToken, rawPost } from "./helpers.js";

const running: RunningConnector[] = [];
const stateDirs: string[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((c) => c.close()));
});
afterAll(() => stateDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const newStateDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "autoarr-state-"));
  stateDirs.push(dir);
  return dir;
};

function setup() {
  const pairing = parsePairingCode(createPairingCode(`tenant-${randomUUID()}`, `connector-${randomUUID()}`, randomBytes(32)));
  const stateDir = newStateDir();
  const config: ConnectorConfig = { apps: {}, pairing, stateDir, host: "127.0.0.1", port: 0, timeoutMs: 2000, logLevel: "error", sessionIdleMs: 60_000 };
  const start = async () => {
    const connector = await startConnector(config, { logger: silentLogger });
    running.push(connector);
    return connector;
  };
  const initializeWith = (connector: RunningConnector, token: string) =>
    rawPost(`${connector.url}/mcp`, { Authorization: `Bearer ${token}` }, initializeRequest);
  const token = (overrides: Parameters<typeof mintToken>[1] = {}) => mintToken(pairing, { request: { method: "POST", body: initializeRequest }, ...overrides });
  return { pairing, stateDir, start, initializeWith, token };
}

async function restart(connector: RunningConnector, start: () => Promise<RunningConnector>) {
  await connector.close();
  running.splice(running.indexOf(connector), 1);
  return start();
}

describe("replay across a connector restart", () => {
  it("refuses a token after a restart that it accepted before, and still accepts fresh ones", async () => {
    const { start, initializeWith, token } = setup();
    const used = await token();
    const first = await start();
    expect((await initializeWith(first, used)).status).toBe(200);

    const second = await restart(first, start);
    const replayed = await initializeWith(second, used);
    expect(replayed.status).toBe(401);
    expect(((await replayed.json()) as { error: { message: string } }).error.message).toContain("replayed");
    expect((await initializeWith(second, await token())).status).toBe(200);
  });

  it("keeps only token ids and expiries in its state file, one short line appended per token (no temp file left behind)", async () => {
    const { pairing, stateDir, start, initializeWith, token } = setup();
    const connector = await start();
    for (let i = 0; i < 3; i++) expect((await initializeWith(connector, await token())).status).toBe(200);
    const files = readdirSync(stateDir);
    expect(files).toHaveLength(1);
    const text = readFileSync(join(stateDir, files[0]!), "utf8");
    expect(readUsedTokensFile(text)?.size).toBe(3);
    // The snapshot written at start, then a line per accepted token.
    expect(text.trimEnd().split("\n")).toHaveLength(4);
    expect(text).not.toContain(Buffer.from(pairing.secret).toString("base64url"));
  });

  it("rewrites the file whole once appended lines far outnumber the live ids, and reads a torn last line as missing", () => {
    const path = join(newStateDir(), "used.json");
    let now = 1_000_000;
    const used = usedTokensInFile(path, 0, now);
    let longest = 0;
    for (let i = 0; i < 2_000; i++) {
      // Each id outlives the next add by one second, so about two are live at a time.
      used.add(`jti-${i}`, now + 1, now);
      now++;
      longest = Math.max(longest, readFileSync(path, "utf8").trimEnd().split("\n").length);
    }
    expect(longest).toBeLessThan(300);
    const text = readFileSync(path, "utf8");
    expect(readUsedTokensFile(text)?.has("jti-1999")).toBe(true);
    expect(readUsedTokensFile(`${text}{"j":"cut-sh`)?.has("jti-1999")).toBe(true);
    const lines = text.trimEnd().split("\n");
    expect(readUsedTokensFile([lines[0], "not json", ...lines.slice(1)].join("\n"))).toBeUndefined();
  });

  it("forgets expired token ids when it writes", async () => {
    const { stateDir, start, initializeWith, token } = setup();
    const connector = await start();
    const now = Math.floor(Date.now() / 1000);
    expect((await initializeWith(connector, await token({ iat: now - 58, exp: now + 2 }))).status).toBe(200);
    const file = join(stateDir, readdirSync(stateDir)[0]!);
    const stale = readUsedTokensFile(readFileSync(file, "utf8"))!;
    // Age the stored entry, as if the connector had been down for a minute, then restart.
    writeFileSync(file, JSON.stringify({ v: 1, used: Object.fromEntries([...stale.keys()].map((jti) => [jti, now - 60])) }));
    const second = await restart(connector, start);
    expect((await initializeWith(second, await token())).status).toBe(200);
    expect(readUsedTokensFile(readFileSync(file, "utf8"))?.size).toBe(1);
  });

  it("refuses to start where it cannot keep its state, rather than forget used tokens on the next restart", async () => {
    const { pairing } = setup();
    const notADirectory = join(newStateDir(), "a-file");
    writeFileSync(notADirectory, "");
    const config: ConnectorConfig = {
      apps: {},
      pairing,
      stateDir: notADirectory,
      host: "127.0.0.1",
      port: 0,
      timeoutMs: 2000,
      logLevel: "error",
      sessionIdleMs: 60_000,
    };
    await expect(startConnector(config, { logger: silentLogger })).rejects.toThrow(/Cannot keep the ids of used tokens/);
  });

  it("after an unreadable state file, refuses tokens issued before the start (they may have been used) but accepts fresh ones", async () => {
    const { stateDir, start, initializeWith, token } = setup();
    const first = await start();
    const now = Math.floor(Date.now() / 1000);
    const used = await token({ iat: now - 2, exp: now + 58 });
    expect((await initializeWith(first, used)).status).toBe(200);
    const file = join(stateDir, readdirSync(stateDir)[0]!);
    writeFileSync(file, "{ not json");
    const second = await restart(first, start);
    expect((await initializeWith(second, used)).status).toBe(401);
    const later = Math.floor(Date.now() / 1000) + 1;
    expect((await initializeWith(second, await token({ iat: later, exp: later + 60 }))).status).toBe(200);
  });
});
