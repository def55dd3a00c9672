import { describe, expect, it, vi } from "vitest";
import { session } from "../test/mock-api";

const PROFILE_KEY = "autoarr.profile";
const LEGACY_REFRESH_TOKEN_KEY = "autoarr.refreshToken";

// A fresh copy of the module, as a reload or another tab would load it.
async function loadTokenStore() {
  vi.resetModules();
  return (await import("./token-store")).tokenStore;
}

function storageEvent(key: string | null, newValue: string | null) {
  window.dispatchEvent(new StorageEvent("storage", { key, newValue, storageArea: localStorage }));
}

describe("tokenStore", () => {
  it("keeps no refresh token in script-readable storage, even when a response carries one", async () => {
    const tokenStore = await loadTokenStore();
    tokenStore.save({ ...session(), refreshToken: "refresh-token-from-a-body" } as Parameters<typeof tokenStore.save>[0]);
    const everything = JSON.stringify({ ...localStorage }) + document.cookie;
    expect(everything).not.toContain("refresh-token-from-a-body");
    expect(localStorage.getItem(LEGACY_REFRESH_TOKEN_KEY)).toBeNull();
    expect("refreshToken" in tokenStore).toBe(false);
  });

  it("keeps the access token in memory only and the profile in localStorage", async () => {
    const tokenStore = await loadTokenStore();
    tokenStore.save(session(), 1_000);
    expect(tokenStore.usableAccessToken(1_000)).toBe("access-1");
    expect(JSON.stringify({ ...localStorage })).not.toContain("access-1");
    expect(JSON.parse(localStorage.getItem(PROFILE_KEY)!)).toEqual({ user: session().user, tenant: session().tenant, role: "owner" });
  });

  it("stays signed in across a reload through the profile, with the access token to be fetched again by the cookie", async () => {
    (await loadTokenStore()).save(session());
    const reloaded = await loadTokenStore();
    expect(reloaded.isSignedIn()).toBe(true);
    expect(reloaded.usableAccessToken()).toBeNull();
    expect(reloaded.profile()?.user.email).toBe("sam@example.com");
  });

  it("drops a refresh token an earlier version left in localStorage", async () => {
    localStorage.setItem(LEGACY_REFRESH_TOKEN_KEY, "left-by-an-old-version");
    localStorage.setItem(PROFILE_KEY, JSON.stringify({ user: session().user, tenant: session().tenant, role: "owner" }));
    const tokenStore = await loadTokenStore();
    expect(localStorage.getItem(LEGACY_REFRESH_TOKEN_KEY)).toBeNull();
    expect(tokenStore.isSignedIn()).toBe(true);
  });

  it("signs out locally: clears the profile and the access token and tells subscribers", async () => {
    const tokenStore = await loadTokenStore();
    tokenStore.save(session());
    const listener = vi.fn();
    tokenStore.subscribe(listener);
    tokenStore.clear();
    expect(tokenStore.isSignedIn()).toBe(false);
    expect(tokenStore.usableAccessToken()).toBeNull();
    expect(localStorage.getItem(PROFILE_KEY)).toBeNull();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("signs this tab out when another tab signs out, and follows another tab's sign-in", async () => {
    const tokenStore = await loadTokenStore();
    tokenStore.save(session());
    const listener = vi.fn();
    tokenStore.subscribe(listener);

    localStorage.removeItem(PROFILE_KEY);
    storageEvent(PROFILE_KEY, null);
    expect(tokenStore.isSignedIn()).toBe(false);
    expect(tokenStore.usableAccessToken()).toBeNull();
    expect(listener).toHaveBeenCalledTimes(1);

    localStorage.setItem(PROFILE_KEY, JSON.stringify({ user: session().user, tenant: session().tenant, role: "owner" }));
    storageEvent(PROFILE_KEY, localStorage.getItem(PROFILE_KEY));
    expect(tokenStore.isSignedIn()).toBe(true);
    expect(listener).toHaveBeenCalledTimes(2);

    localStorage.clear();
    storageEvent(null, null);
    expect(tokenStore.isSignedIn()).toBe(false);
    expect(listener).toHaveBeenCalledTimes(3);
  });
});
