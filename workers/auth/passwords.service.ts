// Password hashing with PBKDF2-SHA256 through WebCrypto; workerd caps the iteration count at 100,000. Passwords are
// hashed in their NFKC form (NIST SP 800-63B), so "é" typed as one code point or as "e" and a combining accent match.
import { normalisePassword } from "./password-policy.logic";

const ITERATIONS = 100_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;
const SCHEME = "pbkdf2-sha256";

const encoder = new TextEncoder();

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(password), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, key, HASH_BITS);
  return new Uint8Array(bits);
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(normalisePassword(password), salt, ITERATIONS);
  return `${SCHEME}$${ITERATIONS}$${toBase64(salt)}$${toBase64(hash)}`;
}

/** A hash of a random password, verified against when the email is unknown so both paths cost the same. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(crypto.randomUUID());
  return decoyHash;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iterations, salt, hash] = stored.split("$");
  if (scheme !== SCHEME || !iterations || !salt || !hash) return false;
  const expected = fromBase64(hash);
  const matches = async (candidate: string) => {
    const actual = await derive(candidate, fromBase64(salt), Number(iterations));
    return actual.byteLength === expected.byteLength && crypto.subtle.timingSafeEqual(actual, expected);
  };
  const normalised = normalisePassword(password);
  if (await matches(normalised)) return true;
  // Hashes made before normalisation hold the password as it was typed; the extra hash depends on the input alone.
  return normalised !== password && (await matches(password));
}
