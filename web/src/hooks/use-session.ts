import { useSyncExternalStore } from "react";
import { tokenStore, type Profile } from "../api/token-store";

export function useIsSignedIn(): boolean {
  return useSyncExternalStore(tokenStore.subscribe, tokenStore.isSignedIn, () => false);
}

let cachedProfileJson: string | null = null;
let cachedProfile: Profile | null = null;

function profileSnapshot(): Profile | null {
  const profile = tokenStore.profile();
  const json = profile ? JSON.stringify(profile) : null;
  if (json !== cachedProfileJson) {
    cachedProfileJson = json;
    cachedProfile = profile;
  }
  return cachedProfile;
}

export function useProfile(): Profile | null {
  return useSyncExternalStore(tokenStore.subscribe, profileSnapshot, () => null);
}
