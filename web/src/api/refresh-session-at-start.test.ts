import { describe, expect, it, vi } from "vitest";
import { apiRequest, refreshSessionAtStart } from "./http-client";
import { tokenStore } from "./token-store";
import { mockApi, session } from "../test/mock-api";

const refreshes = (calls: { path: string }[]) => calls.filter((call) => call.path === "/api/v1/auth/refresh");

describe("refreshSessionAtStart", () => {
  it("starts the cookie refresh at once for a signed-in browser, and the first request shares it", async () => {
    tokenStore.save(session());
    tokenStore.forgetAccessToken();
    const { calls } = mockApi({
      "POST /api/v1/auth/refresh": { body: session({ accessToken: "access-2" }) },
      "GET /api/v1/me": { body: { ok: true } },
    });
    await refreshSessionAtStart();
    expect(refreshes(calls)).toHaveLength(1);
    await apiRequest("/api/v1/me");
    expect(refreshes(calls)).toHaveLength(1);
    expect(calls.find((call) => call.path === "/api/v1/me")?.headers.get("Authorization")).toBe("Bearer access-2");
  });

  it("sends nothing for a browser that is signed out, or offline, or already holds a usable token", async () => {
    const { calls } = mockApi({ "POST /api/v1/auth/refresh": { body: session() } });
    tokenStore.clear();
    await refreshSessionAtStart();
    tokenStore.save(session());
    await refreshSessionAtStart();
    tokenStore.forgetAccessToken();
    vi.spyOn(navigator, "onLine", "get").mockReturnValue(false);
    await refreshSessionAtStart();
    expect(calls).toHaveLength(0);
  });

  it("signs out when the cookie is refused, with no unhandled rejection", async () => {
    tokenStore.save(session());
    tokenStore.forgetAccessToken();
    mockApi({ "POST /api/v1/auth/refresh": { status: 401, body: { error: { code: "unauthorized", message: "Refresh token revoked" } } } });
    await expect(refreshSessionAtStart()).resolves.toBeUndefined();
    await vi.waitFor(() => expect(tokenStore.isSignedIn()).toBe(false));
  });
});
