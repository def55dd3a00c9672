// Refresh tokens rotate: presenting one that was already rotated (a stolen copy, or the thief's) signs out its whole
// family — except within a short window after the rotation, when the same old token is answered with the same new
// refresh token, so two tabs refreshing at once do not sign each other out.
import { env } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import { authClock } from "../../workers/auth/auth-sessions.service";
import { api, errorOf, type Session, signUp } from "../helpers";

const refresh = (refreshToken: string) => api("/api/v1/auth/refresh", { method: "POST", json: { refreshToken } });
const REUSE_WINDOW_MS = 30_000;

/** Moves the sessions' clock forward instead of sleeping. */
function moveClock(ms: number) {
  const base = authClock.now;
  authClock.now = () => base() + ms;
}
const realNow = authClock.now;
afterEach(() => {
  authClock.now = realNow;
});

describe("refresh tokens, replayed", () => {
  it("revokes the whole family when a rotated refresh token is reused after the reuse window, and only that family", async () => {
    const account = await signUp("reuse");
    const otherDevice = (await (
      await api("/api/v1/auth/login", { method: "POST", json: { email: account.user.email, password: account.password } })
    ).json()) as Session;
    const rotated = await refresh(account.refreshToken);
    expect(rotated.status).toBe(200);
    const { refreshToken: current } = (await rotated.json()) as Session;

    moveClock(REUSE_WINDOW_MS + 1_000);
    const replay = await refresh(account.refreshToken);
    expect(replay.status).toBe(401);
    expect(await errorOf(replay)).toMatchObject({
      code: "unauthorized",
      message: "Refresh token was already used; every session it belonged to is now signed out",
    });

    // The token rotated from the replayed one is dead too: whoever holds it is signed out.
    const afterTheft = await refresh(current);
    expect(afterTheft.status).toBe(401);
    expect(await errorOf(afterTheft)).toMatchObject({ code: "unauthorized", message: "Refresh token is invalid or expired" });

    // A session signed in separately is another family and keeps working.
    expect((await refresh(otherDevice.refreshToken)).status).toBe(200);
  });

  it("answers two simultaneous refreshes of the same token with the same new refresh token, and the session goes on", async () => {
    const account = await signUp("race");
    const [a, b] = await Promise.all([refresh(account.refreshToken), refresh(account.refreshToken)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const [first, second] = (await Promise.all([a.json(), b.json()])) as Session[];
    expect(first!.refreshToken).toBe(second!.refreshToken);
    expect(first!.refreshToken).not.toBe(account.refreshToken);
    expect((await api("/api/v1/me", { token: first!.accessToken })).status).toBe(200);
    expect((await api("/api/v1/me", { token: second!.accessToken })).status).toBe(200);

    const next = await refresh(first!.refreshToken);
    expect(next.status).toBe(200);
    expect((await api("/api/v1/me", { token: ((await next.json()) as Session).accessToken })).status).toBe(200);
  });

  it("answers the same old token again within the window, but not once the new one was rotated in turn", async () => {
    const account = await signUp("late-tab");
    const { refreshToken: second } = (await (await refresh(account.refreshToken)).json()) as Session;
    const again = await refresh(account.refreshToken);
    expect(again.status).toBe(200);
    expect(((await again.json()) as Session).refreshToken).toBe(second);

    expect((await refresh(second)).status).toBe(200);
    const stale = await refresh(account.refreshToken);
    expect(stale.status).toBe(401);
    expect((await errorOf(stale)).message).toBe("Refresh token was already used; every session it belonged to is now signed out");
  });

  it("never stores the answer in plain text", async () => {
    const account = await signUp("at-rest");
    const { refreshToken: next } = (await (await refresh(account.refreshToken)).json()) as Session;
    const rows = await env.DB.prepare("SELECT * FROM refresh_sessions WHERE user_id = ?").bind(account.user.id).all();
    const stored = JSON.stringify(rows.results);
    expect(stored).not.toContain(next);
    expect(stored).not.toContain(account.refreshToken);
  });
});
