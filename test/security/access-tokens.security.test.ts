// Forged access tokens: each differs from a token AutoArr would accept in one way only, and each gets a 401.
// Also: rotating the secret key keeps tokens of the previous key working only while it is configured, and no
// token, however well signed, may live longer than AutoArr issues them.
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { base64url, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import worker from "../../workers/index";
import { keyRing } from "../../workers/platform/crypto/key-ring";
import { api, BASE, errorOf, type Session, signUp, uniqueEmail } from "../helpers";

const encoder = new TextEncoder();
const rightKey = () => encoder.encode(env.AUTOARR_SECRET_KEY);
const rightKid = (await keyRing(env)).current.id;
const json = (value: unknown) => base64url.encode(JSON.stringify(value));

/** A token with AutoArr's claims for the account; each forgery changes one thing about it. */
function claimsOf(account: Session, alg = "HS256", header: Record<string, unknown> = { kid: rightKid }) {
  return new SignJWT({ tid: account.tenant.id, role: "owner", sid: crypto.randomUUID() })
    .setProtectedHeader({ alg, typ: "JWT", ...header })
    .setSubject(account.user.id)
    .setIssuer("autoarr");
}

async function expect401(token: string, message: string) {
  const response = await api("/api/v1/me", { token });
  expect(response.status).toBe(401);
  expect(await errorOf(response)).toMatchObject({ code: "unauthorized", message });
}

const forgeries: [string, (account: Session, victim: Session) => Promise<string>][] = [
  [
    "alg none, unsigned",
    async (account) => {
      const payload = {
        sub: account.user.id,
        tid: account.tenant.id,
        role: "owner",
        sid: "s",
        iss: "autoarr",
        aud: "autoarr-api",
        iat: Math.floor(Date.now() / 1000),
        exp: 9_999_999_999,
      };
      return `${json({ alg: "none", typ: "JWT", kid: rightKid })}.${json(payload)}.`;
    },
  ],
  [
    "signed with another key",
    (account) =>
      claimsOf(account)
        .setAudience("autoarr-api")
        .setIssuedAt()
        .setExpirationTime("5m")
        .sign(encoder.encode("x".repeat(40))),
  ],
  [
    "signed with the right key but HS512",
    (account) => claimsOf(account, "HS512").setAudience("autoarr-api").setIssuedAt().setExpirationTime("5m").sign(rightKey()),
  ],
  [
    "not valid before ten minutes from now",
    (account) => claimsOf(account).setAudience("autoarr-api").setIssuedAt().setNotBefore("10m").setExpirationTime("20m").sign(rightKey()),
  ],
  ["for another audience", (account) => claimsOf(account).setAudience("autoarr-connector").setIssuedAt().setExpirationTime("5m").sign(rightKey())],
  ["from another issuer", (account) => claimsOf(account).setIssuer("evil").setAudience("autoarr-api").setIssuedAt().setExpirationTime("5m").sign(rightKey())],
  [
    "a real token whose payload was changed to another tenant",
    async (account, victim) => {
      const [header, payload, signature] = account.accessToken.split(".");
      const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload!))) as Record<string, unknown>;
      return `${header}.${json({ ...claims, tid: victim.tenant.id })}.${signature}`;
    },
  ],
  ["a real token with its signature cut off", async (account) => `${account.accessToken.split(".").slice(0, 2).join(".")}.`],
];

