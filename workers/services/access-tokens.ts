// Short-lived access tokens: HS256 JWTs signed with AUTOARR_SECRET_KEY.
import { errors, jwtVerify, SignJWT } from "jose";
import type { AuthContext } from "../env";

export const ACCESS_TOKEN_ISSUER = "autoarr";
export const ACCESS_TOKEN_AUDIENCE = "autoarr-api";

const encoder = new TextEncoder();

function signingKey(secret: string): Uint8Array {
  if (!secret || secret.length < 32) {
    throw new Error("AUTOARR_SECRET_KEY must be set to at least 32 characters");
  }
  return encoder.encode(secret);
}

export async function issueAccessToken(auth: AuthContext, secret: string, ttlSeconds: number): Promise<string> {
  return new SignJWT({ tid: auth.tenantId, role: auth.role })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(auth.userId)
    .setIssuer(ACCESS_TOKEN_ISSUER)
    .setAudience(ACCESS_TOKEN_AUDIENCE)
    .setIssuedAt()
    .setNotBefore("0s")
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(signingKey(secret));
}

export type AccessTokenResult = { ok: true; auth: AuthContext } | { ok: false; problem: string };

export async function verifyAccessToken(token: string, secret: string): Promise<AccessTokenResult> {
  try {
    const { payload } = await jwtVerify(token, signingKey(secret), {
      algorithms: ["HS256"],
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
      requiredClaims: ["sub", "exp", "iat"],
    });
    const { sub, tid, role } = payload;
    if (typeof sub !== "string" || typeof tid !== "string" || (role !== "owner" && role !== "member")) {
      return { ok: false, problem: "access token is missing required claims" };
    }
    return { ok: true, auth: { userId: sub, tenantId: tid, role } };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, problem: "access token expired" };
    return { ok: false, problem: "access token is invalid" };
  }
}
