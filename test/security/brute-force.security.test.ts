// Password guessing: sign-in is limited to 10 attempts a minute per client address, signed in or not.
import { describe, expect, it } from "vitest";
import { api, errorOf, signUp } from "../helpers";

const login = (address: string, email: string, password: string, token?: string) =>
  api("/api/v1/auth/login", { method: "POST", headers: { "CF-Connecting-IP": address }, json: { email, password }, ...(token ? { token } : {}) });

describe("brute-force sign-in", () => {
  it("answers 429 with Retry-After after 10 attempts from one address, even to the right password, and not to another address", async () => {
    const victim = await signUp("brute-victim");
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await login("203.0.113.77", victim.user.email, `guess-${i}`)).status);
    expect(statuses).toEqual(Array(10).fill(401));

    const refused = await login("203.0.113.77", victim.user.email, victim.password);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(await errorOf(refused)).toMatchObject({ code: "rate_limited", message: expect.stringContaining("auth limit") });

    expect((await login("203.0.113.78", victim.user.email, victim.password)).status).toBe(200);
  });

  it("does not lift the limit for a guesser who sends a valid access token of their own", async () => {
    const victim = await signUp("brute-victim2");
    const guesser = await signUp("brute-guesser");
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await login("203.0.113.79", victim.user.email, `guess-${i}`, guesser.accessToken)).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
  });
});
