// Refresh tokens rotate: presenting one that was already rotated (a stolen copy, or the thief's) signs out its whole family.
import { describe, expect, it } from "vitest";
import { api, errorOf, type Session, signUp } from "../helpers";

const refresh = (refreshToken: string) => api("/api/v1/auth/refresh", { method: "POST", json: { refreshToken } });

describe("refresh tokens, replayed", () => {
  it("revokes the whole family when a rotated refresh token is reused, and only that family", async () => {
    const account = await signUp("reuse");
    const otherDevice = (await (await api("/api/v1/auth/login", { method: "POST", json: { email: account.user.email, password: account.password } })).json()) as Session;
    const rotated = await refresh(account.refreshToken);
    expect(rotated.status).toBe(200);
    const { refreshToken: current } = (await rotated.json()) as Session;

    const replay = await refresh(account.refreshToken);
    expect(replay.status).toBe(401);
    expect(await errorOf(replay)).toMatchObject({ code: "unauthorized", message: "Refresh token was already used; every session it belonged to is now signed out" });

    // The token rotated from the replayed one is dead too: whoever holds it is signed out.
    const afterTheft = await refresh(current);
    expect(afterTheft.status).toBe(401);
    expect(await errorOf(afterTheft)).toMatchObject({ code: "unauthorized", message: "Refresh token is invalid or expired" });

    // A session signed in separately is another family and keeps working.
    expect((await refresh(otherDevice.refreshToken)).status).toBe(200);
  });

  it("lets only one of two simultaneous refreshes of the same token win", async () => {
    const account = await signUp("race");
    const [a, b] = await Promise.all([refresh(account.refreshToken), refresh(account.refreshToken)]);
    expect([a.status, b.status].sort()).toEqual([200, 401]);
    const loser = a.status === 401 ? a : b;
    expect((await errorOf(loser)).code).toBe("unauthorized");
  });
});
