import { describe, expect, it } from "vitest";
import { api, type Session, signUp, uniqueEmail } from "../helpers";

describe("sign-up and sign-in", () => {
  it("registers a user with a tenant they own and signs them in", async () => {
    const email = uniqueEmail("Reg");
    const response = await api("/api/v1/auth/register", {
      method: "POST",
      json: { email: `  ${email.toUpperCase()} `, password: "a long enough password", tenantName: "Media room" },
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as Session & { expiresIn: number; tokenType: string };
    expect(body.user.email).toBe(email.toLowerCase());
    expect(body.tenant.name).toBe("Media room");
    expect(body.role).toBe("owner");
    expect(body.tokenType).toBe("Bearer");
    expect(body.expiresIn).toBe(900);
    expect(body.accessToken.split(".")).toHaveLength(3);
    expect(body.refreshToken.length).toBeGreaterThanOrEqual(40);
  });

  it("signs in with the same credentials and answers /me", async () => {
    const account = await signUp("login");
    const login = await api("/api/v1/auth/login", { method: "POST", json: { email: account.user.email, password: account.password } });
    expect(login.status).toBe(200);
    const session = (await login.json()) as Session;
    expect(session.tenant.id).toBe(account.tenant.id);

    const me = await api("/api/v1/me", { token: session.accessToken });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({ user: account.user, tenant: account.tenant, role: "owner" });
  });

  it("rotates refresh tokens: the new one works, the old one is spent", async () => {
    const account = await signUp("rotate");
    const first = await api("/api/v1/auth/refresh", { method: "POST", json: { refreshToken: account.refreshToken } });
    expect(first.status).toBe(200);
    const rotated = (await first.json()) as Session;
    expect(rotated.refreshToken).not.toBe(account.refreshToken);
    expect((await api("/api/v1/me", { token: rotated.accessToken })).status).toBe(200);

    const second = await api("/api/v1/auth/refresh", { method: "POST", json: { refreshToken: rotated.refreshToken } });
    expect(second.status).toBe(200);
  });

  it("stores refresh tokens only as hashes", async () => {
    const { env } = await import("cloudflare:test");
    const account = await signUp("hashed");
    const rows = await env.DB.prepare("SELECT token_hash FROM refresh_sessions WHERE user_id = ?").bind(account.user.id).all<{ token_hash: string }>();
    expect(rows.results).toHaveLength(1);
    expect(rows.results[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows.results[0]!.token_hash).not.toContain(account.refreshToken);
    const users = await env.DB.prepare("SELECT password_hash FROM users WHERE id = ?").bind(account.user.id).first<{ password_hash: string }>();
    expect(users!.password_hash).toMatch(/^pbkdf2-sha256\$100000\$/);
    expect(users!.password_hash).not.toContain(account.password);
  });

  it("signs out: the refresh token and its family stop working", async () => {
    const account = await signUp("logout");
    const rotated = (await (await api("/api/v1/auth/refresh", { method: "POST", json: { refreshToken: account.refreshToken } })).json()) as Session;
    const logout = await api("/api/v1/auth/logout", { method: "POST", json: { refreshToken: rotated.refreshToken } });
    expect(logout.status).toBe(204);
    const after = await api("/api/v1/auth/refresh", { method: "POST", json: { refreshToken: rotated.refreshToken } });
    expect(after.status).toBe(401);
  });
});
