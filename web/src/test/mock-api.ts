// A fetch stand-in for component tests: answers "METHOD /path" from a table and records every call.
import { vi } from "vitest";
import type { Session } from "../api/api-types";

export type MockAnswer = { status?: number; body?: unknown; headers?: Record<string, string> };
type Responder = MockAnswer | ((request: { body: unknown; headers: Headers }) => MockAnswer);

export type RecordedCall = { method: string; path: string; body: unknown; headers: Headers };

export function mockApi(routes: Record<string, Responder>) {
  const calls: RecordedCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const method = (init.method ?? "GET").toUpperCase();
    const path = String(input);
    const headers = new Headers(init.headers);
    const body = typeof init.body === "string" ? JSON.parse(init.body) : undefined;
    calls.push({ method, path, body, headers });
    const responder = routes[`${method} ${path}`];
    if (!responder) return jsonResponse({ status: 404, body: { error: { code: "not_found", message: `No mock for ${method} ${path}` } } });
    return jsonResponse(typeof responder === "function" ? responder({ body, headers }) : responder);
  });
  vi.stubGlobal("fetch", fetchMock);
  return { calls, fetchMock };
}

function jsonResponse({ status = 200, body, headers = {} }: MockAnswer): Response {
  if (status === 204) return new Response(null, { status, headers });
  return new Response(JSON.stringify(body ?? {}), { status, headers: { "Content-Type": "application/json", ...headers } });
}

// A cookie-mode session, as the API answers the web app: the refresh token is in the HttpOnly cookie, not here.
export const session = (overrides: Partial<{ accessToken: string }> = {}): Session => ({
  accessToken: "access-1",
  tokenType: "Bearer",
  expiresIn: 900,
  user: { id: "user-1", email: "sam@example.com" },
  tenant: { id: "tenant-1", name: "Home" },
  role: "owner",
  ...overrides,
});
