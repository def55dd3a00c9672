#!/usr/bin/env node
// Makes this deployment's VAPID key pair for web push (RFC 8292): a P-256 private key as a JWK, which the Worker
// reads from the VAPID_PRIVATE_KEY secret, and its public key (the uncompressed point in base64url), which browsers
// are given as applicationServerKey. Node's Web Crypto only; nothing leaves this machine.
// Changing the key later cuts off every browser that subscribed with the old one: they must turn push on again.
import { webcrypto } from "node:crypto";

const { subtle } = webcrypto;
const pair = await subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]);
const { kty, crv, x, y, d } = await subtle.exportKey("jwk", pair.privateKey);
const privateJwk = JSON.stringify({ kty, crv, x, y, d });
const publicKey = Buffer.from(await subtle.exportKey("raw", pair.publicKey)).toString("base64url");

console.log(`VAPID_PRIVATE_KEY (keep it secret):
${privateJwk}

Public key (browsers get it from GET /api/v1/notifications/push/key; nothing to configure):
${publicKey}

Store the private key as the Worker's secret:
  printf '%s' '${privateJwk}' | npx wrangler secret put VAPID_PRIVATE_KEY

and name who runs this deployment, for push services to reach you (Apple refuses an address "@localhost"):
  printf '%s' 'mailto:you@example.com' | npx wrangler secret put VAPID_SUBJECT

For local runs (npm start, wrangler dev), put both in .dev.vars instead:
  VAPID_PRIVATE_KEY='${privateJwk}'
  VAPID_SUBJECT=mailto:you@example.com`);
