// Verifies the Worker's bearer tokens: HS256 JWTs signed with the pairing secret, single-use (jti), short-lived.
import { errors, jwtVerify } from "jose";
import type { PairingMaterial } from "./pairing.js";

export const TOKEN_ISSUER = "autoarr";
export const TOKEN_AUDIENCE = "autoarr-connector";
export const MAX_TOKEN_LIFETIME_S = 300;
export const CLOCK_TOLERANCE_S = 30;

export type TokenCheck = { ok: true; jti: string } | { ok: false; reason: string };

export interface TokenVerifier {
  verify(authorization: string | undefined): Promise<TokenCheck>;
  /** Number of remembered jtis (for tests and metrics). */
  readonly seenCount: number;
}

export function createTokenVerifier(pairing: PairingMaterial, now: () => number = () => Date.now()): TokenVerifier {
  // jti -> expiry (unix seconds). Entries are dropped once their token could no longer verify anyway.
  const seen = new Map<string, number>();

  const forgetExpired = (nowS: number) => {
    for (const [jti, exp] of seen) if (exp + CLOCK_TOLERANCE_S < nowS) seen.delete(jti);
  };

  return {
    get seenCount() {
      return seen.size;
    },
    async verify(authorization) {
      const match = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)\s*$/i.exec(authorization ?? "");
      if (!authorization) return { ok: false, reason: "missing bearer token" };
      if (!match?.[1]) return { ok: false, reason: "malformed authorization header" };
      const nowS = Math.floor(now() / 1000);
      let payload;
      try {
        ({ payload } = await jwtVerify(match[1], pairing.secret, {
          algorithms: ["HS256"],
          issuer: TOKEN_ISSUER,
          audience: TOKEN_AUDIENCE,
          subject: pairing.tenantId,
          clockTolerance: CLOCK_TOLERANCE_S,
          currentDate: new Date(nowS * 1000),
          requiredClaims: ["iat", "exp", "jti", "sub", "cid"],
        }));
      } catch (error) {
        return { ok: false, reason: describeJoseError(error) };
      }
      const { iat, exp, jti, cid } = payload;
      if (cid !== pairing.connectorId) return { ok: false, reason: "token is for another connector" };
      if (typeof iat !== "number" || typeof exp !== "number" || exp - iat > MAX_TOKEN_LIFETIME_S) {
        return { ok: false, reason: "token lifetime exceeds 300 s" };
      }
      if (iat > nowS + CLOCK_TOLERANCE_S) return { ok: false, reason: "token issued in the future" };
      if (typeof jti !== "string" || jti.length === 0 || jti.length > 200) return { ok: false, reason: "invalid jti" };
      forgetExpired(nowS);
      if (seen.has(jti)) return { ok: false, reason: "token replayed (jti already used)" };
      seen.set(jti, exp);
      return { ok: true, jti };
    },
  };
}

function describeJoseError(error: unknown): string {
  if (error instanceof errors.JWTExpired) return "token expired";
  if (error instanceof errors.JWTClaimValidationFailed) return `claim check failed: ${error.claim}`;
  if (error instanceof errors.JOSEAlgNotAllowed) return "algorithm not allowed";
  if (error instanceof errors.JWSSignatureVerificationFailed) return "bad signature";
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return "malformed token";
  return "token rejected";
}
