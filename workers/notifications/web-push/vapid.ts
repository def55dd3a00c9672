// The deployment's VAPID identity (RFC 8292, https://www.rfc-editor.org/rfc/rfc8292): the P-256 key from the
// VAPID_PRIVATE_KEY secret, the public key browsers take as `applicationServerKey`, and the signed
// `Authorization: vapid t=…, k=…` header a push service checks on every message.
import { importJWK, SignJWT } from "jose";
import { z } from "zod";
import { base64url, fromBase64url } from "../../platform/encoding";

const DEFAULT_SUBJECT = "mailto:autoarr@localhost";
/** RFC 8292 §2: `exp` no more than 24 hours ahead; 12 leaves room for a push service's clock being ahead of ours. */
const TOKEN_LIFETIME_SECONDS = 12 * 60 * 60;

/** One P-256 coordinate or scalar: 32 octets are 43 base64url characters without padding (RFC 7518 §6.2.1). */
const P256Octets = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "32 octets in base64url");

export const VapidPrivateJwk = z.object({
  kty: z.literal("EC"),
  crv: z.literal("P-256"),
  x: P256Octets,
  y: P256Octets,
  d: P256Octets,
});
export type VapidPrivateJwk = z.infer<typeof VapidPrivateJwk>;

/** RFC 8292 §2.1: a contact the push service can reach, "mailto:" or "https:". */
const VapidSubject = z.string().regex(/^(mailto:[^@\s]+@[^@\s]+|https:\/\/\S+)$/, 'a "mailto:" address or an "https://" URL');

export interface Vapid {
  privateJwk: VapidPrivateJwk;
  /** The uncompressed public point (65 octets, 0x04 ‖ x ‖ y) in base64url: `applicationServerKey`, and `k=` in the header. */
  publicKey: string;
  subject: string;
}

/** The uncompressed P-256 point of a JWK's x and y (SEC 1 §2.3.3), base64url. */
export function publicKeyOf(jwk: Pick<VapidPrivateJwk, "x" | "y">): string {
  const point = new Uint8Array(65);
  point[0] = 0x04;
  point.set(fromBase64url(jwk.x), 1);
  point.set(fromBase64url(jwk.y), 33);
  return base64url(point);
}

/**
 * The VAPID identity, or null when the deployment has no key (web push is then off). A key or subject that is set
 * but malformed throws: that is a broken deployment, which must not quietly look like "web push turned off".
 */
export function vapidFromEnv(env: { VAPID_PRIVATE_KEY?: string; VAPID_SUBJECT?: string }): Vapid | null {
  const secret = env.VAPID_PRIVATE_KEY?.trim();
  if (!secret) return null;
  let json: unknown;
  try {
    json = JSON.parse(secret);
  } catch {
    throw new Error("VAPID_PRIVATE_KEY is not JSON; set it to the JWK that `node scripts/generate-vapid-keys.mjs` prints");
  }
  const jwk = VapidPrivateJwk.safeParse(json);
  // The issues name fields only, never values: this is a private key.
  if (!jwk.success)
    throw new Error(`VAPID_PRIVATE_KEY is not a P-256 private JWK (${jwk.error.issues.map((issue) => issue.path.join(".") || "key").join(", ")})`);
  const subject = VapidSubject.safeParse(env.VAPID_SUBJECT?.trim() || DEFAULT_SUBJECT);
  if (!subject.success) throw new Error('VAPID_SUBJECT must be a "mailto:" address or an "https://" URL');
  const { kty, crv, x, y, d } = jwk.data;
  return { privateJwk: { kty, crv, x, y, d }, publicKey: publicKeyOf(jwk.data), subject: subject.data };
}

/** `Authorization` for one push message (RFC 8292 §3): a JWT for the endpoint's origin, and the public key. */
export async function vapidAuthorization(vapid: Vapid, endpoint: string, now: Date): Promise<string> {
  const key = await importJWK(vapid.privateJwk, "ES256");
  const token = await new SignJWT({ sub: vapid.subject })
    .setProtectedHeader({ typ: "JWT", alg: "ES256" })
    .setAudience(new URL(endpoint).origin)
    .setExpirationTime(Math.floor(now.getTime() / 1000) + TOKEN_LIFETIME_SECONDS)
    .sign(key);
  return `vapid t=${token}, k=${vapid.publicKey}`;
}
