// The live WebSocket: an upgrade without a valid token offered as a subprotocol is refused, and a socket only ever
// belongs to the tenant its token names.
import { env } from "cloudflare:test";
import { base64url, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { HUB_TENANT_HEADER, HUB_USER_HEADER } from "../../durable-objects/tenant-hub/tenant-hub.do";
import { api, errorOf, signUp } from "../helpers";
import { hub, hubStub } from "../stacks";

const upgrade = (init: { protocols?: string; path?: string; token?: string } = {}) =>
  api(init.path ?? "/api/v1/ws", { headers: { Upgrade: "websocket", ...(init.protocols ? { "Sec-WebSocket-Protocol": init.protocols } : {}) }, ...(init.token ? { token: init.token } : {}) });

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
    const expired = await new SignJWT({ tid: owner.tenant.id, role: "owner" }).setProtectedHeader({ alg: "HS256" }).setSubject(owner.user.id)
      .setIssuer("autoarr").setAudience("autoarr-api").setIssuedAt(1_000).setExpirationTime(2_000).sign(new TextEncoder().encode(env.AUTOARR_SECRET_KEY));
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

    expect(await hub(alice.tenant.id).broadcast({ type: "activity", at: new Date().toISOString(), data: { message: "for alice only" } })).toBe(1);
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
    const foreign = new Request("https://tenant-hub/ws", { headers: { Upgrade: "websocket", [HUB_TENANT_HEADER]: bob.tenant.id, [HUB_USER_HEADER]: bob.user.id } });
    await expect(hubStub(alice.tenant.id).fetch(foreign)).rejects.toThrow("This hub belongs to another tenant");
    mine.webSocket!.close();
  });
});
