// Sign-up, sign-in, token refresh and sign-out.
import { createRoute } from "@hono/zod-openapi";
import { addressBucket } from "../platform/address-bucket";
import { createRouter } from "../platform/router";
import { ErrorResponse, errorResponses } from "../platform/common.schema";
import { LoginBody, RefreshBody, RefreshCookie, RegisterBody, SessionModeHeaders, SessionResponse } from "./auth.schema";
import { clearRefreshCookie, deliverSession, missingRefreshToken, presentedRefreshToken, wantsCookieSession } from "./refresh-cookie";
import { login, logout, refresh, register } from "./auth-sessions.service";
import { database } from "../platform/db/database";

const json = <T>(schema: T) => ({ content: { "application/json": { schema } }, required: true });
const SET_COOKIE = {
  "Set-Cookie": { description: "In cookie mode only: the autoarr_refresh cookie with the new refresh token", schema: { type: "string" as const } },
};
const session = (description: string) => ({ description, headers: SET_COOKIE, content: { "application/json": { schema: SessionResponse } } });

export const authRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/register",
      tags: ["auth"],
      summary: "Create an account and its tenant",
      request: { headers: SessionModeHeaders, body: json(RegisterBody) },
      responses: { 201: session("Signed up and signed in"), ...errorResponses(400, 409, 429) },
    }),
    async (c) => c.json(deliverSession(c, await register(database(c.env.DB), c.env, c.req.valid("json"))), 201),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/login",
      tags: ["auth"],
      summary: "Sign in with email and password",
      request: { headers: SessionModeHeaders, body: json(LoginBody) },
      responses: { 200: session("Signed in"), ...errorResponses(400, 401, 429) },
    }),
    async (c) => c.json(deliverSession(c, await login(database(c.env.DB), c.env, c.req.valid("json"), addressBucket(c.req.header("cf-connecting-ip")))), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/refresh",
      tags: ["auth"],
      summary: "Exchange a refresh token for a new pair (the old one stops working)",
      request: { headers: SessionModeHeaders, cookies: RefreshCookie, body: json(RefreshBody) },
      responses: { 200: session("New tokens"), ...errorResponses(400, 401, 403, 429) },
    }),
    async (c) => {
      const refreshToken = presentedRefreshToken(c, c.req.valid("json").refreshToken);
      if (!refreshToken) throw missingRefreshToken(c);
      return c.json(deliverSession(c, await refresh(database(c.env.DB), c.env, refreshToken)), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/logout",
      tags: ["auth"],
      summary: "Sign out: revokes the refresh token, every token rotated from it, their access tokens and live sockets",
      request: { headers: SessionModeHeaders, cookies: RefreshCookie, body: json(RefreshBody) },
      responses: {
        204: { description: "Signed out (in cookie mode the autoarr_refresh cookie is cleared)" },
        400: { description: "Invalid", content: { "application/json": { schema: ErrorResponse } } },
        403: { description: "The session cookie sent from another origin", content: { "application/json": { schema: ErrorResponse } } },
      },
    }),
    async (c) => {
      const refreshToken = presentedRefreshToken(c, c.req.valid("json").refreshToken);
      if (refreshToken) await logout(database(c.env.DB), c.env, refreshToken);
      else if (!wantsCookieSession(c)) throw missingRefreshToken(c);
      if (wantsCookieSession(c)) clearRefreshCookie(c);
      return c.body(null, 204);
    },
  );
