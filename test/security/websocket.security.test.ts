// The live WebSocket: an upgrade without a valid token offered as a subprotocol is refused, a socket only ever
// belongs to the tenant its token names, and it lives no longer than its token (or a fresher one sent over it) and
// its session.
import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { base64url, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import {
  HUB_SESSION_HEADER,
  HUB_TENANT_HEADER,
  HUB_TOKEN_EXPIRES_HEADER,
  HUB_TOKEN_ISSUED_HEADER,
  HUB_USER_HEADER,
  type TenantHub,
} from "../../durable-objects/tenant-hub/tenant-hub.do";
import { issueAccessToken } from "../../workers/auth/access-tokens.service";
import { keyRing } from "../../workers/platform/crypto/key-ring";
import { api, errorOf, type Session, signUp } from "../helpers";
import { hub, hubStub } from "../stacks";

const upgrade = (init: { protocols?: string; path?: string; token?: string } = {}) =>
  api(init.path ?? "/api/v1/ws", {
    headers: { Upgrade: "websocket", ...(init.protocols ? { "Sec-WebSocket-Protocol": init.protocols } : {}) },
    ...(init.token ? { token: init.token } : {}),
  });

async function expectRefused(response: Response, message: string) {
  expect(response.status).toBe(401);
  expect(response.webSocket).toBeNull();
  expect(await errorOf(response)).toMatchObject({ code: "unauthorized", message });
}

async function until(check: () => boolean, ms = 2000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 10));
  }
}

const OFFER = "Offer the subprotocols 'autoarr' and your access token";

describe("WebSocket upgrades", () => {
  it("refuses an upgrade without a token, or with the token anywhere but the subprotocol", async () => {
    const owner = await signUp("ws-notoken");
    await expectRefused(await upgrade(), OFFER);
    await expectRefused(await upgrade({ protocols: "autoarr" }), OFFER);
    await expectRefused(await upgrade({ protocols: owner.accessToken }), OFFER);
    await expectRefused(await upgrade({ protocols: "autoarr", token: owner.accessToken }), OFFER);
    await expectRefused(await upgrade({ protocols: "autoarr", path: `/api/v1/ws?token=${owner.accessToken}` }), OFFER);
  });

  it("refuses an upgrade with a garbage or expired token", async () => {
    await expectRefused(await upgrade({ protocols: "autoarr, not.a.token" }), "access token is invalid");
    const owner = await signUp("ws-expired");
    const expired = await new SignJWT({ tid: owner.tenant.id, role: "owner", sid: "s" })
      .setProtectedHeader({ alg: "HS256", kid: (await keyRing(env)).current.id })
      .setSubject(owner.user.id)
      .setIssuer("autoarr")
      .setAudience("autoarr-api")
      .setIssuedAt(1_000)
      .setExpirationTime(2_000)
      .sign(new TextEncoder().encode(env.AUTOARR_SECRET_KEY));
    await expectRefused(await upgrade({ protocols: `autoarr, ${expired}` }), "access token expired");
  });

  it("refuses an upgrade with a token altered to name another tenant", async () => {
    const alice = await signUp("ws-victim");
    const mallory = await signUp("ws-mallory");
    const [header, payload, signature] = mallory.accessToken.split(".");
    const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload!))) as Record<string, unknown>;
    const altered = `${header}.${base64url.encode(JSON.stringify({ ...claims, tid: alice.tenant.id }))}.${signature}`;
    await expectRefused(await upgrade({ protocols: `autoarr, ${altered}` }), "access token is invalid");
  });

  it("gives another tenant's valid token that tenant's stream only: none of this tenant's events reach it", async () => {
    const alice = await signUp("ws-alice");
    const bob = await signUp("ws-bob");
    const open = async (token: string) => {
      const response = await upgrade({ protocols: `autoarr, ${token}` });
      expect(response.status).toBe(101);
      const socket = response.webSocket!;
      socket.accept();
      const inbox: { type: string; data?: { tenantId?: string } }[] = [];
      socket.addEventListener("message", (event) => inbox.push(JSON.parse(event.data as string)));
      return { socket, inbox };
    };
    const alices = await open(alice.accessToken);
    const bobs = await open(bob.accessToken);
    await until(() => alices.inbox.length > 0 && bobs.inbox.length > 0);
    expect(bobs.inbox[0]).toMatchObject({ type: "hello", data: { tenantId: bob.tenant.id } });

    expect(
      await hub(alice.tenant.id).broadcast({
        type: "activity",
        at: new Date().toISOString(),
        data: { id: "test-activity", at: new Date().toISOString(), app: null, kind: "test", level: "info", message: "for alice only", data: null },
      }),
    ).toBe(1);
    await until(() => alices.inbox.some((m) => m.type === "activity"));
    bobs.socket.send(JSON.stringify({ type: "ping" }));
    await until(() => bobs.inbox.some((m) => m.type === "pong"));
    expect(bobs.inbox.filter((m) => m.type === "activity")).toEqual([]);
    alices.socket.close();
    bobs.socket.close();
  });

  it("has a tenant's hub refuse a socket for another tenant, should one ever be routed there", async () => {
    const alice = await signUp("ws-hub-owner");
    const bob = await signUp("ws-hub-stranger");
    const mine = await upgrade({ protocols: `autoarr, ${alice.accessToken}` });
    expect(mine.status).toBe(101);
    mine.webSocket!.accept();
    const foreign = new Request("https://tenant-hub/ws", {
      headers: {
        Upgrade: "websocket",
        [HUB_TENANT_HEADER]: bob.tenant.id,
        [HUB_USER_HEADER]: bob.user.id,
        [HUB_SESSION_HEADER]: "bobs-session",
        [HUB_TOKEN_ISSUED_HEADER]: String(Date.now()),
        [HUB_TOKEN_EXPIRES_HEADER]: String(Date.now() + 60_000),
      },
    });
    await expect(hubStub(alice.tenant.id).fetch(foreign)).rejects.toThrow("This hub belongs to another tenant");
    mine.webSocket!.close();
  });
});

