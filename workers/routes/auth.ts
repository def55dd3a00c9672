// Sign-up, sign-in, token refresh and sign-out.
import { createRoute } from "@hono/zod-openapi";
import { createRouter } from "../lib/router";
import { ErrorResponse, errorResponses } from "../schemas/common";
import { LoginBody, RefreshBody, RegisterBody, SessionResponse } from "../schemas/auth";
import { login, logout, refresh, register } from "../services/auth-sessions";
import { database } from "../services/db";

const json = <T>(schema: T) => ({ content: { "application/json": { schema } }, required: true });
const session = (description: string) => ({ description, content: { "application/json": { schema: SessionResponse } } });

export const authRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/register",
      tags: ["auth"],
      summary: "Create an account and its tenant",
      request: { body: json(RegisterBody) },
      responses: { 201: session("Signed up and signed in"), ...errorResponses(400, 409, 429) },
    }),
    async (c) => c.json(await register(database(c.env.DB), c.env, c.req.valid("json")), 201),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/login",
      tags: ["auth"],
      summary: "Sign in with email and password",
      request: { body: json(LoginBody) },
      responses: { 200: session("Signed in"), ...errorResponses(400, 401, 429) },
    }),
    async (c) => c.json(await login(database(c.env.DB), c.env, c.req.valid("json")), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/refresh",
      tags: ["auth"],
      summary: "Exchange a refresh token for a new pair (the old one stops working)",
      request: { body: json(RefreshBody) },
      responses: { 200: session("New tokens"), ...errorResponses(400, 401, 429) },
    }),
    async (c) => c.json(await refresh(database(c.env.DB), c.env, c.req.valid("json").refreshToken), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/logout",
      tags: ["auth"],
      summary: "Sign out: revokes the refresh token, every token rotated from it, their access tokens and live sockets",
      request: { body: json(RefreshBody) },
      responses: { 204: { description: "Signed out" }, 400: { description: "Invalid", content: { "application/json": { schema: ErrorResponse } } } },
    }),
    async (c) => {
      await logout(database(c.env.DB), c.env, c.req.valid("json").refreshToken);
      return c.body(null, 204);
    },
  );
