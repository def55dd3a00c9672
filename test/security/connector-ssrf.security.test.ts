// The hub fetches the connector URL a tenant registers, so that URL follows the public-URL rule: refused when it is
// registered (400), checked again (with DNS) when the hub connects, and whatever a non-connector answers never comes
// back to the tenant: errors say what failed, not what the target replied.
import { createExecutionContext, env } from "cloudflare:test";
import { describe, expect, inject, it } from "vitest";
import { ConnectorClient } from "../../durable-objects/tenant-hub/connector-client";
import { createApp } from "../../workers/app";
import { CANARY } from "../harness/ssrf-targets";
import { api, BASE, errorOf, signUp } from "../helpers";

const HOSTILE_CONNECTOR_URLS = [
  "https://10.0.0.5",
  "https://192.168.1.20:8790",
  "https://169.254.169.254/latest/meta-data",
  "https://[::ffff:7f00:1]",
  "https://[fd00::5]",
  "https://metadata",
  "https://connector.internal",
  "https://nas.local",
  "https://127.0.0.1.nip.io",
  "https://localtest.me",
  "https://user:pw@nas.example.com",
  "https://nas.example.com:8443",
  "https://nas.example.com.",
  "http://nas.example.com",
  "http://10.0.0.5:8790",
  "http://127.0.0.2:8790",
  "http://0.0.0.0:8790",
  "http://[::ffff:127.0.0.1]:8790",
  "ftp://nas.example.com",
];

const LOOPBACK_CONNECTOR_URLS = ["http://127.0.0.1:8790", "http://localhost:8790", "http://[::1]:8790"];

async function register(token: string, url: string) {
  return api("/api/v1/connectors", { method: "POST", token, json: { name: `NAS ${crypto.randomUUID().slice(0, 6)}`, url } });
}

describe("registering a connector URL", () => {
  it.each(HOSTILE_CONNECTOR_URLS)("refuses %s with 400", async (url) => {
    const owner = await signUp("sec-conn-url");
    const response = await register(owner.accessToken, url);
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe("invalid_request");
    expect(JSON.stringify(error)).toMatch(/connector URL/i);
  });

  it.each(["https://connector.example.com", "https://nas-tunnel.example.org/", "https://93.184.215.14"])("accepts %s", async (url) => {
    const owner = await signUp("sec-conn-ok");
    expect((await register(owner.accessToken, url)).status).toBe(201);
  });

  it.each(LOOPBACK_CONNECTOR_URLS)("accepts %s only while the local-development switch is on", async (url) => {
    const owner = await signUp("sec-conn-loop");
    expect((await register(owner.accessToken, url)).status).toBe(201); // vitest.config.ts turns it on, as `npm start` does

    const production = { ...env, AUTOARR_ALLOW_LOOPBACK_CONNECTORS: undefined };
    const request = new Request(`${BASE}/api/v1/connectors`, {
      method: "POST",
      headers: { Authorization: `Bearer ${owner.accessToken}`, "Content-Type": "application/json", "CF-Connecting-IP": "198.51.100.77" },
      body: JSON.stringify({ name: "NAS elsewhere", url }),
    });
    const response = await createApp().fetch(request, production, createExecutionContext());
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toMatch(/local development/i);
  });
});

async function toolsError(token: string) {
  const response = await api("/api/v1/mcp/tools", { token });
  expect(response.status).toBe(503);
  return errorOf(response);
}

