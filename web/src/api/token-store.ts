// Where the session lives: the access token only in memory (script on the page can't read it after a reload),
// the refresh token in localStorage so a reload or a new tab stays signed in. Signing out anywhere clears every tab.
import type { Role, Session, Tenant, User } from "./contract.types";

const REFRESH_TOKEN_KEY = "autoarr.refreshToken";
const PROFILE_KEY = "autoarr.profile";
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

export const tokenStore = {
  save(session: Session, now = Date.now()): void {
    accessToken = { value: session.accessToken, expiresAt: now + session.expiresIn * 1000 };
    const profile: Profile = { user: session.user, tenant: session.tenant, role: session.role };
    localStorage.setItem(REFRESH_TOKEN_KEY, session.refreshToken);
    localStorage.setItem(PROFILE_KEY, JSON.stringify(profile));
    notify();
  },

  clear(): void {
    const wasSignedIn = accessToken !== null || readStorage(REFRESH_TOKEN_KEY) !== null;
    accessToken = null;
    localStorage.removeItem(REFRESH_TOKEN_KEY);
    localStorage.removeItem(PROFILE_KEY);
    if (wasSignedIn) notify();
  },

  forgetAccessToken(): void {
    accessToken = null;
  },

  usableAccessToken(now = Date.now()): string | null {
    if (!accessToken || accessToken.expiresAt - EXPIRY_MARGIN_MS <= now) return null;
    return accessToken.value;
  },

  refreshToken(): string | null {
    return readStorage(REFRESH_TOKEN_KEY);
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
    return readStorage(REFRESH_TOKEN_KEY) !== null;
  },

  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

if (typeof window !== "undefined") {
  window.addEventListener("storage", (event) => {
    if (event.key !== REFRESH_TOKEN_KEY && event.key !== null) return;
    if (event.newValue === null) accessToken = null;
    notify();
  });
}
