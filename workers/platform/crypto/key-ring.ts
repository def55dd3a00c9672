// The Worker's secret keys: AUTOARR_SECRET_KEY signs and seals now; AUTOARR_SECRET_KEY_PREVIOUS, while set, is still
// accepted for what it signed or sealed, so a key can be rotated (after a leak, say) without signing everyone out.
// Each key has an id derived from it, carried by every token (`kid`) and sealed secret, so the right key is chosen
// without trying them all and a key's id says nothing about the key itself.
import type { Env } from "../env";
import { sha256Hex } from "../encoding";

export interface SecretKey {
  id: string;
  secret: string;
}

export interface KeyRing {
  current: SecretKey;
  previous?: SecretKey;
}

const MIN_SECRET_LENGTH = 32;
const ids = new Map<string, Promise<string>>();

function keyId(secret: string): Promise<string> {
  let id = ids.get(secret);
  if (!id) {
    id = sha256Hex(`autoarr-key-id:${secret}`).then((hex) => hex.slice(0, 16));
    ids.set(secret, id);
  }
  return id;
}

async function secretKey(secret: string, name: string): Promise<SecretKey> {
  if (!secret || secret.length < MIN_SECRET_LENGTH) throw new Error(`${name} must be set to at least ${MIN_SECRET_LENGTH} characters`);
  return { id: await keyId(secret), secret };
}

export async function keyRing(env: Pick<Env, "AUTOARR_SECRET_KEY" | "AUTOARR_SECRET_KEY_PREVIOUS">): Promise<KeyRing> {
  const current = await secretKey(env.AUTOARR_SECRET_KEY, "AUTOARR_SECRET_KEY");
  const previous = env.AUTOARR_SECRET_KEY_PREVIOUS ? await secretKey(env.AUTOARR_SECRET_KEY_PREVIOUS, "AUTOARR_SECRET_KEY_PREVIOUS") : undefined;
  return previous && previous.id !== current.id ? { current, previous } : { current };
}

/** The ring's key with this id, if it still holds one. */
export function keyById(ring: KeyRing, id: string): SecretKey | undefined {
  if (ring.current.id === id) return ring.current;
  return ring.previous?.id === id ? ring.previous : undefined;
}
