// The browser's half of RFC 8291 (https://www.rfc-editor.org/rfc/rfc8291#section-3.4) over RFC 8188's aes128gcm
// records (https://www.rfc-editor.org/rfc/rfc8188#section-2), written from the RFCs for the tests: it refuses what
// a browser refuses (a short header, a wrong key length, a record without its delimiter, any padding byte not zero).
import { base64url, fromBase64url } from "../../../workers/platform/encoding";

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

/** The browser's subscription key pair as the RFC writes it: the private scalar and the uncompressed public point. */
export interface UserAgentKeys {
  privateKey: string;
  publicKey: string;
  authSecret: string;
}

/** RFC 8188 §2.3: the nonce of record `sequence` is the derived nonce XOR the sequence number (big-endian, 96 bits). */
function recordNonce(nonce: Uint8Array, sequence: number): Uint8Array {
  const out = nonce.slice();
  const view = new DataView(out.buffer);
  view.setUint32(8, view.getUint32(8) ^ sequence);
  return out;
}

/** Removes the padding of one decrypted record: zeros after the delimiter, which must be 2 for the last record, 1 before. */
function unpad(record: Uint8Array, last: boolean): Uint8Array {
  let end = record.length - 1;
  while (end >= 0 && record[end] === 0) end--;
  if (end < 0) throw new Error("record has no delimiter");
  const delimiter = record[end];
  if (delimiter !== (last ? 2 : 1)) throw new Error(`record delimiter ${delimiter} where ${last ? 2 : 1} belongs`);
  return record.subarray(0, end);
}

export async function decryptPushMessage(body: Uint8Array, keys: UserAgentKeys): Promise<Uint8Array> {
  if (body.length < 21) throw new Error("body shorter than the aes128gcm header");
  const salt = body.subarray(0, 16);
  const recordSize = new DataView(body.buffer, body.byteOffset + 16, 4).getUint32(0);
  const idLength = body[20] ?? 0;
  // RFC 8291 §4: the key id is the sender's public key, an uncompressed P-256 point.
  if (idLength !== 65) throw new Error(`key id of ${idLength} octets, not a P-256 public key`);
  if (recordSize < 18) throw new Error(`record size ${recordSize} below the minimum of 18`);
  const asPublic = body.subarray(21, 21 + idLength);
  const records = body.subarray(21 + idLength);

  const uaPublic = fromBase64url(keys.publicKey);
  const authSecret = fromBase64url(keys.authSecret);
  const privateKey = await crypto.subtle.importKey(
    "jwk",
    { kty: "EC", crv: "P-256", x: base64url(uaPublic.slice(1, 33)), y: base64url(uaPublic.slice(33, 65)), d: keys.privateKey },
    { name: "ECDH", namedCurve: "P-256" },
    false,
    ["deriveBits"],
  );
  const senderKey = await crypto.subtle.importKey("raw", asPublic, { name: "ECDH", namedCurve: "P-256" }, false, []);
  const ecdhParams = { name: "ECDH", public: senderKey } as unknown as SubtleCryptoDeriveKeyAlgorithm;
  const ecdhSecret = new Uint8Array(await crypto.subtle.deriveBits(ecdhParams, privateKey, 256));

  const ikm = await hkdf(authSecret, ecdhSecret, concat(encoder.encode("WebPush: info\0"), uaPublic, asPublic), 32);
  const cek = await crypto.subtle.importKey("raw", await hkdf(salt, ikm, encoder.encode("Content-Encoding: aes128gcm\0"), 16), "AES-GCM", false, ["decrypt"]);
  const nonce = await hkdf(salt, ikm, encoder.encode("Content-Encoding: nonce\0"), 12);

  const plaintext: Uint8Array[] = [];
  for (let offset = 0, sequence = 0; offset < records.length; offset += recordSize, sequence++) {
    const record = records.subarray(offset, offset + recordSize);
    if (record.length < 17) throw new Error("record shorter than its tag and delimiter");
    const opened = new Uint8Array(await crypto.subtle.decrypt({ name: "AES-GCM", iv: recordNonce(nonce, sequence) }, cek, record));
    plaintext.push(unpad(opened, offset + recordSize >= records.length));
  }
  if (plaintext.length === 0) throw new Error("no record");
  return concat(...plaintext);
}
