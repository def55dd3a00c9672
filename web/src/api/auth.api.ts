// Sign up, sign in and sign out: each stores or clears the session in the token store; the refresh token is the
// server's HttpOnly cookie, set by sign-up and sign-in and cleared by sign-out.
import { queryOptions } from "@tanstack/react-query";
import type { Credentials, Me, Registration, Session } from "./api-types";
import { apiRequest } from "./http-client";
import { queryKeys } from "./query-keys";
import { tokenStore } from "./token-store";

export async function register(registration: Registration): Promise<Session> {
  const session = await apiRequest<Session>("/api/v1/auth/register", { method: "POST", body: registration, auth: "none", cookieSession: true });
  tokenStore.save(session);
  return session;
}

export async function signIn(credentials: Credentials): Promise<Session> {
  const session = await apiRequest<Session>("/api/v1/auth/login", { method: "POST", body: credentials, auth: "none", cookieSession: true });
  tokenStore.save(session);
  return session;
}

export async function signOut(): Promise<void> {
  const wasSignedIn = tokenStore.isSignedIn();
  tokenStore.clear();
  if (!wasSignedIn) return;
  try {
    await apiRequest<void>("/api/v1/auth/logout", { method: "POST", body: {}, auth: "none", cookieSession: true });
  } catch {
    // The local session is already gone; a server that can't be reached lets the refresh token expire on its own.
  }
}

export const meQuery = () =>
  queryOptions({
    queryKey: queryKeys.me,
    queryFn: ({ signal }) => apiRequest<Me>("/api/v1/me", { signal }),
    staleTime: 5 * 60_000,
  });
