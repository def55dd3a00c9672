// The web app keeps its refresh token in an HttpOnly cookie scoped to the auth routes, so script on the page never
// sees it. A client asks for that with `X-AutoArr-Session: cookie`; only then is the cookie set or read, and a
// request from another site with the cookie is refused. Clients that don't ask keep the token in the JSON body.
import { describe, expect, it } from "vitest";
import { api, errorOf, uniqueEmail } from "../helpers";

const COOKIE_MODE = { "X-AutoArr-Session": "cookie" };
const PASSWORD = "correct horse battery staple";
const REFRESH_TTL_SECONDS = 30 * 86_400; // REFRESH_TOKEN_TTL_DAYS in wrangler.toml

type Attributes = { value: string; attributes: Map<string, string | true> };

function refreshCookieOf(response: Response): Attributes | null {
  const cookie = response.headers.getAll("Set-Cookie").find((line: string) => line.startsWith("autoarr_refresh="));
  if (!cookie) return null;
  const [pair = "", ...rest] = cookie.split(";").map((part: string) => part.trim());
  const attributes = new Map<string, string | true>(
    rest.map((part: string) => {
      const [name = "", value] = part.split("=");
      return [name.toLowerCase(), value ?? true];
    }),
  );
  return { value: decodeURIComponent(pair.slice("autoarr_refresh=".length)), attributes };
}

async function signUpInCookieMode(label: string) {
  const email = uniqueEmail(label);
  const response = await api("/api/v1/auth/register", { method: "POST", headers: COOKIE_MODE, json: { email, password: PASSWORD, tenantName: label } });
  expect(response.status).toBe(201);
  const cookie = refreshCookieOf(response);
  expect(cookie).not.toBeNull();
  return { email, body: (await response.json()) as Record<string, unknown>, cookie: cookie!.value };
}

const refreshByCookie = (cookie: string, headers: Record<string, string> = {}) =>
  api("/api/v1/auth/refresh", { method: "POST", headers: { ...COOKIE_MODE, Cookie: `autoarr_refresh=${cookie}`, ...headers }, json: {} });

