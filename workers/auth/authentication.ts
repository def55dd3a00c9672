// Reads the bearer token if there is one; routes that need a user call requireAuth. Whether the token's session
// was signed out is checked by the rate-limit middleware, on the call it makes to the tenant's hub anyway.
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv, AuthContext } from "../platform/env";
import { AppError } from "../platform/errors";
import { verifyAccessToken } from "./access-tokens.service";

export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const result = match?.[1] ? await verifyAccessToken(match[1], c.env) : ({ ok: false, problem: "Authorization header must be 'Bearer <token>'" } as const);
    if (result.ok) {
      c.set("auth", result.auth);
      c.set("accessSession", result.session);
    } else c.set("authProblem", result.problem);
  }
  await next();
});

export function requireAuth(c: Context<AppEnv>): AuthContext {
  const auth = c.get("auth");
  if (!auth) throw new AppError("unauthorized", c.get("authProblem") ?? "Sign in first: send 'Authorization: Bearer <access token>'");
  return auth;
}
