// Helpers for driving the Worker through its real fetch handler in tests.
import { env, exports } from "cloudflare:workers";
import { secretsOf } from "./canary/secrets";

export const BASE = "https://autoarr.test";

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string };
  tenant: { id: string; name: string };
  role: string;
}

/** The Worker's secrets in this run (canary values, see vitest.config.ts): read them here, never spell them out. */
export const secrets = secretsOf(env);

let counter = 0;

export function api(path: string, init: RequestInit & { token?: string; json?: unknown } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("Authorization", `Bearer ${init.token}`);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set("Content-Type", "application/json");
    body = JSON.stringify(init.json);
  }
  // Each test file gets its own client address so anonymous rate limits don't leak across tests.
  if (!headers.has("CF-Connecting-IP")) headers.set("CF-Connecting-IP", `198.51.100.${(counter++ % 250) + 1}`);
  return exports.default.fetch(new Request(`${BASE}${path}`, { ...init, headers, body }));
}

export function uniqueEmail(label = "user"): string {
  return `${label}-${crypto.randomUUID().slice(0, 8)}@example.com`;
}

export async function signUp(label = "user", tenantName = `${label}'s home`): Promise<Session & { password: string }> {
  const password = "correct horse battery staple";
  const response = await api("/api/v1/auth/register", { method: "POST", json: { email: uniqueEmail(label), password, tenantName } });
  if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  return { ...((await response.json()) as Session), password };
}

export async function errorOf(response: Response): Promise<{ code: string; message: string; details?: unknown }> {
  const body = (await response.json()) as { error: { code: string; message: string; details?: unknown } };
  return body.error;
}