describe("connecting to a stored connector URL", () => {
  it.each([
    ["a private address", "https://10.0.0.1", /10\.0\.0\.1 is not a public address/],
    ["a private address over http", "http://10.0.0.1:8790", /plain http/],
    ["the metadata address", "https://169.254.169.254", /not a public address/],
    ["an IPv4-mapped loopback address", "http://[::ffff:7f00:1]:8790", /plain http/],
    ["a single-label name", "https://metadata", /single label/],
    ["a wildcard-DNS name", "https://127.0.0.1.nip.io", /nip\.io/],
  ])("refuses a row stored before the rule that points at %s", async (_what, url, reason) => {
    const owner = await signUp("sec-conn-legacy");
    const { connector } = (await (await register(owner.accessToken, "https://nas.example.com")).json()) as { connector: { id: string } };
    await env.DB.prepare("UPDATE connectors SET url = ? WHERE id = ?").bind(url, connector.id).run();
    const error = await toolsError(owner.accessToken);
    expect(error.message).toMatch(/registered URL is not allowed/);
    expect(error.message).toMatch(reason);
  });

  it.each([
    ["resolves to loopback", "https://loopback.ssrf.example.com"],
    ["resolves to a private address", "https://private.ssrf.example.com"],
    ["is an alias of a loopback name", "https://alias.ssrf.example.com"],
    ["does not exist", "https://nowhere.ssrf.example.com"],
  ])("refuses a name that %s (checked by DNS-over-HTTPS before connecting)", async (_what, url) => {
    const owner = await signUp("sec-conn-dns");
    expect((await register(owner.accessToken, url)).status).toBe(201);
    const error = await toolsError(owner.accessToken);
    expect(error.message).toMatch(/registered URL is not allowed: .*(non-public address|no address|could not resolve)/);
  });

  it("refuses a loopback connector when the local-development switch is off", async () => {
    const client = new ConnectorClient({ url: "http://127.0.0.1:8790", tenantId: "t", connectorId: "c", secret: "A".repeat(43) }, undefined, {
      allowLoopback: false,
      resolverUrl: env.DNS_RESOLVER_URL,
    });
    await expect(client.listTools({ timeoutMs: 2_000 })).rejects.toThrow(/registered URL is not allowed: .*only in local development/);
  });
});

describe("a connector URL that answers like something else", () => {
  const { urls } = inject("canaryTargets");

  it.each([
    ["plain-text", /did not answer as an AutoArr connector/],
    ["html-error", /HTTP 500/],
    ["forbidden", /refused AutoArr's credentials|HTTP 403/],
    ["not-found", /HTTP 404/],
    ["bad-json", /did not answer as an AutoArr connector/],
    ["other-json", /did not answer as an AutoArr connector/],
    ["json-rpc-error", /answered with MCP error -32000/],
    ["event-stream", /did not answer in time|did not answer as an AutoArr connector/],
    ["redirect", /redirect/],
  ])("never shows the reply of a %s server in /api/v1/mcp/tools, /health or the connector list", async (kind, expected) => {
    const owner = await signUp(`sec-canary-${kind}`);
    expect((await register(owner.accessToken, urls[kind]!)).status).toBe(201);

    const error = await toolsError(owner.accessToken);
    expect(error.message).toMatch(expected);
    expect(JSON.stringify(error)).not.toContain(CANARY);

    const health = await (await api("/health", { token: owner.accessToken })).text();
    expect(health).toContain("lastError");
    expect(health).not.toContain(CANARY);
    const connectorHealth = await (await api("/health/connector", { token: owner.accessToken })).text();
    expect(connectorHealth).not.toContain(CANARY);

    // The hub notes the failure in D1 in the background: wait for it, then read the list.
    let listed = "";
    for (let i = 0; i < 50 && !/"lastError":"/.test(listed); i++) {
      await new Promise((r) => setTimeout(r, 100));
      listed = await (await api("/api/v1/connectors", { token: owner.accessToken })).text();
    }
    expect(listed).toMatch(/"lastError":"/);
    expect(listed).not.toContain(CANARY);
  });

  it("does not follow the redirect", async () => {
    const owner = await signUp("sec-canary-redirect-hits");
    await register(owner.accessToken, urls.redirect!);
    await toolsError(owner.accessToken);
    expect(await (await fetch(`${urls.redirect}/__hits`)).json()).toEqual({ hits: 0 });
  });
});
