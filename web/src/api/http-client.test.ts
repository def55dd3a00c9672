import { describe, expect, it } from "vitest";
import { ApiError } from "./api-error";
import { apiRequest } from "./http-client";
import { tokenStore } from "./token-store";
import { mockApi, session } from "../test/mock-api";

describe("apiRequest", () => {
  it("sends the access token as a bearer token", async () => {
    tokenStore.save(session());
    const { calls } = mockApi({ "GET /api/v1/me": { body: { ok: true } } });
    await apiRequest("/api/v1/me");
    expect(calls[0]?.headers.get("Authorization")).toBe("Bearer access-1");
  });

  it("refreshes once for concurrent 401s and retries each request with the new token", async () => {
    tokenStore.save(session());
    const { calls } = mockApi({
      "GET /api/v1/connectors": ({ headers }) =>
        headers.get("Authorization") === "Bearer access-2"
          ? { body: { connectors: [] } }
          : { status: 401, body: { error: { code: "unauthorized", message: "expired" } } },
      "POST /api/v1/auth/refresh": { body: session({ accessToken: "access-2" }) },
    });
    await Promise.all([apiRequest("/api/v1/connectors"), apiRequest("/api/v1/connectors")]);
    expect(calls.filter((call) => call.path === "/api/v1/auth/refresh")).toHaveLength(1);
    expect(tokenStore.usableAccessToken()).toBe("access-2");
  });

  it("refreshes by the HttpOnly cookie: asks for cookie mode and sends no refresh token", async () => {
    tokenStore.save(session());
    tokenStore.forgetAccessToken();
    const { calls, fetchMock } = mockApi({
      "POST /api/v1/auth/refresh": { body: session({ accessToken: "access-2" }) },
      "GET /api/v1/me": { body: { ok: true } },
    });
    await apiRequest("/api/v1/me");
    const refresh = calls.find((call) => call.path === "/api/v1/auth/refresh")!;
    expect(refresh.headers.get("X-AutoArr-Session")).toBe("cookie");
    expect(refresh.body).toEqual({});
    expect(fetchMock.mock.calls.every(([, init]) => init?.credentials === "same-origin")).toBe(true);
    expect(calls.find((call) => call.path === "/api/v1/me")?.headers.get("X-AutoArr-Session")).toBeNull();
  });

  it("does not try to refresh in a browser that is not signed in", async () => {
    const { calls } = mockApi({});
    await expect(apiRequest("/api/v1/me")).rejects.toMatchObject({ status: 401 });
    expect(calls).toHaveLength(0);
  });

  it("signs out when the refresh token is refused", async () => {
    tokenStore.save(session());
    tokenStore.forgetAccessToken();
    mockApi({ "POST /api/v1/auth/refresh": { status: 401, body: { error: { code: "unauthorized", message: "Refresh token revoked" } } } });
    await expect(apiRequest("/api/v1/me")).rejects.toMatchObject({ status: 401 });
    expect(tokenStore.isSignedIn()).toBe(false);
  });

  it("keeps the session when the network is down", async () => {
    tokenStore.save(session());
    tokenStore.forgetAccessToken();
    mockApi({});
    globalThis.fetch = (() => Promise.reject(new TypeError("Failed to fetch"))) as typeof fetch;
    const failure = await apiRequest("/api/v1/me").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).isNetworkFailure).toBe(true);
    expect(tokenStore.isSignedIn()).toBe(true);
  });

  it("surfaces the error envelope with its code, message and field issues", async () => {
    mockApi({
      "POST /api/v1/auth/register": {
        status: 400,
        body: {
          error: { code: "invalid_request", message: "Check the highlighted fields", details: [{ path: ["password"], message: "Use at least 8 characters" }] },
        },
      },
    });
    const failure = (await apiRequest("/api/v1/auth/register", { method: "POST", body: {}, auth: "none" }).catch((error: unknown) => error)) as ApiError;
    expect(failure.code).toBe("invalid_request");
    expect(failure.message).toBe("Check the highlighted fields");
    expect(failure.fieldIssues()).toEqual([{ path: ["password"], message: "Use at least 8 characters" }]);
  });

  it("reads Retry-After on rate limiting", async () => {
    mockApi({ "GET /api/v1/me": { status: 429, headers: { "Retry-After": "12" }, body: { error: { code: "rate_limited", message: "Too many requests" } } } });
    tokenStore.save(session());
    await expect(apiRequest("/api/v1/me")).rejects.toMatchObject({ code: "rate_limited", retryAfterSeconds: 12 });
  });
});
