// Web push encryption and VAPID against the RFCs' own numbers: RFC 8291 Appendix A
// (https://www.rfc-editor.org/rfc/rfc8291#appendix-A) first checks the test's decryptor, then pins AutoArr's
// encryption byte for byte, and the decryptor opens what webPushAdapter builds for a subscription made from the
// RFC's browser keys. The Authorization header is checked as RFC 8292 (https://www.rfc-editor.org/rfc/rfc8292) says.
import { decodeProtectedHeader, importJWK, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import type { NotificationMessage } from "../../../workers/notifications/notification-message";
import { encryptForSubscription } from "../../../workers/notifications/web-push/aes128gcm";
import { vapidFromEnv } from "../../../workers/notifications/web-push/vapid";
import { webPushAdapter } from "../../../workers/notifications/web-push/web-push.adapter";
import { base64url, fromBase64url } from "../../../workers/platform/encoding";
import { decryptPushMessage } from "./rfc8291-decrypt";

// Appendix A, as the RFC prints them (base64url).
const RFC = {
  plaintext: "When I grow up, I want to be a watermelon",
  asPrivate: "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw",
  asPublic: "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8",
  uaPrivate: "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94",
  uaPublic: "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4",
  salt: "DGv6ra1nlYgDCS1FRnbzlw",
  authSecret: "BTBZMqHH6r4Tts7J_aSIgg",
  message:
    "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN",
};
const uaKeys = { privateKey: RFC.uaPrivate, publicKey: RFC.uaPublic, authSecret: RFC.authSecret };
const subscription = { endpoint: "https://push.example.net/push/JzLQ3raZJfFBR0aqvOMsLrt54w4rJUsV", p256dh: RFC.uaPublic, auth: RFC.authSecret };

async function applicationServerKeys(): Promise<CryptoKeyPair> {
  const point = fromBase64url(RFC.asPublic);
  const jwk = { kty: "EC", crv: "P-256", x: base64url(point.slice(1, 33)), y: base64url(point.slice(33, 65)) };
  const privateKey = await crypto.subtle.importKey("jwk", { ...jwk, d: RFC.asPrivate }, { name: "ECDH", namedCurve: "P-256" }, false, ["deriveBits"]);
  const publicKey = await crypto.subtle.importKey("raw", point, { name: "ECDH", namedCurve: "P-256" }, true, []);
  return { privateKey, publicKey };
}

async function freshVapid(subject?: string) {
  const pair = (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"])) as CryptoKeyPair;
  const jwk = (await crypto.subtle.exportKey("jwk", pair.privateKey)) as JsonWebKey;
  const vapid = vapidFromEnv({ VAPID_PRIVATE_KEY: JSON.stringify(jwk), VAPID_SUBJECT: subject });
  if (!vapid) throw new Error("vapidFromEnv gave no identity for a key");
  return vapid;
}

const message: NotificationMessage = {
  kind: "failure_detected",
  severity: "critical",
  title: "Download failed: Show.S01E01.1080p",
  body: "SABnzbd says: CRC error.\nAutoArr will search again.",
  link: "/activity",
  at: "2026-12-01T21:00:00.000Z",
};
const context = { appUrl: "https://autoarr.example.com", now: new Date() };

describe("RFC 8291 Appendix A", () => {
  it("the test's decryptor opens the RFC's message to its plaintext", async () => {
    const plaintext = await decryptPushMessage(fromBase64url(RFC.message), uaKeys);
    expect(new TextDecoder().decode(plaintext)).toBe(RFC.plaintext);
  });

  it("the test's decryptor refuses the RFC's message with one ciphertext octet changed", async () => {
    const tampered = fromBase64url(RFC.message);
    tampered[100] = (tampered[100] ?? 0) ^ 1;
    await expect(decryptPushMessage(tampered, uaKeys)).rejects.toThrow();
  });

  it("encryptForSubscription reproduces the RFC's message byte for byte from its keys and salt", async () => {
    const body = await encryptForSubscription(new TextEncoder().encode(RFC.plaintext), subscription, {
      salt: fromBase64url(RFC.salt),
      senderKeys: await applicationServerKeys(),
    });
    expect(base64url(body)).toBe(RFC.message);
  });

  it("encryptForSubscription uses a fresh salt and sender key for every message", async () => {
    const plaintext = new TextEncoder().encode(RFC.plaintext);
    const [first, second] = await Promise.all([encryptForSubscription(plaintext, subscription), encryptForSubscription(plaintext, subscription)]);
    expect(base64url(first.slice(0, 16))).not.toBe(base64url(second.slice(0, 16)));
    expect(base64url(first.slice(21, 86))).not.toBe(base64url(second.slice(21, 86)));
    expect(new TextDecoder().decode(await decryptPushMessage(second, uaKeys))).toBe(RFC.plaintext);
  });
});

describe("webPushAdapter's request for a subscription made from the RFC's browser keys", () => {
  it("decrypts with the browser's keys to the payload JSON", async () => {
    const request = await webPushAdapter(await freshVapid()).request(subscription, message, context);
    expect(request.url).toBe(subscription.endpoint);
    expect(request.headers["Content-Encoding"]).toBe("aes128gcm");
    expect(request.headers["Content-Type"]).toBe("application/octet-stream");
    const plaintext = await decryptPushMessage(request.body as Uint8Array, uaKeys);
    const payload = JSON.parse(new TextDecoder().decode(plaintext));
    expect(payload).toEqual({
      title: message.title,
      body: message.body,
      link: "https://autoarr.example.com/activity",
      tag: request.headers.Topic,
      at: message.at,
    });
  });

  it("signs a VAPID token for the endpoint's origin that verifies with the public key it names", async () => {
    const vapid = await freshVapid("mailto:ops@autoarr.example.com");
    const request = await webPushAdapter(vapid).request(subscription, message, context);
    const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(request.headers.Authorization ?? "");
    expect(match).not.toBeNull();
    const [, token = "", k = ""] = match ?? [];
    expect(k).toBe(vapid.publicKey);
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: "ES256", typ: "JWT" });
    // As a push service does: the key from k= alone, an uncompressed P-256 point.
    const point = fromBase64url(k);
    expect(point.length).toBe(65);
    const publicKey = await importJWK({ kty: "EC", crv: "P-256", x: base64url(point.slice(1, 33)), y: base64url(point.slice(33, 65)) }, "ES256");
    const { payload } = await jwtVerify(token, publicKey, { audience: "https://push.example.net", algorithms: ["ES256"] });
    expect(payload.sub).toBe("mailto:ops@autoarr.example.com");
    const nowSeconds = Math.floor(context.now.getTime() / 1000);
    expect(payload.exp).toBeGreaterThan(nowSeconds);
    expect((payload.exp ?? 0) - nowSeconds).toBeLessThanOrEqual(24 * 60 * 60);
  });

  it("a token signed by another VAPID key does not verify with this deployment's key", async () => {
    const [ours, theirs] = [await freshVapid(), await freshVapid()];
    const request = await webPushAdapter(theirs).request(subscription, message, context);
    const token = /t=([^,]+)/.exec(request.headers.Authorization ?? "")?.[1] ?? "";
    const point = fromBase64url(ours.publicKey);
    const publicKey = await importJWK({ kty: "EC", crv: "P-256", x: base64url(point.slice(1, 33)), y: base64url(point.slice(33, 65)) }, "ES256");
    await expect(jwtVerify(token, publicKey)).rejects.toThrow();
  });
});
