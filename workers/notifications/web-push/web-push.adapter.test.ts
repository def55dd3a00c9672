import { describe, expect, it } from "vitest";
import type { NotificationMessage } from "../notification-message";
import { MAX_PAYLOAD_BYTES, pushPayload } from "./push-payload";
import { publicKeyOf, type Vapid, vapidFromEnv } from "./vapid";
import { WebPushConfig, webPushAdapter } from "./web-push.adapter";
import { base64url } from "../../platform/encoding";

// A browser subscription's keys in the shape browsers give them (RFC 8291 Appendix A's user agent).
const keys = { p256dh: "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4", auth: "BTBZMqHH6r4Tts7J_aSIgg" };
const config = { endpoint: "https://fcm.googleapis.com/fcm/send/abc:def", ...keys };
const context = { appUrl: "https://autoarr.example.com", now: new Date("2026-12-01T21:00:00Z") };
const message: NotificationMessage = {
  kind: "failure_detected",
  severity: "warning",
  title: "Download failed: Show.S01E01",
  body: "CRC error",
  at: "2026-12-01T21:00:00.000Z",
};

async function generatedJwk(): Promise<JsonWebKey> {
  const pair = (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"])) as CryptoKeyPair;
  return (await crypto.subtle.exportKey("jwk", pair.privateKey)) as JsonWebKey;
}

async function vapid(): Promise<Vapid> {
  const identity = vapidFromEnv({ VAPID_PRIVATE_KEY: JSON.stringify(await generatedJwk()) });
  if (!identity) throw new Error("no identity");
  return identity;
}

describe("vapidFromEnv", () => {
  it("is null when the deployment has no VAPID key", () => {
    expect(vapidFromEnv({})).toBeNull();
    expect(vapidFromEnv({ VAPID_PRIVATE_KEY: " " })).toBeNull();
  });

  it("derives the public key browsers subscribe with from the JWK's x and y", async () => {
    const pair = (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"])) as CryptoKeyPair;
    const jwk = (await crypto.subtle.exportKey("jwk", pair.privateKey)) as JsonWebKey;
    const raw = new Uint8Array((await crypto.subtle.exportKey("raw", pair.publicKey)) as ArrayBuffer);
    const identity = vapidFromEnv({ VAPID_PRIVATE_KEY: JSON.stringify(jwk) });
    expect(identity?.publicKey).toBe(base64url(raw));
    expect(identity?.subject).toBe("mailto:autoarr@localhost");
    expect(Object.keys(identity?.privateJwk ?? {}).sort()).toEqual(["crv", "d", "kty", "x", "y"]);
  });

  it("refuses a key that is not a P-256 private JWK, naming the field but never the value", async () => {
    const { d, ...publicOnly } = await generatedJwk();
    expect(() => vapidFromEnv({ VAPID_PRIVATE_KEY: JSON.stringify(publicOnly) })).toThrow(/P-256 private JWK \(d\)/);
    expect(() => vapidFromEnv({ VAPID_PRIVATE_KEY: JSON.stringify({ ...publicOnly, d, crv: "P-384" }) })).toThrow(/crv/);
    let thrown: unknown;
    try {
      vapidFromEnv({ VAPID_PRIVATE_KEY: `${d}not json` });
    } catch (error) {
      thrown = error;
    }
    expect(String(thrown)).toMatch(/not JSON/);
    expect(String(thrown)).not.toContain(d);
  });

  it("takes a mailto: or https: subject and refuses anything else", async () => {
    const secret = JSON.stringify(await generatedJwk());
    expect(vapidFromEnv({ VAPID_PRIVATE_KEY: secret, VAPID_SUBJECT: "https://autoarr.example.com" })?.subject).toBe("https://autoarr.example.com");
    expect(() => vapidFromEnv({ VAPID_PRIVATE_KEY: secret, VAPID_SUBJECT: "ops@example.com" })).toThrow(/VAPID_SUBJECT/);
    expect(() => vapidFromEnv({ VAPID_PRIVATE_KEY: secret, VAPID_SUBJECT: "http://example.com" })).toThrow(/VAPID_SUBJECT/);
  });

  it("publicKeyOf is the 65-octet uncompressed point", () => {
    const x = base64url(new Uint8Array(32).fill(1));
    const y = base64url(new Uint8Array(32).fill(2));
    expect(publicKeyOf({ x, y })).toBe(base64url(Uint8Array.of(4, ...new Uint8Array(32).fill(1), ...new Uint8Array(32).fill(2))));
  });
});

describe("WebPushConfig", () => {
  it("accepts a browser's subscription, padded base64 included", () => {
    expect(WebPushConfig.parse(config)).toEqual(config);
    expect(WebPushConfig.safeParse({ ...config, auth: `${keys.auth}==` }).success).toBe(true);
  });

  it("leaves http to the outbound rule but refuses other schemes", () => {
    expect(WebPushConfig.safeParse({ ...config, endpoint: "http://localhost:8090/notify/abc" }).success).toBe(true);
    expect(WebPushConfig.safeParse({ ...config, endpoint: "ftp://push.example.com/x" }).success).toBe(false);
    expect(WebPushConfig.safeParse({ ...config, endpoint: "javascript:alert(1)" }).success).toBe(false);
  });

  it("refuses keys of the wrong size or form", () => {
    expect(WebPushConfig.safeParse({ ...config, p256dh: keys.p256dh.slice(0, 40) }).success).toBe(false);
    // A compressed point (0x02 prefix) is not what browsers give and not what RFC 8291 takes.
    expect(WebPushConfig.safeParse({ ...config, p256dh: base64url(Uint8Array.of(2, ...new Uint8Array(64))) }).success).toBe(false);
    expect(WebPushConfig.safeParse({ ...config, auth: base64url(new Uint8Array(15)) }).success).toBe(false);
    expect(WebPushConfig.safeParse({ ...config, auth: "not base64url!" }).success).toBe(false);
  });
});

describe("webPushAdapter.request", () => {
  it("sends RFC 8030's headers: a day's TTL, urgency from severity, a topic that collapses repeats", async () => {
    const adapter = webPushAdapter(await vapid());
    const warning = await adapter.request(config, message, context);
    const critical = await adapter.request(config, { ...message, severity: "critical" }, context);
    const info = await adapter.request(config, { ...message, severity: "info" }, context);
    const other = await adapter.request(config, { ...message, title: "Download failed: Show.S01E02" }, context);
    expect(warning.headers).toMatchObject({ TTL: "86400", Urgency: "normal", "Content-Encoding": "aes128gcm", "Content-Type": "application/octet-stream" });
    expect(critical.headers.Urgency).toBe("high");
    expect(info.headers.Urgency).toBe("low");
    expect(warning.headers.Topic).toMatch(/^[A-Za-z0-9_-]{1,32}$/);
    expect(critical.headers.Topic).toBe(warning.headers.Topic);
    expect(other.headers.Topic).not.toBe(warning.headers.Topic);
    expect(warning.headers.Authorization).toMatch(/^vapid t=[\w-]+\.[\w-]+\.[\w-]+, k=[\w-]{87}$/);
  });

  it("goes to the subscription's endpoint, which is a secret like its auth", async () => {
    const adapter = webPushAdapter(await vapid());
    expect(adapter.target(config)).toBe(config.endpoint);
    expect(adapter.secretFields).toEqual(["endpoint", "auth"]);
    expect(adapter.goneStatuses).toEqual([404, 410]);
  });
});

describe("pushPayload", () => {
  it("makes the link absolute on the app's origin and keeps the text plain", async () => {
    const payload = await pushPayload({ ...message, link: "/activity?x=1", title: "a\u0007b\nc", body: "line 1\r\nline 2\u0000" }, context);
    expect(payload.link).toBe("https://autoarr.example.com/activity?x=1");
    expect(payload.title).toBe("ab c");
    expect(payload.body).toBe("line 1\nline 2");
  });

  it("lists a digest's items under its body", async () => {
    const payload = await pushPayload(
      {
        ...message,
        kind: "digest",
        body: "While you were away:",
        items: [
          { title: "One", body: "" },
          { title: "Two", body: "" },
        ],
      },
      context,
    );
    expect(payload.body).toBe("While you were away:\n• One\n• Two");
  });

  it("cuts long text so the JSON stays within 3 KB and still parses", async () => {
    // Quotes and control-like characters grow in JSON; emoji are two UTF-16 units and four UTF-8 octets.
    const body = `${'"\\'.repeat(300)}${"🍉".repeat(2_000)}`;
    const payload = await pushPayload({ ...message, body, title: "🍉".repeat(500) }, context);
    const json = JSON.stringify(payload);
    expect(new TextEncoder().encode(json).length).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    expect(JSON.parse(json)).toEqual(payload);
    expect(payload.body.endsWith("…")).toBe(true);
    expect(Array.from(payload.title)).toHaveLength(120);
    // Never half of a surrogate pair.
    expect(payload.body).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it("shows AutoArr as the title when the message has none", async () => {
    expect((await pushPayload({ ...message, title: "  " }, context)).title).toBe("AutoArr");
  });
});
