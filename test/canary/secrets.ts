// The Worker's secrets as the test suite sets them: a fresh, distinctive value per run (the "canary") for each,
// so any answer, log line or message that carries one — in any common encoding — can be caught (see detector.ts).
// Loaded both by vitest.config.ts (Node) and inside workerd, so it imports nothing.

export const SECRET_NAMES = ["AUTOARR_SECRET_KEY", "AUTOARR_SECRET_KEY_PREVIOUS", "METRICS_TOKEN", "ANTHROPIC_API_KEY", "BRAVE_SEARCH_API_KEY"] as const;

export type SecretName = (typeof SECRET_NAMES)[number];
export type Secrets = Record<SecretName, string>;

function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * `<16 hex>+canary/<16 hex>/<16 hex>=`: random from the first character on, so every piece of 16 characters (the
 * detector's unit) is this run's alone; '+', '/' and '=' because keys made with `openssl rand -base64` have them
 * (and they make the URL-encoded form differ from the raw one). 58 characters: a secret key needs 32.
 */
export function makeCanarySecrets(): Secrets {
  const canary = () => `${randomHex(8)}+canary/${randomHex(8)}/${randomHex(8)}=`;
  return Object.fromEntries(SECRET_NAMES.map((name) => [name, canary()])) as Secrets;
}

/** The canary values an environment holds (the Worker's `env` in tests). */
export function secretsOf(env: Partial<Record<SecretName, unknown>>): Secrets {
  return Object.fromEntries(
    SECRET_NAMES.map((name) => {
      const value = env[name];
      if (typeof value !== "string" || !value.includes("+canary/")) throw new Error(`${name} is not a canary value; see vitest.config.ts`);
      return [name, value];
    }),
  ) as Secrets;
}
