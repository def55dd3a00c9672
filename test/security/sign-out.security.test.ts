// Signing out ends the session's access tokens at once, not when they expire: the API, /mcp and the WebSocket all
// refuse them. Removing a member (the hub's endSessions without a session) ends every session the user has.
import { runInDurableObject } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import type { TenantHub } from "../../durable-objects/tenant-hub/tenant-hub.do";
import { describe, expect, it } from "vitest";
import { api, BASE, errorOf, type Session, signUp } from "../helpers";
import { hubStub } from "../stacks";

const SIGNED_OUT = "access token belongs to a session that was signed out";
const logout = (refreshToken: string) => api("/api/v1/auth/logout", { method: "POST", json: { refreshToken } });
const login = async (account: Session & { password: string }) =>
  (await (await api("/api/v1/auth/login", { method: "POST", json: { email: account.user.email, password: account.password } })).json()) as Session;
const mcpInitialize = (token: string) =>
  exports.default.fetch(
    new Request(`${BASE}/mcp`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", Accept: "application/json, text/event-stream" },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "initialize",
        params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "t", version: "0" } },
      }),
    }),
  );
const upgrade = (token: string) => api("/api/v1/ws", { headers: { Upgrade: "websocket", "Sec-WebSocket-Protocol": `autoarr, ${token}` } });

async function expectSignedOut(response: Response) {
  expect(response.status).toBe(401);
  expect(await errorOf(response)).toMatchObject({ code: "unauthorized", message: SIGNED_OUT });
}

describe("signing out", () => {
  it("ends the access token at once: /me, /mcp and a new WebSocket refuse it; the user's other session goes on", async () => {
    const account = await signUp("signout");
    const otherDevice = await login(account);
    expect((await api("/api/v1/me", { token: account.accessToken })).status).toBe(200);
    const before = await mcpInitialize(account.accessToken);
    expect(before.status).toBe(200);
    await before.body?.cancel();

    expect((await logout(account.refreshToken)).status).toBe(204);

    await expectSignedOut(await api("/api/v1/me", { token: account.accessToken }));
    const mcpAfter = await mcpInitialize(account.accessToken);
    expect(mcpAfter.headers.get("www-authenticate")).toBe('Bearer realm="autoarr", error="invalid_token"');
    await expectSignedOut(mcpAfter);
    const socket = await upgrade(account.accessToken);
    expect(socket.webSocket).toBeNull();
    await expectSignedOut(socket);

    expect((await api("/api/v1/me", { token: otherDevice.accessToken })).status).toBe(200);
  });

  it("ends the access tokens a replayed refresh token's family had issued", async () => {
    const account = await signUp("signout-replay");
    const { authClock } = await import("../../workers/auth/auth-sessions.service");
    const rotated = (await (await api("/api/v1/auth/refresh", { method: "POST", json: { refreshToken: account.refreshToken } })).json()) as Session;
    const base = authClock.now;
    authClock.now = () => base() + 60_000;
    try {
      expect((await api("/api/v1/auth/refresh", { method: "POST", json: { refreshToken: account.refreshToken } })).status).toBe(401);
    } finally {
      authClock.now = base;
    }
    await expectSignedOut(await api("/api/v1/me", { token: rotated.accessToken }));
  });
});

describe("removing a member (the hub's endSessions for every session of a user)", () => {
  it("revokes every refresh token, refuses every access token and closes every socket of that user only", async () => {
    const owner = await signUp("member-removed");
    const secondDevice = await login(owner);
    const opened = await upgrade(secondDevice.accessToken);
    expect(opened.status).toBe(101);
    const socket = opened.webSocket!;
    let closedWith: number | undefined;
    socket.addEventListener("close", (event) => (closedWith = event.code));
    socket.accept();
    const bystander = await signUp("member-stays");

    const { socketsClosed } = await hubStub(owner.tenant.id).endSessions(owner.tenant.id, { userId: owner.user.id });
    expect(socketsClosed).toBe(1);

    for (const token of [owner.accessToken, secondDevice.accessToken]) await expectSignedOut(await api("/api/v1/me", { token }));
    for (const refreshToken of [owner.refreshToken, secondDevice.refreshToken]) {
      expect((await api("/api/v1/auth/refresh", { method: "POST", json: { refreshToken } })).status).toBe(401);
    }
    const deadline = Date.now() + 2000;
    while (closedWith === undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(closedWith).toBe(4003);
    expect((await api("/api/v1/me", { token: bystander.accessToken })).status).toBe(200);
  });
});

describe("the hub's list of ended sessions", () => {
  it("keeps a session only as long as one of its access tokens could still be valid", async () => {
    const owner = await signUp("ended-list");
    const stub = hubStub(owner.tenant.id);
    const endedKeys = () => runInDurableObject(stub, (_hub: TenantHub, state) => [...state.storage.kv.list({ prefix: "ended-session:" })].map(([key]) => key));
    await stub.endSessions(owner.tenant.id, { userId: owner.user.id, sessionId: "first" });
    expect(await endedKeys()).toEqual(["ended-session:first"]);

    // Fifteen minutes (the access TTL) and the one-minute margin later, the first entry has nothing left to refuse.
    await runInDurableObject(stub, (hub: TenantHub) => {
      const base = hub.clock;
      hub.clock = () => base() + 16 * 60_000 + 1_000;
    });
    await stub.endSessions(owner.tenant.id, { userId: owner.user.id, sessionId: "second" });
    expect(await endedKeys()).toEqual(["ended-session:second"]);
  });
});
