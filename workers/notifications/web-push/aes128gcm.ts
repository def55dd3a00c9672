// A push message body encrypted for one browser subscription as RFC 8291 says
// (https://www.rfc-editor.org/rfc/rfc8291#section-3.4), in the "aes128gcm" content coding of RFC 8188
// (https://www.rfc-editor.org/rfc/rfc8188#section-2), with Web Crypto only so it runs in workerd.
// Written here because @pushforge/builder 2.0.5 encrypts with the older draft "aesgcm" coding (Encryption and
// Crypto-Key headers), which Safari's and Edge's push services refuse; the RFC's own example pins this byte for byte
// (test/notifications/web-push/rfc8291.test.ts).
import { fromBase64url } from "../../platform/encoding";

/** RFC 8188 §2: the record size; one record is the whole message (RFC 8291 §4). */
const RECORD_SIZE = 4096;
const HEADER_BYTES = 16 + 4 + 1 + 65;
const TAG_BYTES = 16;
/** RFC 8188 §2: the delimiter that closes the last (here the only) record. */
const LAST_RECORD_DELIMITER = 0x02;
/** The most plaintext one 4096-octet record holds: 4096 − tag − delimiter − header (RFC 8291 §4). */
export const MAX_PLAINTEXT_BYTES = RECORD_SIZE - TAG_BYTES - 1 - HEADER_BYTES;

export interface SubscriptionKeys {
  /** The browser's ECDH public key, an uncompressed P-256 point in base64url. */
  p256dh: string;
  /** The browser's 16-octet authentication secret in base64url. */
  auth: string;
}

export interface EncryptionInputs {
  /** Fixed only by tests that reproduce the RFC's example; otherwise 16 fresh random octets. */
  salt?: Uint8Array;
  /** Fixed only by those tests; otherwise a fresh ECDH key pair per message, as §3.1 requires. */
  senderKeys?: CryptoKeyPair;
}

const encoder = new TextEncoder();

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

async function hkdf(salt: Uint8Array, ikm: Uint8Array, info: Uint8Array, bytes: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", ikm, "HKDF", false, ["deriveBits"]);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: "HKDF", hash: "SHA-256", salt, info }, key, bytes * 8));
}

function subscriptionKeyBytes(keys: SubscriptionKeys): { uaPublic: Uint8Array; authSecret: Uint8Array } {
  const uaPublic = fromBase64url(keys.p256dh);
  const authSecret = fromBase64url(keys.auth);
  if (uaPublic.length !== 65 || uaPublic[0] !== 0x04) throw new Error("p256dh is not an uncompressed P-256 point");
  if (authSecret.length !== 16) throw new Error("auth is not 16 octets");
  return { uaPublic, authSecret };
}

/** The whole request body: the RFC 8188 header (salt, record size, the sender's public key) and the one record. */
export async function encryptForSubscription(plaintext: Uint8Array, keys: SubscriptionKeys, inputs: EncryptionInputs = {}): Promise<Uint8Array> {
  if (plaintext.length > MAX_PLAINTEXT_BYTES) throw new Error(`a push message holds at most ${MAX_PLAINTEXT_BYTES} octets`);
  const { uaPublic, authSecret } = subscriptionKeyBytes(keys);
  const salt = inputs.salt ?? crypto.getRandomValues(new Uint8Array(16));
  const sender = inputs.senderKeys ?? ((await crypto.subtle.generateKey({ name: "ECDH", namedCurve: "P-256" }, true, ["deriveBits"])) as CryptoKeyPair);
  const asPublic = new Uint8Array((await crypto.subtle.exportKey("raw", sender.publicKey)) as ArrayBuffer);
  const uaKey = await crypto.subtle.importKey("raw", uaPublic, { name: "ECDH", namedCurve: "P-256" }, false, []);
  // workers-types spells the ECDH peer key `$public`; the runtime, as Web Crypto, reads `public`.
  const ecdhParams = { name: "ECDH", public: uaKey } as unknown as SubtleCryptoDeriveKeyAlgorithm;
  const ecdhSecret = new Uint8Array(await crypto.subtle.deriveBits(ecdhParams, sender.privateKey, 256));

  // §3.3–3.4: IKM from the shared secret, keyed by the auth secret and bound to both public keys.
  const keyInfo = concat(encoder.encode("WebPush: info\0"), uaPublic, asPublic);
  const ikm = await hkdf(authSecret, ecdhSecret, keyInfo, 32);
  const cek = await hkdf(salt, ikm, encoder.encode("Content-Encoding: aes128gcm\0"), 16);
  const nonce = await hkdf(salt, ikm, encoder.encode("Content-Encoding: nonce\0"), 12);

  const record = concat(plaintext, Uint8Array.of(LAST_RECORD_DELIMITER));
  const aesKey = await crypto.subtle.importKey("raw", cek, "AES-GCM", false, ["encrypt"]);
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv: nonce }, aesKey, record));

  const header = new Uint8Array(HEADER_BYTES);
  header.set(salt, 0);
  new DataView(header.buffer).setUint32(16, RECORD_SIZE);
  header[20] = asPublic.length;
  header.set(asPublic, 21);
  return concat(header, ciphertext);
}