describe("the refresh token in an HttpOnly cookie", () => {
  it("is set by sign-up, sign-in and refresh as HttpOnly, Secure, SameSite=Strict, scoped to /api/v1/auth, for the token's lifetime", async () => {
    const account = await signUpInCookieMode("cookie-attrs");
    const login = await api("/api/v1/auth/login", { method: "POST", headers: COOKIE_MODE, json: { email: account.email, password: PASSWORD } });
    expect(login.status).toBe(200);
    const refreshed = await refreshByCookie(refreshCookieOf(login)!.value);
    expect(refreshed.status).toBe(200);

    for (const response of [login, refreshed]) {
      const { value, attributes } = refreshCookieOf(response)!;
      expect(value.length).toBeGreaterThanOrEqual(32);
      expect(attributes.get("httponly")).toBe(true);
      expect(attributes.get("secure")).toBe(true);
      expect(attributes.get("samesite")).toBe("Strict");
      expect(attributes.get("path")).toBe("/api/v1/auth");
      expect(attributes.get("max-age")).toBe(String(REFRESH_TTL_SECONDS));
      expect(attributes.has("domain")).toBe(false);
    }
  });

  it("keeps the refresh token out of every cookie-mode body: sign-up, sign-in and refresh", async () => {
    const account = await signUpInCookieMode("cookie-body");
    const login = await api("/api/v1/auth/login", { method: "POST", headers: COOKIE_MODE, json: { email: account.email, password: PASSWORD } });
    const refreshed = await refreshByCookie(account.cookie);
    for (const body of [account.body, (await login.json()) as Record<string, unknown>, (await refreshed.json()) as Record<string, unknown>]) {
      expect(body).not.toHaveProperty("refreshToken");
      expect(body).toMatchObject({ tokenType: "Bearer", accessToken: expect.any(String) });
      expect(JSON.stringify(body)).not.toContain(account.cookie);
    }
  });

  it("leaves clients that don't ask for it as they were: the token in the body, no cookie", async () => {
    const email = uniqueEmail("body-mode");
    const registered = await api("/api/v1/auth/register", { method: "POST", json: { email, password: PASSWORD, tenantName: "Body" } });
    expect(registered.status).toBe(201);
    expect(refreshCookieOf(registered)).toBeNull();
    const { refreshToken } = (await registered.json()) as { refreshToken: string };
    const refreshed = await api("/api/v1/auth/refresh", { method: "POST", json: { refreshToken } });
    expect(refreshed.status).toBe(200);
    expect(refreshCookieOf(refreshed)).toBeNull();
    expect(await refreshed.json()).toHaveProperty("refreshToken", expect.any(String));
  });

  it("refreshes by the cookie and rotates it: the answer sets a new cookie that refreshes in turn", async () => {
    const account = await signUpInCookieMode("cookie-refresh");
    const first = await refreshByCookie(account.cookie);
    expect(first.status).toBe(200);
    const rotated = refreshCookieOf(first)!.value;
    expect(rotated).not.toBe(account.cookie);
    const second = await refreshByCookie(rotated);
    expect(second.status).toBe(200);
    expect((await api("/api/v1/me", { token: ((await second.json()) as { accessToken: string }).accessToken })).status).toBe(200);
  });

  it("signs out by the cookie and clears it; the cookie no longer refreshes", async () => {
    const account = await signUpInCookieMode("cookie-logout");
    const logout = await api("/api/v1/auth/logout", { method: "POST", headers: { ...COOKIE_MODE, Cookie: `autoarr_refresh=${account.cookie}` }, json: {} });
    expect(logout.status).toBe(204);
    const cleared = refreshCookieOf(logout)!;
    expect(cleared.value).toBe("");
    expect(cleared.attributes.get("max-age")).toBe("0");
    expect(cleared.attributes.get("path")).toBe("/api/v1/auth");
    const after = await refreshByCookie(account.cookie);
    expect(after.status).toBe(401);
    expect((await errorOf(after)).code).toBe("unauthorized");
  });

  it("refuses a refresh with the cookie from a foreign origin or site, grants it no CORS, and leaves the token unused", async () => {
    const account = await signUpInCookieMode("cookie-csrf");
    for (const headers of [{ Origin: "https://evil.example" }, { Origin: "null" }, { "Sec-Fetch-Site": "cross-site" }] as Record<string, string>[]) {
      const response = await refreshByCookie(account.cookie, headers);
      expect(response.status).toBe(403);
      expect((await errorOf(response)).code).toBe("forbidden");
      expect(refreshCookieOf(response)).toBeNull();
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
      expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    }
    const logout = await api("/api/v1/auth/logout", {
      method: "POST",
      headers: { ...COOKIE_MODE, Cookie: `autoarr_refresh=${account.cookie}`, Origin: "https://evil.example" },
      json: {},
    });
    expect(logout.status).toBe(403);
    // Nothing above used or revoked the token: the app's own origin still refreshes with it.
    expect((await refreshByCookie(account.cookie, { Origin: "https://autoarr.test", "Sec-Fetch-Site": "same-origin" })).status).toBe(200);
  });

  it("reads the cookie only for a client that asked for cookie mode, so a plain cross-site POST cannot use it", async () => {
    const account = await signUpInCookieMode("cookie-opt-in");
    const withoutHeader = await api("/api/v1/auth/refresh", { method: "POST", headers: { Cookie: `autoarr_refresh=${account.cookie}` }, json: {} });
    expect(withoutHeader.status).toBe(400);
    expect(refreshCookieOf(withoutHeader)).toBeNull();
    expect((await refreshByCookie(account.cookie)).status).toBe(200);
  });

  it("answers a cookie-mode refresh without a cookie with 401", async () => {
    const response = await api("/api/v1/auth/refresh", { method: "POST", headers: COOKIE_MODE, json: {} });
    expect(response.status).toBe(401);
    expect((await errorOf(response)).code).toBe("unauthorized");
  });

  it("documents the cookie and the optional body field in the OpenAPI document", async () => {
    const doc = (await (await api("/api/v1/openapi.json")).json()) as {
      paths: Record<string, { post: { parameters?: { in: string; name: string }[]; responses: Record<string, { headers?: Record<string, unknown> }> } }>;
      components: { schemas: Record<string, { required?: string[]; properties: Record<string, unknown> }> };
    };
    for (const path of ["/api/v1/auth/refresh", "/api/v1/auth/logout"]) {
      const parameters = doc.paths[path]!.post.parameters ?? [];
      expect(parameters).toContainEqual(expect.objectContaining({ in: "cookie", name: "autoarr_refresh" }));
      expect(parameters).toContainEqual(expect.objectContaining({ in: "header", name: "x-autoarr-session" }));
    }
    for (const [path, status] of [
      ["/api/v1/auth/register", "201"],
      ["/api/v1/auth/login", "200"],
      ["/api/v1/auth/refresh", "200"],
    ] as const) {
      expect(Object.keys(doc.paths[path]!.post.responses[status]!.headers ?? {})).toContain("Set-Cookie");
    }
    expect(doc.components.schemas.RefreshRequest!.required ?? []).not.toContain("refreshToken");
    expect(doc.components.schemas.Session!.required ?? []).not.toContain("refreshToken");
    expect(doc.components.schemas.Session!.properties).toHaveProperty("refreshToken");
  });
});
