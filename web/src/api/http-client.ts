// fetch for the AutoArr API: adds the bearer token, refreshes it once on 401 (one refresh at a time, across tabs too:
// two refreshes with the same cookie would be a replay), and signs out when refresh is refused.
import { ApiError, apiErrorFromResponse, networkError } from "./api-error";
import type { Session } from "./api-types";
import { tokenStore } from "./token-store";

export type AuthMode = "required" | "optional" | "none";

export type RequestOptions = {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  signal?: AbortSignal;
  auth?: AuthMode;
  /** Statuses besides 2xx whose body is a normal answer, such as /health's 503 "degraded" report. */
  answerStatuses?: number[];
  /** For the auth routes: the refresh token goes into and comes from the HttpOnly cookie, never the body. */
  cookieSession?: boolean;
};

export const COOKIE_SESSION_HEADER = "X-AutoArr-Session";

const REFRESH_LOCK = "autoarr-token-refresh";
const REFUSED_REFRESH_STATUSES = new Set([400, 401, 403]);

let refreshInFlight: Promise<string> | null = null;

/** `onSent` is called once the refresh request is on the wire (after the cross-tab lock is granted). */
export function refreshAccessToken(onSent?: () => void): Promise<string> {
  refreshInFlight ??= withCrossTabLock(() => exchangeRefreshToken(onSent)).finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

function withCrossTabLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  return locks ? (locks.request(REFRESH_LOCK, task) as Promise<T>) : task();
}

async function exchangeRefreshToken(onSent?: () => void): Promise<string> {
  if (!tokenStore.isSignedIn()) throw new ApiError(401, "unauthorized", "You are signed out.");
  const sending = send("/api/v1/auth/refresh", { method: "POST", body: {}, cookieSession: true });
  onSent?.();
  const response = await sending;
  if (!response.ok) {
    const error = await apiErrorFromResponse(response);
    if (REFUSED_REFRESH_STATUSES.has(response.status)) tokenStore.clear();
    throw error;
  }
  const session = (await response.json()) as Session;
  tokenStore.save(session);
  return session.accessToken;
}

/**
 * For the app's start, before anything renders: every request of a signed-in screen needs an access token, so the
 * refresh through the cookie starts now, alongside the screen's chunk, instead of when its first query asks.
 * Resolves once the refresh is on the wire (or at once when none is needed), never with an error.
 */
export function refreshSessionAtStart(): Promise<void> {
  if (!tokenStore.isSignedIn() || tokenStore.usableAccessToken() || !navigator.onLine) return Promise.resolve();
  return new Promise((sent) => {
    refreshAccessToken(sent)
      .catch(() => {
        // Nothing to do here: a refused refresh has signed out, and the screen's queries ask again and show any failure.
      })
      .finally(sent);
  });
}

export async function freshAccessToken(): Promise<string> {
  return tokenStore.usableAccessToken() ?? refreshAccessToken();
}

async function tokenFor(auth: AuthMode): Promise<string | undefined> {
  if (auth === "none") return undefined;
  if (auth === "optional" && !tokenStore.isSignedIn()) return undefined;
  try {
    return await freshAccessToken();
  } catch (error) {
    if (auth === "optional" && error instanceof ApiError && !error.isNetworkFailure) return undefined;
    throw error;
  }
}

async function send(path: string, options: RequestOptions, token?: string): Promise<Response> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.cookieSession) headers[COOKIE_SESSION_HEADER] = "cookie";
  try {
    return await fetch(path, {
      method: options.method ?? "GET",
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      credentials: "same-origin",
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw networkError();
  }
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const auth = options.auth ?? "required";
  let token = await tokenFor(auth);
  let response = await send(path, options, token);
  if (response.status === 401 && token) {
    tokenStore.forgetAccessToken();
    token = await refreshAccessToken();
    response = await send(path, options, token);
  }
  if (!response.ok && !options.answerStatuses?.includes(response.status)) throw await apiErrorFromResponse(response);
  if (response.status === 204 || response.headers.get("Content-Length") === "0") return undefined as T;
  return (await response.json()) as T;
}
