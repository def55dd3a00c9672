// Tokens that look right and are not, for each security scheme the OpenAPI document declares: each is refused with
// its own reason, which shows the Worker read the token instead of treating the caller as anonymous.
import { env } from "cloudflare:test";
import { base64url, SignJWT } from "jose";
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, SIGNED_OUT_PROBLEM } from "../../workers/auth/access-tokens.service";
import { keyRing } from "../../workers/platform/crypto/key-ring";
import { api, type Session, signUp } from "../helpers";

export interface WrongToken {
  what: string;
  /** The error message the refusal gives. */
  message: string;
  make(account: Session): Promise<string>;
}

const encoder = new TextEncoder();

/** The account's own token, its header and claims unchanged, signed with a key AutoArr does not hold. */
async function forgedSignature(account: Session): Promise<string> {
  const [header, payload] = account.accessToken
    .split(".")
    .slice(0, 2)
    .map((part) => JSON.parse(new TextDecoder().decode(base64url.decode(part))) as Record<string, unknown>);
  return new SignJWT(payload!).setProtectedHeader(header as { alg: string }).sign(encoder.encode("not-autoarr-s-key-".repeat(3)));
}

/** Signed with AutoArr's own key and kid, with AutoArr's claims, but long expired. */
async function expired(account: Session): Promise<string> {
  return new SignJWT({ tid: account.tenant.id, role: account.role, sid: crypto.randomUUID() })
    .setProtectedHeader({ alg: "HS256", typ: "JWT", kid: (await keyRing(env)).current.id })
    .setSubject(account.user.id)
    .setIssuer(ACCESS_TOKEN_ISSUER)
    .setAudience(ACCESS_TOKEN_AUDIENCE)
    .setIssuedAt(1_000)
    .setExpirationTime(2_000)
    .sign(encoder.encode(env.AUTOARR_SECRET_KEY));
}

/** A real access token of a session that has since been signed out. */
async function signedOut(label: string): Promise<string> {
  const account = await signUp(label);
  const response = await api("/api/v1/auth/logout", { method: "POST", json: { refreshToken: account.refreshToken } });
  if (!response.ok) throw new Error(`sign-out failed: ${response.status} ${await response.text()}`);
  return account.accessToken;
}

const METRICS_REFUSAL = "Send 'Authorization: Bearer <METRICS_TOKEN>'";

/** Per security scheme of the document: the wrong tokens to try. A scheme missing here fails the suite that uses it. */
export const WRONG_TOKENS: Record<string, WrongToken[]> = {
  bearerAuth: [
    { what: "a forged signature", message: "access token is invalid", make: forgedSignature },
    { what: "an expired token", message: "access token expired", make: expired },
    { what: "a signed-out session's token", message: SIGNED_OUT_PROBLEM, make: () => signedOut("wrong-token-signed-out") },
  ],
  metricsToken: [
    { what: "a user's access token", message: METRICS_REFUSAL, make: async (account) => account.accessToken },
    { what: "another deployment's metrics token", message: METRICS_REFUSAL, make: async () => "metrics-token-of-another-deployment-0123456789" },
  ],
};
