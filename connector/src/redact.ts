// Last line of defence so no tool result ever carries an app's API key or Plex token.
export const MASK = "********";

const SECRET_KEY_PATTERN = /^(api_?key|nzb_?key|password|passwordConfirmation|proxyPassword|sslCertPassword|.*token|secret|ma_password)$/i;

/** Masks values under secret-looking keys and any occurrence of a known secret string, deeply. */
export function redactSecrets<T>(value: T, knownSecrets: readonly string[]): T {
  const secrets = knownSecrets.filter((s) => s.length >= 4);
  const visit = (node: unknown, key?: string): unknown => {
    if (typeof node === "string") {
      if (key !== undefined && SECRET_KEY_PATTERN.test(key) && node !== "") return MASK;
      let out = node;
      for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(MASK);
      return out;
    }
    if (Array.isArray(node)) return node.map((item) => visit(item));
    if (node !== null && typeof node === "object") {
      const result: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(node)) result[k] = visit(v, k);
      return result;
    }
    return node;
  };
  return visit(value) as T;
}
