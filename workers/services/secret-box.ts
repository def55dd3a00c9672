// Encrypts secrets at rest with AES-GCM under a key derived (HKDF) from AUTOARR_SECRET_KEY.
import { base64url, fromBase64url } from "./encoding";

const VERSION = "v1";
const encoder = new TextEncoder();
const decoder = new TextDecoder();

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

/** `purpose` binds a ciphertext to its use (e.g. the connector id), so it cannot be moved to another row. */
export async function seal(plaintext: string, masterSecret: string, purpose: string): Promise<string> {
  const key = await deriveKey(masterSecret, purpose);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, encoder.encode(plaintext));
  return `${VERSION}.${base64url(iv)}.${base64url(new Uint8Array(ciphertext))}`;
}

export async function open(sealed: string, masterSecret: string, purpose: string): Promise<string> {
  const [version, iv, ciphertext] = sealed.split(".");
  if (version !== VERSION || !iv || !ciphertext) throw new Error("unrecognised sealed secret");
  const key = await deriveKey(masterSecret, purpose);
  const plaintext = await crypto.subtle.decrypt({ name: "AES-GCM", iv: fromBase64url(iv) }, key, fromBase64url(ciphertext));
  return decoder.decode(plaintext);
}
