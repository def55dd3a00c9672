// Forged access tokens: each differs from a token AutoArr would accept in one way only, and each gets a 401.
import { env } from "cloudflare:test";
import { base64url, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { api, errorOf, type Session, signUp } from "../helpers";

const encoder = new TextEncoder();
const rightKey = () => encoder.encode(env.AUTOARR_SECRET_KEY);
const json = (value: unknown) => base64url.encode(JSON.stringify(value));

/** A token with AutoArr's claims for the account; each forgery changes one thing about it. */
function claimsOf(account: Session, alg = "HS256") {
  return new SignJWT({ tid: account.tenant.id, role: "owner" }).setProtectedHeader({ alg, typ: "JWT" }).setSubject(account.user.id).setIssuer("autoarr");
}

async function expect401(token: string, message: string) {
  const response = await api("/api/v1/me", { token });
  expect(response.status).toBe(401);
  expect(await errorOf(response)).toMatchObject({ code: "unauthorized", message });
}

const forgeries: [string, (account: Session, victim: Session) => Promise<string>][] = [
  ["alg none, unsigned", async (account) => {
    const payload = { sub: account.user.id, tid: account.tenant.id, role: "owner", iss: "autoarr", aud: "autoarr-api", iat: Math.floor(Date.now() / 1000), exp: 9_999_999_999 };
    return `${json({ alg: "none", typ: "JWT" })}.${json(payload)}.`;
  }],
  ["signed with another key", (account) => claimsOf(account).setAudience("autoarr-api").setIssuedAt().setExpirationTime("5m").sign(encoder.encode("x".repeat(40)))],
  ["signed with the right key but HS512", (account) =>
    claimsOf(account, "HS512").setAudience("autoarr-api").setIssuedAt().setExpirationTime("5m").sign(rightKey())],
  ["not valid before ten minutes from now", (account) => claimsOf(account).setAudience("autoarr-api").setIssuedAt().setNotBefore("10m").setExpirationTime("20m").sign(rightKey())],
  ["for another audience", (account) => claimsOf(account).setAudience("autoarr-connector").setIssuedAt().setExpirationTime("5m").sign(rightKey())],
  ["from another issuer", (account) => claimsOf(account).setIssuer("evil").setAudience("autoarr-api").setIssuedAt().setExpirationTime("5m").sign(rightKey())],
  ["a real token whose payload was changed to another tenant", async (account, victim) => {
    const [header, payload, signature] = account.accessToken.split(".");
    const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload!))) as Record<string, unknown>;
    return `${header}.${json({ ...claims, tid: victim.tenant.id })}.${signature}`;
  }],
  ["a real token with its signature cut off", async (account) => `${account.accessToken.split(".").slice(0, 2).join(".")}.`],
];

describe("access tokens, forged", () => {
  it("accepts the unforged token the forgeries start from", async () => {
    const account = await signUp("jwt-control");
    const token = await claimsOf(account).setAudience("autoarr-api").setIssuedAt().setExpirationTime("5m").sign(rightKey());
    const response = await api("/api/v1/me", { token });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { tenant: { id: string } }).tenant.id).toBe(account.tenant.id);
  });

  it.each(forgeries)("refuses a token %s with 401 unauthorized", async (_what, forge) => {
    const account = await signUp("jwt-forger");
    const victim = await signUp("jwt-victim");
    await expect401(await forge(account, victim), "access token is invalid");
  });

  it("refuses an expired token with 401, saying it expired", async () => {
    const account = await signUp("jwt-expired");
    const expired = await claimsOf(account).setAudience("autoarr-api").setIssuedAt(1_000).setExpirationTime(2_000).sign(rightKey());
    await expect401(expired, "access token expired");
  });

  it("refuses /me with no token, with a header that is not Bearer, and with garbage", async () => {
    const none = await api("/api/v1/me");
    expect(none.status).toBe(401);
    expect(await errorOf(none)).toMatchObject({ code: "unauthorized", message: "Sign in first: send 'Authorization: Bearer <access token>'" });
    const notBearer = await api("/api/v1/me", { headers: { Authorization: "Token abc" } });
    expect(notBearer.status).toBe(401);
    expect(await errorOf(notBearer)).toMatchObject({ code: "unauthorized", message: "Authorization header must be 'Bearer <token>'" });
    await expect401("a.b.c", "access token is invalid");
  });
});
