// Every secret of the workerd suite is a canary (vitest.config.ts) and every test fails when one shows up in an
// answer, a WebSocket message or a log line (test/setup/secret-canaries.ts). These tests show the detector and the
// watch work: each leaks a canary on purpose and takes the leak back before the check after the test.
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../workers/index";
import { createLeakDetector } from "../canary/detector";
import { makeCanarySecrets, SECRET_NAMES } from "../canary/secrets";
import { seen, takeLeaks, watchResponse } from "../canary/watch";
import { api, BASE, secrets, signUp } from "../helpers";
import { createStack, removeStack } from "../stacks";

const detector = createLeakDetector(secrets);
const utf8 = (text: string) => new TextEncoder().encode(text);
const base64 = (text: string) => btoa(String.fromCharCode(...utf8(text)));
const hex = (text: string) => Array.from(utf8(text), (b) => b.toString(16).padStart(2, "0")).join("");

describe("the leak detector", () => {
  it("sets every secret to a distinctive canary of at least 32 characters, this run's own", () => {
    for (const name of SECRET_NAMES) expect(secrets[name]).toMatch(/^[0-9a-f]{16}\+canary\/[0-9a-f]{16}\/[0-9a-f]{16}=$/);
    expect(new Set(Object.values(secrets)).size).toBe(SECRET_NAMES.length);
  });

  const forms: [string, (value: string) => string][] = [
    ["raw", (v) => v],
    ["raw", (v) => v.toUpperCase()],
    ["URL-encoded", encodeURIComponent],
    ["URL-encoded", (v) => new URLSearchParams({ v }).toString()],
    ["double URL-encoded", (v) => encodeURIComponent(encodeURIComponent(v))],
    ["hex", hex],
    ["hex", (v) => hex(v).toUpperCase()],
    ["base64", base64],
    ["base64url", (v) => base64(v).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")],
  ];
  const encodes = (form: string) => form.startsWith("base64") || form === "hex";

  for (const name of SECRET_NAMES) {
    it.each(forms)(`finds ${name} as %s, whole or any 23 characters of it (so its first 16+), at any offset of a longer text`, (form, encode) => {
      const value = secrets[name];
      const inText = (piece: string, before: string) => (encodes(form) ? `log ${encode(before + piece + "!")} end` : `log ${before}${encode(piece)}" end`);
      for (const before of ["", "x", "xy", '{"token":"']) {
        // Where base64 has no '+' or '/', base64url reads the same and is reported as base64.
        const reported = detector
          .scan(inText(value, before))
          .filter((f) => f.secret === name)
          .map((f) => f.form);
        expect(reported).toContain(form === "base64url" && !reported.includes(form) ? "base64" : form);
        for (const piece of [value.slice(0, 16), value.slice(0, 23), value.slice(5, 28), value.slice(20, 43), value.slice(-23)]) {
          const found = detector.scan(inText(piece, before)).map((f) => f.secret);
          expect(found, `${form} of ${JSON.stringify(piece)} after ${JSON.stringify(before)}`).toContain(name);
        }
      }
    });
  }

  it("finds nothing in text without the secrets, in a shorter piece of one or in another run's canaries", () => {
    const otherRun = makeCanarySecrets().METRICS_TOKEN;
    const shortPiece = secrets.METRICS_TOKEN.slice(3, 18);
    for (const text of ["", '{"ok":true}', "+canary/", shortPiece, otherRun, base64(otherRun), hex(otherRun), "Authorization: Bearer <METRICS_TOKEN>"]) {
      expect(detector.scan(text), text).toEqual([]);
    }
  });
});

describe("the watch on what leaves the Worker", () => {
  it("reports a canary in a log line, and in which form", async () => {
    console.log(`debug: key=${secrets.AUTOARR_SECRET_KEY}`);
    console.error({ header: `Basic ${base64(`x:${secrets.METRICS_TOKEN}`)}` });
    console.warn(new Error(`upstream refused ${encodeURIComponent(secrets.BRAVE_SEARCH_API_KEY)}`));
    const leaks = await takeLeaks();
    expect(leaks).toEqual(
      expect.arrayContaining([
        { secret: "AUTOARR_SECRET_KEY", form: "raw", where: "console.log" },
        { secret: "METRICS_TOKEN", form: "base64", where: "console.error" },
        { secret: "BRAVE_SEARCH_API_KEY", form: "URL-encoded", where: "console.warn" },
      ]),
    );
    expect(new Set(leaks.map((l) => l.secret))).toEqual(new Set(["AUTOARR_SECRET_KEY", "METRICS_TOKEN", "BRAVE_SEARCH_API_KEY"]));
  });

  it("reports a canary in an answer's headers or body, read by the client or not", async () => {
    const withHeader = watchResponse(new Response("{}", { headers: { "X-Debug": secrets.ANTHROPIC_API_KEY } }), "GET /a → 200");
    const read = watchResponse(new Response(JSON.stringify({ key: secrets.AUTOARR_SECRET_KEY_PREVIOUS })), "GET /b → 200");
    watchResponse(new Response(`prefix ${hex(secrets.METRICS_TOKEN.slice(0, 20))}`), "GET /c → 200");
    expect(await read.json()).toEqual({ key: secrets.AUTOARR_SECRET_KEY_PREVIOUS });
    expect(await withHeader.text()).toBe("{}");
    expect(await takeLeaks()).toEqual(
      expect.arrayContaining([
        { secret: "ANTHROPIC_API_KEY", form: "raw", where: "GET /a → 200 headers" },
        { secret: "AUTOARR_SECRET_KEY_PREVIOUS", form: "raw", where: "GET /b → 200 body" },
        { secret: "METRICS_TOKEN", form: "hex", where: "GET /c → 200 body" },
      ]),
    );
  });

  it("reports a canary in a WebSocket message", async () => {
    const { 0: client, 1: server } = new WebSocketPair();
    client.accept();
    server.accept();
    const received = new Promise((resolve) => client.addEventListener("message", resolve, { once: true }));
    server.send(JSON.stringify({ type: "hello", data: secrets.AUTOARR_SECRET_KEY }));
    await received;
    expect(await takeLeaks()).toEqual([{ secret: "AUTOARR_SECRET_KEY", form: "raw", where: "WebSocket message" }]);
  });

  it("sees the Worker's real answers: a secret put where a public value goes is caught in its body", async () => {
    const ctx = createExecutionContext();
    const response = await worker.fetch(new Request(`${BASE}/api/v1/openapi.json`), { ...env, APP_VERSION: secrets.METRICS_TOKEN }, ctx);
    expect(response.status).toBe(200);
    await response.text();
    await waitOnExecutionContext(ctx);
    expect(await takeLeaks()).toContainEqual({ secret: "METRICS_TOKEN", form: "raw", where: "GET /api/v1/openapi.json → 200 body" });
  });

  it("is on the paths the suite uses: api()'s answers, the Worker's log lines and the hubs' WebSocket messages", async () => {
    const before = seen();
    const owner = await signUp("canary-paths");
    expect((await api("/ping")).status).toBe(200);
    const upgrade = await api("/api/v1/ws", { headers: { Upgrade: "websocket", "Sec-WebSocket-Protocol": `autoarr, ${owner.accessToken}` } });
    expect(upgrade.status).toBe(101);
    const socket = upgrade.webSocket!;
    const hello = new Promise((resolve) => socket.addEventListener("message", resolve, { once: true }));
    socket.accept();
    await hello;
    socket.close(1000, "done");
    const after = seen();
    expect(after.responses - before.responses).toBeGreaterThanOrEqual(3);
    expect(after.logLines).toBeGreaterThan(before.logLines);
    expect(after.socketMessages).toBeGreaterThan(before.socketMessages);
    expect(await takeLeaks()).toEqual([]);
  });

  it("also looks for a test stack's API keys, which never leave the NAS", async () => {
    const stack = await createStack();
    try {
      console.log(`calling ${stack.simulators.sonarr}/api/v3/queue?apikey=${stack.keys.sonarr}`);
      expect(await takeLeaks()).toContainEqual({ secret: `sonarr API key of test stack ${stack.id.slice(0, 8)}`, form: "raw", where: "console.log" });
    } finally {
      await removeStack(stack);
    }
  });
});