/** A socket of the account opened with this token, with what it receives and how it was closed. */
async function openSocket(token: string) {
  const response = await upgrade({ protocols: `autoarr, ${token}` });
  expect(response.status).toBe(101);
  const socket = response.webSocket!;
  const inbox: { type: string }[] = [];
  const state: { closedWith?: number } = {};
  socket.addEventListener("message", (event) => inbox.push(JSON.parse(event.data as string)));
  socket.addEventListener("close", (event) => (state.closedWith = event.code));
  socket.accept();
  await until(() => inbox.some((m) => m.type === "hello"));
  /** Round trip: everything sent before it has been handled by the hub. */
  const ping = async () => {
    const pongs = inbox.filter((m) => m.type === "pong").length;
    socket.send(JSON.stringify({ type: "ping" }));
    await until(() => inbox.filter((m) => m.type === "pong").length > pongs);
  };
  return { socket, inbox, state, ping };
}

/** An access token of the account's own session that lives only a minute. */
async function shortLivedToken(account: Session): Promise<string> {
  const claims = JSON.parse(new TextDecoder().decode(base64url.decode(account.accessToken.split(".")[1]!))) as { sid: string };
  return issueAccessToken({ userId: account.user.id, tenantId: account.tenant.id, role: "owner" }, claims.sid, env, 60);
}

async function moveHubClock(tenantId: string, ms: number) {
  await runInDurableObject(hubStub(tenantId), (instance: TenantHub) => {
    const base = instance.clock;
    instance.clock = () => base() + ms;
  });
}

describe("WebSocket lifetime", () => {
  it("closes a socket when its access token expires, and delivers nothing to it afterwards", async () => {
    const owner = await signUp("ws-expiry");
    const live = await openSocket(await shortLivedToken(owner));
    await moveHubClock(owner.tenant.id, 120_000);
    expect(
      await hub(owner.tenant.id).broadcast({
        type: "activity",
        at: new Date().toISOString(),
        data: { id: "test-activity", at: new Date().toISOString(), app: null, kind: "test", level: "info", message: "too late", data: null },
      }),
    ).toBe(0);
    await until(() => live.state.closedWith !== undefined);
    expect(live.state.closedWith).toBe(4001);
    expect(live.inbox.filter((m) => m.type === "activity")).toEqual([]);
  });

  it("closes an idle socket whose token expired at the hub's next alarm", async () => {
    const owner = await signUp("ws-idle-expiry");
    const live = await openSocket(await shortLivedToken(owner));
    await moveHubClock(owner.tenant.id, 120_000);
    expect(await runDurableObjectAlarm(hubStub(owner.tenant.id))).toBe(true);
    await until(() => live.state.closedWith !== undefined);
    expect(live.state.closedWith).toBe(4001);
  });

  it("keeps a socket open past its first token once the client sends a fresh one over it", async () => {
    const owner = await signUp("ws-refreshed");
    const refreshed = await openSocket(await shortLivedToken(owner));
    const stale = await openSocket(await shortLivedToken(owner));
    refreshed.socket.send(JSON.stringify({ type: "auth", token: owner.accessToken }));
    await refreshed.ping();

    await moveHubClock(owner.tenant.id, 120_000);
    expect(await runDurableObjectAlarm(hubStub(owner.tenant.id))).toBe(true);
    await until(() => stale.state.closedWith !== undefined);
    expect(stale.state.closedWith).toBe(4001);
    await refreshed.ping();
    expect(refreshed.state.closedWith).toBeUndefined();
    expect(
      await hub(owner.tenant.id).broadcast({
        type: "activity",
        at: new Date().toISOString(),
        data: { id: "test-activity", at: new Date().toISOString(), app: null, kind: "test", level: "info", message: "still here", data: null },
      }),
    ).toBe(1);
    refreshed.socket.close();
  });

  it("closes a socket sent another user's token, or garbage, as its fresh token", async () => {
    const owner = await signUp("ws-swap");
    const stranger = await signUp("ws-swap-stranger");
    const swapped = await openSocket(owner.accessToken);
    swapped.socket.send(JSON.stringify({ type: "auth", token: stranger.accessToken }));
    await until(() => swapped.state.closedWith !== undefined);
    expect(swapped.state.closedWith).toBe(4008);

    const garbage = await openSocket(owner.accessToken);
    garbage.socket.send(JSON.stringify({ type: "auth", token: "not.a.token" }));
    await until(() => garbage.state.closedWith !== undefined);
    expect(garbage.state.closedWith).toBe(4008);
  });

  it("closes the session's sockets at logout, and only that session's", async () => {
    const owner = await signUp("ws-logout");
    const otherDevice = (await (
      await api("/api/v1/auth/login", { method: "POST", json: { email: owner.user.email, password: owner.password } })
    ).json()) as Session;
    const signingOut = await openSocket(owner.accessToken);
    const staying = await openSocket(otherDevice.accessToken);
    expect((await api("/api/v1/auth/logout", { method: "POST", json: { refreshToken: owner.refreshToken } })).status).toBe(204);
    await until(() => signingOut.state.closedWith !== undefined);
    expect(signingOut.state.closedWith).toBe(4003);
    await staying.ping();
    expect(staying.state.closedWith).toBeUndefined();
    staying.socket.close();
  });
});