/** The Worker called with this environment instead of the test runner's (another secret key, say). */
async function withEnv(overrides: Partial<typeof env>, path: string, init: { token?: string; json?: unknown; method?: string } = {}): Promise<Response> {
  const headers = new Headers({ "CF-Connecting-IP": "203.0.113.7" });
  if (init.token) headers.set("Authorization", `Bearer ${init.token}`);
  if (init.json !== undefined) headers.set("Content-Type", "application/json");
  const request = new Request(`${BASE}${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
  const ctx = createExecutionContext();
  const response = await worker.fetch(request, { ...env, ...overrides }, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

const NEW_KEY = "the-next-secret-key-after-rotation-0123456789abcdef";

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

  it("refuses a token that names no key (kid), or a key the ring does not hold", async () => {
    const account = await signUp("jwt-kid");
    const noKid = await claimsOf(account, "HS256", {}).setAudience("autoarr-api").setIssuedAt().setExpirationTime("5m").sign(rightKey());
    await expect401(noKid, "access token names no signing key (kid)");
    const foreignKid = await claimsOf(account, "HS256", { kid: "0123456789abcdef" })
      .setAudience("autoarr-api")
      .setIssuedAt()
      .setExpirationTime("5m")
      .sign(rightKey());
    await expect401(foreignKid, "access token was signed with a key that is no longer accepted");
  });

  it("refuses a token without a session (sid)", async () => {
    const account = await signUp("jwt-nosid");
    const token = await new SignJWT({ tid: account.tenant.id, role: "owner" })
      .setProtectedHeader({ alg: "HS256", kid: rightKid })
      .setSubject(account.user.id)
      .setIssuer("autoarr")
      .setAudience("autoarr-api")
      .setIssuedAt()
      .setExpirationTime("5m")
      .sign(rightKey());
    await expect401(token, "access token is missing required claims");
  });

  it("refuses a token signed with the real key and kid but living ten years", async () => {
    const account = await signUp("jwt-forever");
    const token = await claimsOf(account).setAudience("autoarr-api").setIssuedAt().setExpirationTime("3650d").sign(rightKey());
    await expect401(token, "access token lives longer than AutoArr issues them");
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

describe("access tokens across a key rotation", () => {
  it("names the signing key in every token it issues", async () => {
    const account = await signUp("jwt-issued");
    const header = JSON.parse(new TextDecoder().decode(base64url.decode(account.accessToken.split(".")[0]!))) as Record<string, unknown>;
    expect(header).toMatchObject({ alg: "HS256", kid: rightKid });
  });

  it("accepts a token of the previous key while AUTOARR_SECRET_KEY_PREVIOUS holds it, and refuses it once it does not", async () => {
    const account = await signUp("jwt-rotation");
    const rotated = { AUTOARR_SECRET_KEY: NEW_KEY, AUTOARR_SECRET_KEY_PREVIOUS: env.AUTOARR_SECRET_KEY };
    const during = await withEnv(rotated, "/api/v1/me", { token: account.accessToken });
    expect(during.status).toBe(200);
    expect(((await during.json()) as { user: { id: string } }).user.id).toBe(account.user.id);

    const after = await withEnv({ AUTOARR_SECRET_KEY: NEW_KEY, AUTOARR_SECRET_KEY_PREVIOUS: undefined }, "/api/v1/me", { token: account.accessToken });
    expect(after.status).toBe(401);
    expect(await errorOf(after)).toMatchObject({ code: "unauthorized", message: "access token was signed with a key that is no longer accepted" });
  });

  it("signs new tokens with the new key once rotated; the old key alone does not accept them", async () => {
    const rotated = { AUTOARR_SECRET_KEY: NEW_KEY, AUTOARR_SECRET_KEY_PREVIOUS: env.AUTOARR_SECRET_KEY };
    const registered = await withEnv(rotated, "/api/v1/auth/register", {
      method: "POST",
      json: { email: uniqueEmail("jwt-new-key"), password: "correct horse battery staple", tenantName: "rotated" },
    });
    expect(registered.status).toBe(201);
    const { accessToken } = (await registered.json()) as Session;
    const header = JSON.parse(new TextDecoder().decode(base64url.decode(accessToken.split(".")[0]!))) as { kid: string };
    expect(header.kid).toBe((await keyRing({ AUTOARR_SECRET_KEY: NEW_KEY })).current.id);
    expect((await withEnv(rotated, "/api/v1/me", { token: accessToken })).status).toBe(200);
    await expect401(accessToken, "access token was signed with a key that is no longer accepted");
  });
});
