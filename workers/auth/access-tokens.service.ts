// Short-lived access tokens: HS256 JWTs signed with the key ring's current key and naming it (`kid`), so a token
// signed with the previous key is still accepted while AUTOARR_SECRET_KEY_PREVIOUS holds it. Each names its
// session (`sid`, the refresh family), so signing out can end it before it expires.
import { errors, jwtVerify, SignJWT } from "jose";
import { type AccessTokenSession, type AuthContext, type Env, envVars } from "../platform/env";
import { keyById, keyRing } from "../platform/crypto/key-ring";

export const ACCESS_TOKEN_ISSUER = "autoarr";
export const ACCESS_TOKEN_AUDIENCE = "autoarr-api";
/** The 401 message for a token whose session was signed out before it expired. */
export const SIGNED_OUT_PROBLEM = "access token belongs to a session that was signed out";

export type KeyEnv = Pick<Env, "AUTOARR_SECRET_KEY" | "AUTOARR_SECRET_KEY_PREVIOUS" | "ACCESS_TOKEN_TTL_SECONDS">;

/** What a verified token says about itself besides who holds it. */
export type { AccessTokenSession };

export type AccessTokenResult = { ok: true; auth: AuthContext; session: AccessTokenSession } | { ok: false; problem: string };

const encoder = new TextEncoder();

export function accessTokenTtlSeconds(env: Pick<Env, "ACCESS_TOKEN_TTL_SECONDS">): number {
  return envVars(env).ACCESS_TOKEN_TTL_SECONDS;
}

export async function issueAccessToken(auth: AuthContext, sessionId: string, env: KeyEnv, ttlSeconds = accessTokenTtlSeconds(env)): Promise<string> {
  const { current } = await keyRing(env);
  return new SignJWT({ tid: auth.tenantId, role: auth.role, sid: sessionId })
    .setProtectedHeader({ alg: "HS256", typ: "JWT", kid: current.id })
    .setSubject(auth.userId)
    .setIssuer(ACCESS_TOKEN_ISSUER)
    .setAudience(ACCESS_TOKEN_AUDIENCE)
    .setIssuedAt()
    .setNotBefore("0s")
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(encoder.encode(current.secret));
}

/** Thrown by the key lookup so its reason reaches the caller instead of a generic "invalid". */
class KeyProblem extends Error {}

/** `now` is the verifier's clock (the hub's can be moved in tests). */
export async function verifyAccessToken(token: string, env: KeyEnv, now = Date.now()): Promise<AccessTokenResult> {
  const ring = await keyRing(env);
  try {
    const { payload } = await jwtVerify(
      token,
      (header) => {
        if (typeof header.kid !== "string") throw new KeyProblem("access token names no signing key (kid)");
        const key = keyById(ring, header.kid);
        if (!key) throw new KeyProblem("access token was signed with a key that is no longer accepted");
        return encoder.encode(key.secret);
      },
      {
        algorithms: ["HS256"],
        issuer: ACCESS_TOKEN_ISSUER,
        audience: ACCESS_TOKEN_AUDIENCE,
        requiredClaims: ["sub", "exp", "iat"],
        currentDate: new Date(now),
      },
    );
    const { sub, tid, role, sid, iat, exp } = payload;
    if (typeof sub !== "string" || typeof tid !== "string" || typeof sid !== "string" || (role !== "owner" && role !== "member")) {
      return { ok: false, problem: "access token is missing required claims" };
    }
    // A leaked key could mint tokens for years; nothing AutoArr issues lives longer than the configured lifetime.
    if (exp! - iat! > accessTokenTtlSeconds(env)) return { ok: false, problem: "access token lives longer than AutoArr issues them" };
    return { ok: true, auth: { userId: sub, tenantId: tid, role }, session: { id: sid, issuedAtMs: iat! * 1000, expiresAtMs: exp! * 1000 } };
  } catch (error) {
    if (error instanceof KeyProblem) return { ok: false, problem: error.message };
    if (error instanceof errors.JWTExpired) return { ok: false, problem: "access token expired" };
    return { ok: false, problem: "access token is invalid" };
  }
}
