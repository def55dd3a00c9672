// The wire contract of the hub's call tokens: what the hub mints and the connector checks. Free of imports beyond
// what both Node and workerd provide (Web Crypto, btoa).

export const TOKEN_ISSUER = "autoarr";
export const TOKEN_AUDIENCE = "autoarr-connector";
/** How long a token lives (exp − iat): the hub mints exactly this, the connector refuses anything longer. */
export const TOKEN_LIFETIME_S = 60;

/** What ties a token to the one HTTP request it was minted for; each claim is absent when the request has no such part. */
export interface RequestBinding {
  /** HTTP method, upper case. */
  htm: string;
  /** base64url(SHA-256(body bytes)) when the request has a body (every POST). */
  bh?: string;
  /** JSON-RPC id of a single-message body (requests and responses; notifications have none). */
  rid?: string | number;
  /** The Mcp-Session-Id header, once the session exists. */
  sid?: string;
}

export interface RequestFacts {
  method: string;
  body?: Uint8Array;
  sessionId?: string;
}

export async function requestBinding(request: RequestFacts): Promise<RequestBinding> {
  const binding: RequestBinding = { htm: request.method.toUpperCase() };
  if (request.body !== undefined) {
    binding.bh = base64url(new Uint8Array(await crypto.subtle.digest("SHA-256", request.body as Uint8Array<ArrayBuffer>)));
    const rid = jsonRpcId(request.body);
    if (rid !== undefined) binding.rid = rid;
  }
  if (request.sessionId) binding.sid = request.sessionId;
  return binding;
}

const BOUND_CLAIMS = ["htm", "bh", "rid", "sid"] as const;

/** The first bound claim of the token that differs from the request (a missing claim must be missing on both), if any. */
export function bindingMismatch(claims: Record<string, unknown>, binding: RequestBinding): string | undefined {
  return BOUND_CLAIMS.find((claim) => claims[claim] !== binding[claim]);
}

function jsonRpcId(body: Uint8Array): string | number | undefined {
  let message: unknown;
  try {
    message = JSON.parse(new TextDecoder().decode(body));
  } catch {
    return undefined;
  }
  if (typeof message !== "object" || message === null || Array.isArray(message)) return undefined;
  const id = (message as { id?: unknown }).id;
  return typeof id === "string" || typeof id === "number" ? id : undefined;
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}
