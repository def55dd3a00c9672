import { describe, expect, it } from "vitest";
import { register, signIn, signOut } from "./auth.api";
import { tokenStore } from "./token-store";
import { mockApi, session } from "../test/mock-api";

describe("auth API", () => {
  it("signs up and signs in in cookie mode, keeping only the profile in localStorage", async () => {
    const { calls } = mockApi({
      "POST /api/v1/auth/register": { status: 201, body: session() },
      "POST /api/v1/auth/login": { body: session({ accessToken: "access-2" }) },
    });
    await register({ email: "sam@example.com", password: "correct horse", tenantName: "Home" });
    await signIn({ email: "sam@example.com", password: "correct horse" });
    expect(calls.map((call) => call.headers.get("X-AutoArr-Session"))).toEqual(["cookie", "cookie"]);
    expect(tokenStore.usableAccessToken()).toBe("access-2");
    expect(Object.keys({ ...localStorage })).toEqual(["autoarr.profile"]);
  });

  it("signs out through the cookie: logout in cookie mode with no token in the body, and the local session gone", async () => {
    tokenStore.save(session());
    const { calls } = mockApi({ "POST /api/v1/auth/logout": { status: 204 } });
    await signOut();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.headers.get("X-AutoArr-Session")).toBe("cookie");
    expect(calls[0]?.body).toEqual({});
    expect(tokenStore.isSignedIn()).toBe(false);
    expect(localStorage.getItem("autoarr.profile")).toBeNull();
  });

  it("signs out locally even when the server cannot be reached", async () => {
    tokenStore.save(session());
    mockApi({});
    globalThis.fetch = (() => Promise.reject(new TypeError("Failed to fetch"))) as typeof fetch;
    await signOut();
    expect(tokenStore.isSignedIn()).toBe(false);
  });
});
