// Each token is bound to its request (method, body hash, JSON-RPC id, session): one lifted from one request and
// sent with another is refused with 401 before any tool runs, while the MCP session handshake keeps working.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initializeRequest, rawPost, startHarness, type BoundRequest, type Harness, type TokenOverrides } from "./helpers.js";

let harness: Harness;
let sessionId: string;

beforeAll(async () => {
  harness = await startHarness({ apps: ["sonarr"] });
  const opened = await rawPost(
    harness.mcpUrl,
    { Authorization: `Bearer ${await harness.token({ request: { method: "POST", body: initializeRequest } })}` },
    initializeRequest,
  );
  expect(opened.status).toBe(200);
  sessionId = opened.headers.get("mcp-session-id")!;
  const initialized = { jsonrpc: "2.0", method: "notifications/initialized" };
  const notified = await send("POST", initialized, { request: { method: "POST", body: initialized, sessionId } });
  expect(notified.status).toBe(202);
});
afterAll(() => harness.close());

const toolCall = (id: number, name = "sonarr_system_status") => ({ jsonrpc: "2.0", id, method: "tools/call", params: { name, arguments: {} } });

async function send(method: string, body: unknown, token: TokenOverrides, session: string | undefined = sessionId): Promise<Response> {
  return fetch(harness.mcpUrl, {
    method,
    headers: {
      "Content-Type": "application/json",
      Accept: "application/json, text/event-stream",
      Authorization: `Bearer ${await harness.token(token)}`,
      ...(session ? { "mcp-session-id": session } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function expectRefused(method: string, body: unknown, token: TokenOverrides, claim: string, session?: string) {
  const before = harness.sims.requests("sonarr").length;
  const response = await send(method, body, token, session);
  expect(response.status).toBe(401);
  expect(((await response.json()) as { error: { message: string } }).error.message).toContain(`another request (${claim})`);
  expect(harness.sims.requests("sonarr").length).toBe(before);
}

const bound = (request: BoundRequest): TokenOverrides => ({ request });

describe("tokens bound to their request", () => {
  it("accepts a token bound to exactly the request it comes with", async () => {
    const response = await send("POST", toolCall(2), bound({ method: "POST", body: toolCall(2), sessionId }));
    expect(response.status).toBe(200);
    expect(JSON.stringify(await response.json())).toContain("Sonarr");
  });

  it("refuses a token minted for another body", async () => {
    await expectRefused("POST", toolCall(3, "sonarr_queue_list"), bound({ method: "POST", body: toolCall(3), sessionId }), "bh");
  });

  it("refuses a token whose JSON-RPC id is another request's, even with this body's hash", async () => {
    await expectRefused("POST", toolCall(4), { request: { method: "POST", body: toolCall(4), sessionId }, claims: { rid: 5 } }, "rid");
  });

  it("refuses a token minted for another method", async () => {
    await expectRefused("POST", toolCall(6), { request: { method: "POST", body: toolCall(6), sessionId }, claims: { htm: "GET" } }, "htm");
    await expectRefused("DELETE", undefined, bound({ method: "POST", body: toolCall(7), sessionId }), "htm");
  });

  it("refuses a token minted for another session", async () => {
    await expectRefused("POST", toolCall(8), bound({ method: "POST", body: toolCall(8), sessionId: "another-session" }), "sid");
  });

  it("refuses a token that names no request at all", async () => {
    await expectRefused("POST", toolCall(9), {}, "htm");
  });

  it("ends the session with a DELETE bound to it", async () => {
    const opened = await rawPost(
      harness.mcpUrl,
      { Authorization: `Bearer ${await harness.token({ request: { method: "POST", body: initializeRequest } })}` },
      initializeRequest,
    );
    const session = opened.headers.get("mcp-session-id")!;
    const sessions = harness.connector.sessionCount();
    expect((await send("DELETE", undefined, bound({ method: "DELETE", sessionId: session }), session)).status).toBe(200);
    expect(harness.connector.sessionCount()).toBe(sessions - 1);
  });

  it("keeps a full MCP client session working (initialize, notification, calls)", async () => {
    const client = await harness.client();
    const { tools } = await client.listTools();
    expect(tools.length).toBeGreaterThan(0);
    const result = await client.callTool({ name: "sonarr_system_status", arguments: {} });
    expect(result.isError).toBeFalsy();
  });
});
