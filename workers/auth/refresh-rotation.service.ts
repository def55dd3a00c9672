// Rotating a refresh token so that two refreshes of it at once (two tabs, a retried request) get the same answer
// instead of signing each other out. The successor is derived from the old token under a key only the Worker holds,
// so a concurrent caller can name it again without it ever being stored: the database keeps only hashes.
import { sql } from "drizzle-orm";
import type { Env } from "../platform/env";
import type { Database } from "../platform/db/database";
import { base64url, sha256Hex } from "../platform/encoding";
import { keyRing } from "../platform/crypto/key-ring";

/** How long after a rotation the same old token is answered again rather than treated as a replay. */
export const REUSE_WINDOW_MS = 30_000;

const encoder = new TextEncoder();

async function successorKey(secret: string): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey("raw", encoder.encode(secret), "HKDF", false, ["deriveKey"]);
  return crypto.subtle.deriveKey(
    { name: "HKDF", hash: "SHA-256", salt: encoder.encode("autoarr-refresh-successor"), info: encoder.encode("refresh-token-successor") },
    material,
    { name: "HMAC", hash: "SHA-256", length: 256 },
    false,
    ["sign"],
  );
}

/** The refresh token this one rotates into: unpredictable without the key, the same for every caller. */
export async function successorOf(refreshToken: string, env: Pick<Env, "AUTOARR_SECRET_KEY" | "AUTOARR_SECRET_KEY_PREVIOUS">): Promise<string> {
  const { current } = await keyRing(env);
  const mac = await crypto.subtle.sign("HMAC", await successorKey(current.secret), encoder.encode(refreshToken));
  return base64url(new Uint8Array(mac));
}

/**
 * Stores the successor's session unless it is already there (another caller's rotation) or its family was signed
 * out — in one statement, so a logout racing the refresh cannot leave a live token behind in a revoked family.
 */
export async function insertSuccessor(
  db: Database,
  owner: { tenantId: string; userId: string; familyId: string },
  successor: string,
  now: number,
  expiresAt: number,
): Promise<void> {
  const tokenHash = await sha256Hex(successor);
  await db.run(sql`
    INSERT INTO refresh_sessions (id, tenant_id, user_id, family_id, token_hash, created_at, expires_at)
    SELECT ${crypto.randomUUID()}, ${owner.tenantId}, ${owner.userId}, ${owner.familyId}, ${tokenHash}, ${now}, ${expiresAt}
    WHERE NOT EXISTS (SELECT 1 FROM refresh_sessions WHERE family_id = ${owner.familyId} AND revoked_at IS NOT NULL)
    ON CONFLICT (token_hash) DO NOTHING`);
}
