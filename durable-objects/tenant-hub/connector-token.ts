// The single-use token the hub signs each HTTP request to its connector with: HS256 under the pairing secret,
// short-lived, and bound to that one request (method, body hash, JSON-RPC id, session) so it opens nothing else.
import { SignJWT } from "jose";
import { requestBinding, type RequestFacts, TOKEN_AUDIENCE, TOKEN_ISSUER, TOKEN_LIFETIME_S } from "@autoarr/contract";
import { fromBase64url } from "../../workers/platform/encoding";
import type { ConnectorTarget } from "./connector-client";

export async function signConnectorToken(target: ConnectorTarget, request: RequestFacts): Promise<string> {
  // One clock reading for both: two could straddle a second and give 61 s, which the connector refuses.
  const issuedAt = Math.floor(Date.now() / 1000);
  return new SignJWT({ cid: target.connectorId, ...(await requestBinding(request)) })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setSubject(target.tenantId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + TOKEN_LIFETIME_S)
    .setJti(crypto.randomUUID())
    .sign(fromBase64url(target.secret));
}

/** The parts of an outgoing fetch the token binds, with the body read once into bytes that are then sent as they were hashed. */
export async function outgoingRequest(init: RequestInit | undefined, headers: Headers): Promise<{ facts: RequestFacts; body: BodyInit | undefined }> {
  const method = (init?.method ?? "GET").toUpperCase();
  const sessionId = headers.get("mcp-session-id") ?? undefined;
  const raw = init?.body ?? undefined;
  const body = raw === undefined ? undefined : typeof raw === "string" ? new TextEncoder().encode(raw) : new Uint8Array(await new Response(raw).arrayBuffer());
  return { facts: { method, ...(body ? { body } : {}), ...(sessionId ? { sessionId } : {}) }, body };
}
