// Attacks on the connector from the cloud side, against real connector processes: a token signed with another
// secret, for another connector or tenant, none at all, replayed (also after a restart of the process), living
// longer than the hub mints, expired, or lifted from one request and sent with another are each refused with 401.
import { env } from "cloudflare:test";
import { decodeJwt, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { TOKEN_LIFETIME_S } from "@autoarr/contract";
import type { ConnectorTarget } from "../../durable-objects/tenant-hub/connector-client";
import { findConnectorTarget } from "../../durable-objects/tenant-hub/connector-lookup";
import { signConnectorToken } from "../../durable-objects/tenant-hub/connector-token";
import { database } from "../../workers/platform/db/database";
import { base64url, fromBase64url } from "../../workers/platform/encoding";
import { keyRing } from "../../workers/platform/crypto/key-ring";
import { api, signUp } from "../helpers";
import { createStack, pairedTenantsForThisFile, removeStack, startConnector, stopConnector } from "../stacks";

const pairedTenant = pairedTenantsForThisFile();

const initialize = (client = "attacker") => ({
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: client, version: "0" } },
});
const bytes = (body: unknown) => new TextEncoder().encode(JSON.stringify(body));
const postOf = (body: unknown) => ({ method: "POST", body: bytes(body) });

function callConnector(url: string, token: string | undefined, body: unknown = initialize(), method = "POST") {
  return fetch(`${url}/mcp`, {
    method,
    headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    ...(method === "POST" ? { body: JSON.stringify(body) } : {}),
  });
}

async function targetOf(tenantId: string): Promise<ConnectorTarget> {
  return (await findConnectorTarget(database(env.DB), tenantId, await keyRing(env)))!;
}

/** A token signed with the pairing secret but with claims the hub would never mint. */
async function forged(target: ConnectorTarget, claims: { iat: number; exp: number } & Record<string, unknown>): Promise<string> {
  const { iat, exp, ...bound } = claims;
  return new SignJWT({ cid: target.connectorId, ...bound })
    .setProtectedHeader({ alg: "HS256" })
    .setIssuer("autoarr")
    .setAudience("autoarr-connector")
    .setSubject(target.tenantId)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .setJti(crypto.randomUUID())
    .sign(fromBase64url(target.secret));
}

async function boundClaimsOf(target: ConnectorTarget, body: unknown): Promise<Record<string, unknown>> {
  const { htm, bh, rid } = decodeJwt(await signConnectorToken(target, postOf(body)));
  return { htm, bh, rid };
}

describe("connector tokens, attacked from the cloud side", () => {
  it("accepts a fresh token once, and refuses it replayed, foreign-signed, for another tenant, or missing", async () => {
    const { owner, stack } = await pairedTenant("sec-connector");
    const target = await targetOf(owner.tenant.id);

    const token = await signConnectorToken(target, postOf(initialize()));
    expect((await callConnector(stack.connectorUrl, token)).status).toBe(200);
    expect((await callConnector(stack.connectorUrl, token)).status).toBe(401);

    const foreignSecret = crypto.getRandomValues(new Uint8Array(32));
    const now = Math.floor(Date.now() / 1000);
    const foreign = await forged({ ...target, secret: base64url(foreignSecret) }, { iat: now, exp: now + 60, ...(await boundClaimsOf(target, initialize())) });
    expect((await callConnector(stack.connectorUrl, foreign)).status).toBe(401);

    const otherTenant = await signConnectorToken({ ...target, tenantId: crypto.randomUUID() }, postOf(initialize()));
    expect((await callConnector(stack.connectorUrl, otherTenant)).status).toBe(401);
    const otherConnector = await signConnectorToken({ ...target, connectorId: crypto.randomUUID() }, postOf(initialize()));
    expect((await callConnector(stack.connectorUrl, otherConnector)).status).toBe(401);

    const response = await callConnector(stack.connectorUrl, undefined);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toContain("Bearer");

    // The tenant's own calls still work: none of the refused tokens disturbed the hub's session.
    expect((await api("/api/v1/mcp/tools", { token: owner.accessToken })).status).toBe(200);
  });

  it("refuses a token after a restart of the connector process that it accepted before", async () => {
    const owner = await signUp("sec-restart");
    const stack = await createStack();
    try {
      const created = await api("/api/v1/connectors", { method: "POST", token: owner.accessToken, json: { name: "NAS", url: stack.connectorUrl } });
      const { pairingCode } = (await created.json()) as { pairingCode: string };
      await startConnector(stack, pairingCode);
      const target = await targetOf(owner.tenant.id);
      const used = await signConnectorToken(target, postOf(initialize()));
      expect((await callConnector(stack.connectorUrl, used)).status).toBe(200);

      await stopConnector(stack);
      await startConnector(stack, pairingCode);
      const replayed = await callConnector(stack.connectorUrl, used);
      expect(replayed.status).toBe(401);
      expect(await replayed.text()).toContain("replayed");

      // The hub's own calls go through the restarted connector.
      expect((await api("/api/v1/mcp/call", { method: "POST", token: owner.accessToken, json: { tool: "plex_identity" } })).status).toBe(200);
    } finally {
      await removeStack(stack);
    }
  });

  it("refuses a token living longer than the hub mints, and one expired 10 s ago; the hub mints exactly the connector's lifetime", async () => {
    const { owner, stack } = await pairedTenant("sec-lifetime");
    const target = await targetOf(owner.tenant.id);
    const now = Math.floor(Date.now() / 1000);
    const bound = await boundClaimsOf(target, initialize());

    expect((await callConnector(stack.connectorUrl, await forged(target, { iat: now, exp: now + 300, ...bound }))).status).toBe(401);
    expect((await callConnector(stack.connectorUrl, await forged(target, { iat: now - 70, exp: now - 10, ...bound }))).status).toBe(401);

    const minted = decodeJwt(await signConnectorToken(target, postOf(initialize())));
    expect(minted.exp! - minted.iat!).toBe(TOKEN_LIFETIME_S);
    expect(TOKEN_LIFETIME_S).toBe(60);
  });

  it("refuses a token lifted from one request and sent with another body, method or JSON-RPC id", async () => {
    const { owner, stack } = await pairedTenant("sec-binding");
    const target = await targetOf(owner.tenant.id);

    const forOtherBody = await signConnectorToken(target, postOf(initialize("honest-hub")));
    expect((await callConnector(stack.connectorUrl, forOtherBody, initialize("attacker"))).status).toBe(401);

    const forGet = await signConnectorToken(target, { method: "GET" });
    expect((await callConnector(stack.connectorUrl, forGet)).status).toBe(401);
    const forPost = await signConnectorToken(target, postOf(initialize()));
    expect((await callConnector(stack.connectorUrl, forPost, undefined, "DELETE")).status).toBe(401);

    // Right body hash and method, but another request's id.
    const now = Math.floor(Date.now() / 1000);
    const otherId = await forged(target, { iat: now, exp: now + 60, ...(await boundClaimsOf(target, initialize())), rid: 2 });
    expect((await callConnector(stack.connectorUrl, otherId)).status).toBe(401);

    // The same request, correctly bound, is accepted: the refusals above are about the binding alone.
    expect((await callConnector(stack.connectorUrl, await signConnectorToken(target, postOf(initialize())))).status).toBe(200);
    expect((await api("/api/v1/mcp/call", { method: "POST", token: owner.accessToken, json: { tool: "plex_identity" } })).status).toBe(200);
  });
});
