// Verifies the Worker's bearer tokens: HS256 JWTs signed with the pairing secret, single-use (jti), at most
// TOKEN_LIFETIME_S long, and bound to the one request they come with (see connector-token.ts in @autoarr/contract).
import { errors, jwtVerify, type JWTPayload } from "jose";
import type { PairingMaterial } from "./pairing.js";
import { bindingMismatch, requestBinding, TOKEN_AUDIENCE, TOKEN_ISSUER, TOKEN_LIFETIME_S, type RequestFacts } from "@autoarr/contract";
import { usedTokensInMemory, type UsedTokens } from "./used-tokens.js";

export { TOKEN_AUDIENCE, TOKEN_ISSUER } from "@autoarr/contract";
export const MAX_TOKEN_LIFETIME_S = TOKEN_LIFETIME_S;
/** Allowed clock difference between the Worker and this machine, and the only grace there is past a token's expiry. */
export const CLOCK_TOLERANCE_S = 5;

export type Authenticated = { ok: true; claims: JWTPayload & { jti: string; exp: number; iat: number } } | { ok: false; reason: string };
export type TokenCheck = { ok: true; jti: string } | { ok: false; reason: string };

export interface TokenVerifier {
  /** Signature, issuer, audience, tenant, connector, lifetime and clock: enough to refuse a stranger before reading the body. */
  authenticate(authorization: string | undefined): Promise<Authenticated>;
  /** Accepts an authenticated token for this request: its bound claims must match it and its jti must be unused. */
  accept(token: Authenticated & { ok: true }, request: RequestFacts): Promise<TokenCheck>;
  /** Number of remembered jtis (for tests and metrics). */
  readonly seenCount: number;
}

export function createTokenVerifier(pairing: PairingMaterial, options: { used?: UsedTokens; now?: () => number } = {}): TokenVerifier {
  const used = options.used ?? usedTokensInMemory(CLOCK_TOLERANCE_S);
  const now = options.now ?? (() => Date.now());
  const nowSeconds = () => Math.floor(now() / 1000);

  return {
    get seenCount() {
      return used.size;
    },
    async authenticate(authorization) {
      const match = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)\s*$/i.exec(authorization ?? "");
      if (!authorization) return { ok: false, reason: "missing bearer token" };
      if (!match?.[1]) return { ok: false, reason: "malformed authorization header" };
      const nowS = nowSeconds();
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
        return { ok: false, reason: `token lifetime exceeds ${MAX_TOKEN_LIFETIME_S} s` };
      }
      if (iat > nowS + CLOCK_TOLERANCE_S) return { ok: false, reason: "token issued in the future" };
      if (used.untrustedBefore !== undefined && iat < used.untrustedBefore) {
        return { ok: false, reason: "token issued before the connector started, whose record of used tokens was unreadable" };
      }
      if (typeof jti !== "string" || jti.length === 0 || jti.length > 200) return { ok: false, reason: "invalid jti" };
      return { ok: true, claims: { ...payload, jti, exp, iat } };
    },
    async accept(token, request) {
      const mismatch = bindingMismatch(token.claims, await requestBinding(request));
      if (mismatch) return { ok: false, reason: `token is bound to another request (${mismatch})` };
      const { jti, exp } = token.claims;
      if (used.has(jti)) return { ok: false, reason: "token replayed (jti already used)" };
      used.add(jti, exp, nowSeconds());
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
