// Runs the stack the way `npm start` does and uses it as a newcomer would: health, sign-up, sign-in, a live socket.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { freePort } from "../../scripts/lib/free-port.mjs";
import { startStack } from "../../scripts/lib/stack.mjs";

const post = (url, body, headers = { "Content-Type": "application/json" }) => fetch(url, { method: "POST", headers, body: JSON.stringify(body) });

describe("the local stack (npm start)", { timeout: 240_000 }, () => {
  let stack;
  const persistDir = mkdtempSync(path.join(tmpdir(), "autoarr-stack-"));

  before(async () => {
    stack = await startStack({
      port: await freePort(),
      connectorPort: await freePort(),
      persistDir,
      quiet: true,
      build: !process.env.AUTOARR_SKIP_BUILD,
      // The tests run the check themselves; the hub's own two-minute alarm would race them (check-alarms.test.mjs has it on).
      extraVars: { CHECK_ALARMS: "off" },
    });
  });
  after(async () => {
    await stack?.stop();
    rmSync(persistDir, { recursive: true, force: true });
  });

  it("serves /health with the Worker, D1 and KV healthy", async () => {
    const response = await fetch(`${stack.url}/health`);
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.equal(body.status, "ok");
    assert.deepEqual(Object.keys(body.checks).sort(), ["d1", "kv", "worker"]);
  });

  it("serves the web app at / and for client-side routes", async () => {
    const root = await fetch(`${stack.url}/`);
    assert.equal(root.status, 200);
    assert.match(await root.text(), /<div id="root">/);
    const deep = await fetch(`${stack.url}/settings`);
    assert.equal(deep.status, 200);
  });

  it("sends the security headers with every asset, the SPA fallback included, under a CSP without inline or eval", async () => {
    const html = await (await fetch(`${stack.url}/`)).text();
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]);
    assert.ok(
      scripts.some((src) => src.startsWith("/assets/") && src.endsWith(".js")),
      `index.html loads its bundle: ${scripts}`,
    );
    // The only inline script allowed is index.html's theme (before first paint), by the sha256 of its exact text.
    const inlineScriptHashes = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
      ([, text]) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`,
    );
    assert.equal(inlineScriptHashes.length, 1, "index.html has its one inline script, the theme");
    const paths = ["/", "/settings", "/requests/unknown-deep-link", ...scripts, "/sw.js", "/manifest.webmanifest", "/icon.svg"];
    for (const assetPath of paths) {
      const response = await fetch(`${stack.url}${assetPath}`);
      await response.arrayBuffer();
      assert.equal(response.status, 200, assetPath);
      const header = (name) => response.headers.get(name);
      assert.equal(header("x-content-type-options"), "nosniff", assetPath);
      assert.equal(header("referrer-policy"), "no-referrer", assetPath);
      assert.equal(header("strict-transport-security"), "max-age=63072000; includeSubDomains", assetPath);
      assert.equal(header("cross-origin-opener-policy"), "same-origin", assetPath);
      assert.match(header("permissions-policy") ?? "", /camera=\(\)/, assetPath);
      const csp = new Map(
        (header("content-security-policy") ?? "")
          .split(";")
          .map((d) => d.trim().split(/\s+/))
          .filter(([name]) => name)
          .map(([name, ...values]) => [name, values]),
      );
      assert.deepEqual(csp.get("default-src"), ["'self'"], assetPath);
      assert.deepEqual(csp.get("script-src"), ["'self'", ...inlineScriptHashes], assetPath);
      assert.deepEqual(csp.get("connect-src"), ["'self'"], assetPath);
      for (const [directive, value] of [
        ["frame-ancestors", "'none'"],
        ["base-uri", "'none'"],
        ["object-src", "'none'"],
        ["form-action", "'self'"],
      ]) {
        assert.deepEqual(csp.get(directive), [value], `${assetPath} ${directive}`);
      }
      for (const values of csp.values()) assert.ok(!values.some((v) => /unsafe-|^\*$|^https?:$/.test(v)), `${assetPath}: ${values}`);
    }
    // Beside the hashed theme script, the built page must not need any inline script (none with attributes either).
    assert.doesNotMatch(html.replace(/<script\b[^>]*\bsrc="[^"]*"[^>]*><\/script>/g, "").replace(/<script>[\s\S]*?<\/script>/g, ""), /<script\b/);
  });

  it("has created the demo account, which can sign in", async () => {
    const response = await post(`${stack.url}/api/v1/auth/login`, stack.demo);
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.equal(body.user.email, "demo@autoarr.local");
  });

  it("lets a new user register, sign in and open a WebSocket", async () => {
    const email = `newcomer-${Date.now()}@example.com`;
    const registered = await post(`${stack.url}/api/v1/auth/register`, { email, password: "newcomer password", tenantName: "Newcomer" });
    assert.equal(registered.status, 201);
    const login = await post(`${stack.url}/api/v1/auth/login`, { email, password: "newcomer password" });
    assert.equal(login.status, 200);
    const { accessToken, tenant } = await login.json();

    const socket = new WebSocket(`${stack.url.replace("http", "ws")}/api/v1/ws`, ["autoarr", accessToken]);
    const hello = await new Promise((resolve, reject) => {
      socket.onmessage = (event) => resolve(JSON.parse(event.data));
      socket.onerror = () => reject(new Error("WebSocket failed"));
      setTimeout(() => reject(new Error("no hello within 10 s")), 10_000);
    });
    assert.equal(socket.protocol, "autoarr");
    assert.equal(hello.type, "hello");
    assert.equal(hello.data.tenantId, tenant.id);
    socket.close();
  });

  it("runs a check now (POST /api/v1/recovery/check), which recovers the demo stack's failed download while a WebSocket client watches", async () => {
    const { accessToken } = await (await post(`${stack.url}/api/v1/auth/login`, stack.demo)).json();
    const socket = new WebSocket(`${stack.url.replace("http", "ws")}/api/v1/ws`, ["autoarr", accessToken]);
    const events = [];
    socket.onmessage = (event) => events.push(JSON.parse(event.data));
    await new Promise((resolve, reject) => {
      socket.onopen = resolve;
      socket.onerror = () => reject(new Error("WebSocket failed"));
    });
    const response = await fetch(`${stack.url}/api/v1/recovery/check`, { method: "POST", headers: { Authorization: `Bearer ${accessToken}` } });
    assert.equal(response.status, 200);
    const report = await response.json();
    assert.ok(
      report.queue.actions.some((a) => a.outcome === "succeeded"),
      JSON.stringify(report),
    );
    const recoveries = await (await fetch(`${stack.url}/api/v1/downloads/recoveries`, { headers: { Authorization: `Bearer ${accessToken}` } })).json();
    assert.ok(
      recoveries.items.some((r) => r.outcome === "succeeded"),
      JSON.stringify(recoveries.items),
    );
    const deadline = Date.now() + 10_000;
    const recovered = () => events.find((e) => e.type === "recovery" && e.data.outcome === "succeeded");
    while (!recovered() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    socket.close();
    assert.ok(recovered(), `the socket saw: ${JSON.stringify(events.map((e) => e.type))}`);
    assert.match(recovered().data.action, /blocklist_and_search/);
  });

  it("lets an MCP client list and call AutoArr's own tools at /mcp", async () => {
    const { Client } = await import("@modelcontextprotocol/sdk/client/index.js");
    const { StreamableHTTPClientTransport } = await import("@modelcontextprotocol/sdk/client/streamableHttp.js");
    const { accessToken } = await (await post(`${stack.url}/api/v1/auth/login`, stack.demo)).json();
    const client = new Client({ name: "local-stack-test", version: "0.0.0" });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${stack.url}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${accessToken}` } } }),
    );
    try {
      const { tools } = await client.listTools();
      assert.deepEqual(tools.map((t) => t.name).sort(), [
        "apply_recommendation",
        "audit_configuration",
        "diagnose",
        "get_activity",
        "get_health",
        "get_queue",
        "list_notification_channels",
        "list_recommendations",
        "request_content",
        "send_test_notification",
      ]);
      const queue = await client.callTool({ name: "get_queue", arguments: {} });
      assert.notEqual(queue.isError, true, JSON.stringify(queue));
      // The demo's stalled Severance episode never moves, so it is always in the queue.
      assert.ok(
        JSON.parse(queue.content[0].text).items.some((item) => /Severance/.test(item.title)),
        queue.content[0].text.slice(0, 500),
      );
    } finally {
      await client.close();
    }
  });

  it("follows one request's trace id through the Worker's, the hub's and the connector's logs", async () => {
    const { accessToken } = await (await post(`${stack.url}/api/v1/auth/login`, stack.demo)).json();
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    const response = await fetch(`${stack.url}/api/v1/downloads/queue?refresh=true`, {
      headers: { Authorization: `Bearer ${accessToken}`, traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    });
    assert.equal(response.status, 200);
    const deadline = Date.now() + 5_000;
    const traced = () =>
      stack
        .logs()
        .split("\n")
        .flatMap((line) => {
          const json = line.slice(line.indexOf("{"));
          try {
            const parsed = JSON.parse(json);
            return parsed.trace_id === traceId ? [parsed] : [];
          } catch {
            return [];
          }
        });
    const seen = (lines) => ({
      worker: lines.some((l) => l.logger === "http" && l.message === "request"),
      hub: lines.some((l) => l.logger === "tenant-hub" && l.message === "mcp call"),
      connector: lines.some((l) => l.message === "tool call"),
    });
    while (Object.values(seen(traced())).includes(false) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(seen(traced()), { worker: true, hub: true, connector: true });
  });

  it("shows the demo connector's four apps healthy at /health", async () => {
    const { accessToken } = await (await post(`${stack.url}/api/v1/auth/login`, stack.demo)).json();
    const body = await (await fetch(`${stack.url}/health`, { headers: { Authorization: `Bearer ${accessToken}` } })).json();
    for (const app of ["connector", "sabnzbd", "sonarr", "radarr", "plex"]) assert.equal(body.services[app]?.state, "closed", app);
  });

  it("never writes a secret to the logs of the Worker, the hub or the connector", async () => {
    const { DEMO_KEYS } = await import("../../connector/dist/simulators/index.js");
    const login = await (await post(`${stack.url}/api/v1/auth/login`, stack.demo)).json();
    const auth = { Authorization: `Bearer ${login.accessToken}`, "Content-Type": "application/json" };
    // Exercise the paths that handle secrets: tool calls, config reads, a refresh, a request.
    await fetch(`${stack.url}/api/v1/mcp/call`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ tool: "sonarr_config_get", arguments: { resource: "host" } }),
    });
    await fetch(`${stack.url}/api/v1/mcp/call`, { method: "POST", headers: auth, body: JSON.stringify({ tool: "sabnzbd_get_config", arguments: {} }) });
    const refreshed = await (await post(`${stack.url}/api/v1/auth/refresh`, { refreshToken: login.refreshToken })).json();
    await post(`${stack.url}/api/v1/requests`, { query: "add breaking bad in 1080p" }, auth);

    const pairingSecret = JSON.parse(Buffer.from(stack.pairingCode.slice(5), "base64url").toString()).secret;
    const secrets = {
      ...Object.fromEntries(Object.entries(DEMO_KEYS).map(([app, key]) => [`${app} key`, key])),
      "pairing code": stack.pairingCode,
      "pairing secret": pairingSecret,
      "demo password": stack.demo.password,
      "refresh token": login.refreshToken,
      "rotated refresh token": refreshed.refreshToken,
      "access token": login.accessToken,
    };
    const logs = stack.logs();
    assert.ok(logs.length > 1000, "the stack's logs were captured");
    for (const [name, value] of Object.entries(secrets)) assert.ok(!logs.includes(value), `the ${name} appears in the logs`);
  });
});
