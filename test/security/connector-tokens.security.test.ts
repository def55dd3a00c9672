// Attacks on the connector from the cloud side, against a real connector process: a token signed with another
// secret, a replayed token, a token for another connector or tenant, and none at all are each refused with 401.
import { env } from "cloudflare:test";
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { signConnectorToken } from "../../durable-objects/tenant-hub/connector-client";
import { findConnectorTarget } from "../../durable-objects/tenant-hub/connector-lookup";
import { database } from "../../workers/services/db";
import { api } from "../helpers";
import { pairedTenant } from "../stacks";

const initialize = { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "attacker", version: "0" } } };

function callConnector(url: string, token: string | undefined) {
  return fetch(`${url}/mcp`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(initialize),
  });
}

describe("connector tokens, attacked from the cloud side", () => {
  it("accepts a fresh token once, and refuses it replayed, foreign-signed, for another tenant, or missing", async () => {
    const { owner, stack } = await pairedTenant("sec-connector");
    const target = (await findConnectorTarget(database(env.DB), owner.tenant.id, env.AUTOARR_SECRET_KEY))!;

    const token = await signConnectorToken(target);
    expect((await callConnector(stack.connectorUrl, token)).status).toBe(200);
    expect((await callConnector(stack.connectorUrl, token)).status).toBe(401);

    const foreignSecret = crypto.getRandomValues(new Uint8Array(32));
    const foreign = await new SignJWT({ cid: target.connectorId })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer("autoarr")
      .setAudience("autoarr-connector")
      .setSubject(target.tenantId)
      .setIssuedAt()
      .setExpirationTime("60s")
      .setJti(crypto.randomUUID())
      .sign(foreignSecret);
    expect((await callConnector(stack.connectorUrl, foreign)).status).toBe(401);

    const otherTenant = await signConnectorToken({ ...target, tenantId: crypto.randomUUID() });
    expect((await callConnector(stack.connectorUrl, otherTenant)).status).toBe(401);
    const otherConnector = await signConnectorToken({ ...target, connectorId: crypto.randomUUID() });
    expect((await callConnector(stack.connectorUrl, otherConnector)).status).toBe(401);

    const response = await callConnector(stack.connectorUrl, undefined);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toContain("Bearer");

    // The tenant's own calls still work: none of the refused tokens disturbed the hub's session.
    expect((await api("/api/v1/mcp/tools", { token: owner.accessToken })).status).toBe(200);
  });
});
