// Encrypts secrets at rest with AES-GCM under a key derived (HKDF) from the key ring's current key.
// A sealed value names its key (`v2.<keyId>.<iv>.<ct>`), so after a rotation it is opened with the previous key
// and can be sealed again under the current one. Values from before key ids (`v1.<iv>.<ct>`) were sealed under
// whatever key was current then: they are tried with the current key, then the previous one.
import { base64url, fromBase64url } from "../encoding";
import { keyById, type KeyRing, type SecretKey } from "./key-ring";

const LEGACY_VERSION = "v1";
const VERSION = "v2";
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export interface OpenedSecret {
  plaintext: string;
  /** Not sealed under the ring's current key (or sealed before key ids): seal it again so it survives the next rotation. */
  stale: boolean;
}

/** Sealed under a key the ring no longer holds, malformed, or moved from another purpose. */
export class UnreadableSecretError extends Error {
  constructor() {
    super("The sealed secret cannot be opened with the keys this Worker holds");
    this.name = "UnreadableSecretError";
  }
}

async function deriveKey(masterSecret: string, purpose: string): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey("raw", encoder.encode(masterSecret), "HKDF", false, ["deriveKey"]);
  return crypto.subtle.deriveKey(
    { name: "HKDF", hash: "SHA-256", salt: encoder.encode("autoarr-secret-box"), info: encoder.encode(purpose) },
    material,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
}

async function decrypt(key: SecretKey, purpose: string, iv: string, ciphertext: string): Promise<string | undefined> {
  try {
    const plaintext = await crypto.subtle.decrypt({ name: "AES-GCM", iv: fromBase64url(iv) }, await deriveKey(key.secret, purpose), fromBase64url(ciphertext));
    return decoder.decode(plaintext);
  } catch {
    return undefined;
  }
}

/** `purpose` binds a ciphertext to its use (e.g. the connector id), so it cannot be moved to another row. */
export async function seal(plaintext: string, ring: KeyRing, purpose: string): Promise<string> {
  const key = await deriveKey(ring.current.secret, purpose);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, encoder.encode(plaintext));
  return `${VERSION}.${ring.current.id}.${base64url(iv)}.${base64url(new Uint8Array(ciphertext))}`;
}

export async function open(sealed: string, ring: KeyRing, purpose: string): Promise<OpenedSecret> {
  const parts = sealed.split(".");
  if (parts[0] === VERSION && parts.length === 4) {
    const [, keyId, iv, ciphertext] = parts as [string, string, string, string];
    const key = keyById(ring, keyId);
    const plaintext = key ? await decrypt(key, purpose, iv, ciphertext) : undefined;
    if (plaintext !== undefined) return { plaintext, stale: key !== ring.current };
  } else if (parts[0] === LEGACY_VERSION && parts.length === 3) {
    const [, iv, ciphertext] = parts as [string, string, string];
    for (const key of ring.previous ? [ring.current, ring.previous] : [ring.current]) {
      const plaintext = await decrypt(key, purpose, iv, ciphertext);
      if (plaintext !== undefined) return { plaintext, stale: true };
    }
  }
  throw new UnreadableSecretError();
}

/**
 * How sealed values that can and should be sealed again under the current key begin: those under the previous key,
 * and those from before key ids. For finding them in SQL with LIKE (key ids are hex, so they hold no wildcards).
 */
export function resealablePrefixes(ring: KeyRing): string[] {
  return ring.previous ? [`${LEGACY_VERSION}.`, `${VERSION}.${ring.previous.id}.`] : [`${LEGACY_VERSION}.`];
}
