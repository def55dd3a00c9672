import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isStackTool } from "@autoarr/contract";
import { toolCatalog } from "../src/tools/catalog.js";
import { initializeRequest, rawPost, startHarness, call, type Harness } from "./helpers.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ apps: ["sonarr"] });
});
afterAll(() => harness.close());

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const toolCall = { jsonrpc: "2.0", id: 7, method: "tools/call", params: { name: "sonarr_system_status", arguments: {} } };
const forToolCall = { method: "POST", body: toolCall };
const forInitialize = { method: "POST", body: initializeRequest };

async function expectRejected(authorization: string | undefined, sent: unknown = toolCall) {
  const before = harness.sims.requests("sonarr").length;
  const response = await rawPost(harness.mcpUrl, authorization ? { Authorization: authorization } : {}, sent);
  expect(response.status).toBe(401);
  const body = (await response.json()) as { error?: { message?: string } };
  expect(body.error?.message).toMatch(/^Unauthorized/);
  expect(harness.sims.requests("sonarr").length).toBe(before);
  return body.error?.message ?? "";
}

describe("bearer token checks on /mcp", () => {
  it("rejects a request without a token with 401 before any tool runs", async () => {
    expect(await expectRejected(undefined)).toContain("missing");
  });

  it("rejects a malformed authorization header", async () => {
    await expectRejected("Bearer not-a-jwt");
    await expectRejected("Basic dXNlcjpwYXNz");
  });

  it("rejects a token that expired 10 s ago (beyond the 5 s clock tolerance)", async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(await expectRejected(`Bearer ${await harness.token({ iat: now - 70, exp: now - 10, request: forToolCall })}`)).toContain("expired");
  });

  it("accepts a token that expired within the 5 s clock tolerance", async () => {
    const now = Math.floor(Date.now() / 1000);
    const response = await rawPost(
      harness.mcpUrl,
      { Authorization: `Bearer ${await harness.token({ iat: now - 62, exp: now - 2, request: forInitialize })}` },
      initializeRequest,
    );
    expect(response.status).toBe(200);
  });

  it("rejects a token issued more than 5 s in the future", async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(await expectRejected(`Bearer ${await harness.token({ iat: now + 15, exp: now + 60, request: forToolCall })}`)).toContain("future");
  });

  it("rejects a tampered token", async () => {
    const token = await harness.token({ request: forToolCall });
    const [header, payload, signature] = token.split(".");
    const claims = JSON.parse(Buffer.from(payload!, "base64url").toString()) as Record<string, unknown>;
    const forged = `${header}.${b64({ ...claims, sub: "someone-else" })}.${signature}`;
    expect(await expectRejected(`Bearer ${forged}`)).toMatch(/signature|claim/);
  });

  it("rejects alg none", async () => {
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${b64({ alg: "none", typ: "JWT" })}.${b64({ iss: "autoarr", aud: "autoarr-connector", sub: harness.pairing.tenantId, cid: harness.pairing.connectorId, iat: now, exp: now + 60, jti: randomUUID() })}.`;
    await expectRejected(`Bearer ${unsigned}`);
  });

  it("rejects a token signed with a foreign key", async () => {
    expect(await expectRejected(`Bearer ${await harness.token({ key: randomBytes(32) })}`)).toContain("signature");
  });

  it("rejects a token for another tenant or another connector", async () => {
    expect(await expectRejected(`Bearer ${await harness.token({ sub: "tenant-other" })}`)).toContain("sub");
    expect(await expectRejected(`Bearer ${await harness.token({ cid: "connector-other" })}`)).toContain("another connector");
  });

  it("rejects a wrong issuer or audience", async () => {
    expect(await expectRejected(`Bearer ${await harness.token({ iss: "someone" })}`)).toContain("iss");
    expect(await expectRejected(`Bearer ${await harness.token({ aud: "other-service" })}`)).toContain("aud");
  });

  it("rejects a token whose lifetime exceeds the 60 s the Worker mints (61 s, 300 s)", async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(await expectRejected(`Bearer ${await harness.token({ iat: now, exp: now + 61, request: forToolCall })}`)).toContain("lifetime");
    expect(await expectRejected(`Bearer ${await harness.token({ iat: now, exp: now + 300, request: forToolCall })}`)).toContain("lifetime");
  });

  it("rejects a replayed token (same jti) with 401 before any tool runs", async () => {
    const token = await harness.token({ request: forInitialize });
    const first = await rawPost(harness.mcpUrl, { Authorization: `Bearer ${token}` }, initializeRequest);
    expect(first.status).toBe(200);
    expect(await expectRejected(`Bearer ${token}`, initializeRequest)).toContain("replayed");
  });
});

describe("connector HTTP surface", () => {
  it("answers /healthz without auth and without app details", async () => {
    const response = await fetch(`${harness.connector.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, version: expect.any(String) });
  });

  it("answers a stale session id with 404 so the client re-initialises", async () => {
    const sessionId = randomUUID();
    const response = await fetch(harness.mcpUrl, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json, text/event-stream",
        Authorization: `Bearer ${await harness.token({ request: { ...forToolCall, sessionId } })}`,
        "mcp-session-id": sessionId,
      },
      body: JSON.stringify(toolCall),
    });
    expect(response.status).toBe(404);
  });

  it("keeps one session across many calls, each with a fresh token", async () => {
    const client = await harness.client();
    const sessions = harness.connector.sessionCount();
    for (let i = 0; i < 3; i++) expect((await call(client, "sonarr_system_status")).isError).toBe(false);
    expect(harness.connector.sessionCount()).toBe(sessions);
  });

  it("lists only the tools of configured apps, and the stack tools, which answer for whichever apps are configured", async () => {
    const client = await harness.client();
    const { tools } = await client.listTools();
    const appTools = tools.filter((t) => !isStackTool(t.name));
    expect(appTools.map((t) => t.name).sort()).toEqual(
      toolCatalog()
        .filter((t) => t.app === "sonarr")
        .map((t) => t.name)
        .sort(),
    );
    expect(appTools.every((t) => t.name.startsWith("sonarr_"))).toBe(true);
    expect(tools.filter((t) => isStackTool(t.name)).map((t) => t.name)).toEqual(["stack_changes", "stack_web_urls", "stack_item_trace"]);
    expect(tools.every((t) => t.annotations?.readOnlyHint !== undefined && t.annotations?.destructiveHint !== undefined && t.outputSchema)).toBe(true);
  });
});
