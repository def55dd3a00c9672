import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { api, errorOf, type Session, signUp } from "../helpers";

describe("sign-in failures", () => {
  it("refuses a duplicate email with 409", async () => {
    const account = await signUp("dup");
    const response = await api("/api/v1/auth/register", {
      method: "POST",
      json: { email: account.user.email.toUpperCase(), password: "another password", tenantName: "Second" },
    });
    expect(response.status).toBe(409);
    expect((await errorOf(response)).code).toBe("conflict");
  });

  it("gives the same 401 for a wrong password and an unknown email", async () => {
    const account = await signUp("wrongpw");
    const wrong = await api("/api/v1/auth/login", { method: "POST", json: { email: account.user.email, password: "not the password" } });
    const unknown = await api("/api/v1/auth/login", { method: "POST", json: { email: "nobody@example.com", password: "whatever123" } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await errorOf(wrong)).message).toBe((await errorOf(unknown)).message);
  });

  it.each([
    ["no body fields", {}],
    ["a malformed email", { email: "not-an-email", password: "long enough pw", tenantName: "x" }],
    ["a short password", { email: "short@example.com", password: "short", tenantName: "x" }],
    ["an empty tenant name", { email: "empty@example.com", password: "long enough pw", tenantName: "   " }],
    ["unknown fields", { email: "extra@example.com", password: "long enough pw", tenantName: "x", admin: true }],
    ["wrong types", { email: 42, password: ["a"], tenantName: null }],
  ])("refuses registration with %s as 400 with the zod issues", async (_label, body) => {
    const response = await api("/api/v1/auth/register", { method: "POST", json: body });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe("invalid_request");
    expect(Array.isArray(error.details)).toBe(true);
    expect((error.details as unknown[]).length).toBeGreaterThan(0);
  });

  it("revokes the whole family when a rotated refresh token is reused", async () => {
    const account = await signUp("reuse");
    const rotated = (await (await api("/api/v1/auth/refresh", { method: "POST", json: { refreshToken: account.refreshToken } })).json()) as Session;

    const replay = await api("/api/v1/auth/refresh", { method: "POST", json: { refreshToken: account.refreshToken } });
    expect(replay.status).toBe(401);
    expect((await errorOf(replay)).message).toContain("already used");

    const legit = await api("/api/v1/auth/refresh", { method: "POST", json: { refreshToken: rotated.refreshToken } });
    expect(legit.status).toBe(401);
  });

  it("lets only one of two simultaneous refreshes of the same token win", async () => {
    const account = await signUp("race");
    const [a, b] = await Promise.all([
      api("/api/v1/auth/refresh", { method: "POST", json: { refreshToken: account.refreshToken } }),
      api("/api/v1/auth/refresh", { method: "POST", json: { refreshToken: account.refreshToken } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 401]);
  });

  it("refuses /me without a token, with a malformed header, and with a garbage token", async () => {
    expect((await api("/api/v1/me")).status).toBe(401);
    expect((await api("/api/v1/me", { headers: { Authorization: "Token abc" } })).status).toBe(401);
    const garbage = await api("/api/v1/me", { token: "a.b.c" });
    expect(garbage.status).toBe(401);
    expect((await errorOf(garbage)).message).toBe("access token is invalid");
  });

  it("refuses access tokens that are expired, signed with another key, unsigned, or for another audience", async () => {
    const account = await signUp("jwt");
    const { env } = await import("cloudflare:test");
    const key = new TextEncoder().encode(env.AUTOARR_SECRET_KEY);
    const base = () =>
      new SignJWT({ tid: account.tenant.id, role: "owner" }).setProtectedHeader({ alg: "HS256" }).setSubject(account.user.id).setIssuer("autoarr");

    const expired = await base().setAudience("autoarr-api").setIssuedAt(1_000).setExpirationTime(2_000).sign(key);
    const otherKey = await base().setAudience("autoarr-api").setIssuedAt().setExpirationTime("5m").sign(new TextEncoder().encode("x".repeat(40)));
    const wrongAudience = await base().setAudience("something-else").setIssuedAt().setExpirationTime("5m").sign(key);
    const futureNbf = await base().setAudience("autoarr-api").setIssuedAt().setNotBefore("10m").setExpirationTime("20m").sign(key);
    const payload = btoa(JSON.stringify({ sub: account.user.id, tid: account.tenant.id, role: "owner", iss: "autoarr", aud: "autoarr-api", iat: 1, exp: 9_999_999_999 }))
      .replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
    const unsigned = `${btoa(JSON.stringify({ alg: "none", typ: "JWT" })).replace(/=+$/, "")}.${payload}.`;

    const [good] = account.accessToken.split(".");
    const tampered = `${good}.${payload}.${account.accessToken.split(".")[2]}`;

    const expiredAnswer = await api("/api/v1/me", { token: expired });
    expect(expiredAnswer.status).toBe(401);
    expect((await errorOf(expiredAnswer)).message).toBe("access token expired");
    for (const token of [otherKey, wrongAudience, futureNbf, unsigned, tampered]) {
      expect((await api("/api/v1/me", { token })).status).toBe(401);
    }
  });
});
