// The web app's refresh token travels in an HttpOnly cookie scoped to the auth routes, so no script on the page can
// read it. A client opts in with `X-AutoArr-Session: cookie`: its session bodies then carry no refresh token, and only
// for such a request is the cookie read. That header cannot be sent cross-origin without a CORS preflight, which a
// foreign origin never passes; SameSite=Strict keeps other sites' requests from carrying the cookie at all; and a
// request that still names a foreign Origin or site is refused before the token is touched.
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { CookieOptions } from "hono/utils/cookie";
import { type AppEnv, envVars } from "../platform/env";
import { AppError } from "../platform/errors";

export const REFRESH_COOKIE = "autoarr_refresh";
export const SESSION_MODE_HEADER = "x-autoarr-session";
export const REFRESH_COOKIE_PATH = "/api/v1/auth";

// Secure even on http://127.0.0.1: browsers treat loopback as a secure context and keep Secure cookies there.
const ATTRIBUTES: CookieOptions = { httpOnly: true, secure: true, sameSite: "Strict", path: REFRESH_COOKIE_PATH };

export function wantsCookieSession(c: Context<AppEnv>): boolean {
  return c.req.header(SESSION_MODE_HEADER)?.trim().toLowerCase() === "cookie";
}

function refreshTtlSeconds(c: Context<AppEnv>): number {
  return envVars(c.env).REFRESH_TOKEN_TTL_DAYS * 86_400;
}

/** The session as this client gets it: in cookie mode the refresh token moves from the body into the cookie. */
export function deliverSession<T extends { refreshToken: string }>(c: Context<AppEnv>, session: T): Omit<T, "refreshToken"> & { refreshToken?: string } {
  if (!wantsCookieSession(c)) return session;
  const { refreshToken, ...withoutToken } = session;
  setCookie(c, REFRESH_COOKIE, refreshToken, { ...ATTRIBUTES, maxAge: refreshTtlSeconds(c) });
  return withoutToken;
}

function refuseForeignRequest(c: Context<AppEnv>): void {
  const site = c.req.header("sec-fetch-site");
  const origin = c.req.header("origin");
  const ownOrigins = [new URL(c.req.url).origin, ...envVars(c.env).CORS_ALLOWED_ORIGINS];
  if ((site !== undefined && site !== "same-origin") || (origin !== undefined && !ownOrigins.includes(origin))) {
    throw new AppError("forbidden", "The session cookie is only accepted from AutoArr's own pages");
  }
}

/** The refresh token a request presents: its body's if any, else (cookie mode, from AutoArr's own pages) the cookie's. */
export function presentedRefreshToken(c: Context<AppEnv>, fromBody: string | undefined): string | undefined {
  if (fromBody !== undefined) return fromBody;
  if (!wantsCookieSession(c)) return undefined;
  refuseForeignRequest(c);
  return getCookie(c, REFRESH_COOKIE) || undefined;
}

export function clearRefreshCookie(c: Context<AppEnv>): void {
  deleteCookie(c, REFRESH_COOKIE, ATTRIBUTES);
}

export function missingRefreshToken(c: Context<AppEnv>): AppError {
  return wantsCookieSession(c)
    ? new AppError("unauthorized", "No session cookie: sign in again")
    : new AppError("invalid_request", "Send the refresh token as refreshToken in the body");
}
