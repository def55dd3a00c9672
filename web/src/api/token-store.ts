// Where the session lives: the access token only in memory; the refresh token only in an HttpOnly cookie that the
// server sets and that no script here can read (the API is asked for cookie mode, see http-client.ts). What
// localStorage keeps is the profile — not a secret — which says this browser is signed in, so a reload or a new tab
// stays signed in by refreshing through the cookie. Signing out anywhere removes it, and that clears every tab.
import type { Role, Session, Tenant, User } from "./api-types";

const PROFILE_KEY = "autoarr.profile";
// Where versions before the cookie kept the refresh token; removed wherever it is still found.
const LEGACY_REFRESH_TOKEN_KEY = "autoarr.refreshToken";
const EXPIRY_MARGIN_MS = 30_000;

export type Profile = { user: User; tenant: Tenant; role: Role };

type AccessToken = { value: string; expiresAt: number };

let accessToken: AccessToken | null = null;
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function removeStorage(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Storage blocked: nothing was kept there either.
  }
}

export const tokenStore = {
  save(session: Session, now = Date.now()): void {
    accessToken = { value: session.accessToken, expiresAt: now + session.expiresIn * 1000 };
    const profile: Profile = { user: session.user, tenant: session.tenant, role: session.role };
    removeStorage(LEGACY_REFRESH_TOKEN_KEY);
    localStorage.setItem(PROFILE_KEY, JSON.stringify(profile));
    notify();
  },

  clear(): void {
    const wasSignedIn = accessToken !== null || readStorage(PROFILE_KEY) !== null;
    accessToken = null;
    removeStorage(LEGACY_REFRESH_TOKEN_KEY);
    removeStorage(PROFILE_KEY);
    if (wasSignedIn) notify();
  },

  forgetAccessToken(): void {
    accessToken = null;
  },

  usableAccessToken(now = Date.now()): string | null {
    if (!accessToken || accessToken.expiresAt - EXPIRY_MARGIN_MS <= now) return null;
    return accessToken.value;
  },

  profile(): Profile | null {
    const stored = readStorage(PROFILE_KEY);
    if (!stored) return null;
    try {
      return JSON.parse(stored) as Profile;
    } catch {
      return null;
    }
  },

  isSignedIn(): boolean {
    return readStorage(PROFILE_KEY) !== null;
  },

  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

if (typeof window !== "undefined") {
  removeStorage(LEGACY_REFRESH_TOKEN_KEY);
  window.addEventListener("storage", (event) => {
    if (event.key !== PROFILE_KEY && event.key !== null) return;
    if (event.newValue === null) accessToken = null;
    notify();
  });
}
