// Password guessing: sign-in is limited to 10 attempts a minute per client address (an IPv4 address, an IPv6 /64),
// signed in or not, and per account to 5 failures before each further attempt waits 30 s, doubling up to 15 min;
// networks the account signed in from count apart, so a stranger cannot keep the owner waiting there.
import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { RateLimiter } from "../../durable-objects/rate-limiter/rate-limiter.do";
import { accountLimiterName } from "../../workers/auth/sign-in-backoff.service";
import { api, errorOf, signUp, uniqueEmail } from "../helpers";

const login = (address: string, email: string, password: string, token?: string) =>
  api("/api/v1/auth/login", { method: "POST", headers: { "CF-Connecting-IP": address }, json: { email, password }, ...(token ? { token } : {}) });

/** One guess at each of `count` made-up accounts, so only the per-address limit is in play. */
async function guessesAtStrangers(addresses: (i: number) => string, count: number, token?: string): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push((await login(addresses(i), uniqueEmail("stranger"), `guess-${i}`, token)).status);
  return statuses;
}

let network = 0;
/** An address in a /64 no other attempt in this file uses. */
const freshNetwork = () => `2001:db8:ffff:${(network++).toString(16)}::1`;

async function onAccountLimiter(email: string, change: (limiter: RateLimiter) => void): Promise<void> {
  await runInDurableObject(env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName(await accountLimiterName(email))), change);
}

/** Stops the clock of the account's backoff, so waits are exact however slow the machine is. */
const freezeAccountClock = (email: string) =>
  onAccountLimiter(email, (limiter) => {
    const now = limiter.clock();
    limiter.clock = () => now;
  });

/** Moves the clock of the account's backoff forward, instead of sleeping through its delay. */
const advanceAccountClock = (email: string, ms: number) =>
  onAccountLimiter(email, (limiter) => {
    const base = limiter.clock;
    limiter.clock = () => base() + ms;
  });

async function failFiveTimes(email: string): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) statuses.push((await login(freshNetwork(), email, `wrong-${i}`)).status);
  return statuses;
}

describe("brute-force sign-in per address", () => {
  it("answers 429 with Retry-After after 10 attempts from one address, even to the right password, and not to another address", async () => {
    const victim = await signUp("brute-victim");
    expect(await guessesAtStrangers(() => "203.0.113.77", 10)).toEqual(Array(10).fill(401));

    const refused = await login("203.0.113.77", victim.user.email, victim.password);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(await errorOf(refused)).toMatchObject({ code: "rate_limited", message: expect.stringContaining("auth limit") });

    expect((await login("203.0.113.78", victim.user.email, victim.password)).status).toBe(200);
  });

  it("does not lift the limit for a guesser who sends a valid access token of their own", async () => {
    const guesser = await signUp("brute-guesser");
    const statuses = await guessesAtStrangers(() => "203.0.113.79", 11, guesser.accessToken);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
  });

  it("counts every address of one IPv6 /64 together: the 11th attempt from it is refused", async () => {
    const statuses = await guessesAtStrangers((i) => `2001:db8:1:2::${(i + 1).toString(16)}`, 10);
    expect(statuses).toEqual(Array(10).fill(401));
    const eleventh = await login("2001:db8:1:2:ffff:ffff:ffff:fffe", uniqueEmail("stranger"), "guess");
    expect(eleventh.status).toBe(429);
    expect(await errorOf(eleventh)).toMatchObject({ code: "rate_limited", message: expect.stringContaining("auth limit") });
    // The same /64 written another way is still the same network.
    expect((await login("2001:0DB8:0001:0002:0:0:0:abcd", uniqueEmail("stranger"), "guess")).status).toBe(429);
  });

  it("counts addresses in different /64s apart, even within one /48", async () => {
    const first = await guessesAtStrangers((i) => `2001:db8:5:1::${i + 1}`, 10);
    const second = await guessesAtStrangers((i) => `2001:db8:5:2::${i + 1}`, 10);
    expect([...first, ...second]).toEqual(Array(20).fill(401));
  });

  it("counts an IPv4-mapped IPv6 address as the IPv4 address it carries", async () => {
    expect(await guessesAtStrangers(() => "192.0.2.50", 10)).toEqual(Array(10).fill(401));
    expect((await login("::ffff:192.0.2.50", uniqueEmail("stranger"), "guess")).status).toBe(429);
    expect((await login("::ffff:192.0.2.51", uniqueEmail("stranger"), "guess")).status).toBe(401);
  });
});

describe("brute-force sign-in per account", () => {
  it("engages after 5 failures spread over many /64s, even for the right password, alike for an account and an unknown address", async () => {
    const victim = await signUp("backoff-victim");
    const unknown = uniqueEmail("backoff-nobody");
    await freezeAccountClock(victim.user.email);
    await freezeAccountClock(unknown);

    expect(await failFiveTimes(victim.user.email)).toEqual(Array(5).fill(401));
    expect(await failFiveTimes(unknown)).toEqual(Array(5).fill(401));

    const refusals = [await login(freshNetwork(), victim.user.email, victim.password), await login(freshNetwork(), unknown, "any password")];
    const seen = await Promise.all(refusals.map(async (r) => ({ status: r.status, retryAfter: r.headers.get("retry-after"), error: await errorOf(r) })));
    for (const refusal of seen) {
      expect(refusal).toMatchObject({
        status: 429,
        retryAfter: "30",
        error: { code: "rate_limited", message: "Too many failed sign-ins for this account; try again in 30 s" },
      });
    }
    expect(Object.keys(seen[0]!.error).sort()).toEqual(Object.keys(seen[1]!.error).sort());
  });

  it("counts the account by its normalised email address", async () => {
    const victim = await signUp("backoff-case");
    const spellings = [victim.user.email, victim.user.email.toUpperCase(), ` ${victim.user.email} `];
    for (let i = 0; i < 5; i++) expect((await login(freshNetwork(), spellings[i % 3]!, `wrong-${i}`)).status).toBe(401);
    expect((await login(freshNetwork(), victim.user.email.toUpperCase(), victim.password)).status).toBe(429);
  });

  it("lifts after its delay: the owner signs in and is told once of the failed attempts since the last sign-in", async () => {
    const victim = await signUp("backoff-owner");
    const before = Date.now();
    await freezeAccountClock(victim.user.email);
    expect(await failFiveTimes(victim.user.email)).toEqual(Array(5).fill(401));
    expect((await login(freshNetwork(), victim.user.email, victim.password)).status).toBe(429);

    await advanceAccountClock(victim.user.email, 31_000);
    const signedIn = await login(freshNetwork(), victim.user.email, victim.password);
    expect(signedIn.status).toBe(200);
    const session = (await signedIn.json()) as { accessToken: string; notice?: { failedSignIns: number; since: string } };
    expect(session.accessToken).toEqual(expect.any(String));
    expect(session.notice).toEqual({ failedSignIns: 5, since: expect.any(String) });
    expect(Date.parse(session.notice!.since)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(session.notice!.since)).toBeLessThanOrEqual(Date.now() + 1000);

    const again = (await (await login(freshNetwork(), victim.user.email, victim.password)).json()) as { notice?: unknown };
    expect(again).not.toHaveProperty("notice");
    // The count started over: five more failures are free again.
    expect(await failFiveTimes(victim.user.email)).toEqual(Array(5).fill(401));
  });

  it("does not hold up the owner on a network they signed in from before, however long a stranger keeps the wait going", async () => {
    const owner = await signUp("backoff-home");
    expect((await login("2001:db8:aaaa:1::10", owner.user.email, owner.password)).status).toBe(200);
    await freezeAccountClock(owner.user.email);

    expect(await failFiveTimes(owner.user.email)).toEqual(Array(5).fill(401));
    expect((await login(freshNetwork(), owner.user.email, owner.password)).status).toBe(429);

    const atHome = await login("2001:db8:aaaa:1::20", owner.user.email, owner.password);
    expect(atHome.status).toBe(200);
    expect(((await atHome.json()) as { notice?: unknown }).notice).toEqual({ failedSignIns: 5, since: expect.any(String) });
  });

  it("counts failures on a known network apart from the strangers', with the same backoff", async () => {
    const owner = await signUp("backoff-known");
    expect((await login("198.18.200.1", owner.user.email, owner.password)).status).toBe(200);
    await freezeAccountClock(owner.user.email);
    for (let i = 0; i < 5; i++) expect((await login("198.18.200.1", owner.user.email, `typo-${i}`)).status).toBe(401);
    expect((await login("198.18.200.1", owner.user.email, owner.password)).status).toBe(429);
    // Elsewhere the strangers' count is untouched: a guess is still answered.
    expect((await login(freshNetwork(), owner.user.email, "a guess")).status).toBe(401);

    await advanceAccountClock(owner.user.email, 30_000);
    const signedIn = (await (await login("198.18.200.1", owner.user.email, owner.password)).json()) as { notice?: unknown };
    expect(signedIn.notice).toEqual({ failedSignIns: 6, since: expect.any(String) });
  });

  it("doubles the wait with every further failure up to 15 minutes, and always admits an attempt after the wait", async () => {
    const email = uniqueEmail("backoff-cap");
    await freezeAccountClock(email);
    await failFiveTimes(email);
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      const refused = await login(freshNetwork(), email, "still wrong");
      expect(refused.status).toBe(429);
      const wait = Number(refused.headers.get("retry-after"));
      waits.push(wait);
      await advanceAccountClock(email, (wait - 2) * 1000);
      expect((await login(freshNetwork(), email, "still wrong")).status).toBe(429);
      await advanceAccountClock(email, 2_000);
      expect((await login(freshNetwork(), email, "still wrong")).status).toBe(401);
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 900, 900]);
  });
});

describe("refresh and sign-out per address", () => {
  // Every page load of the web app refreshes, so a household behind one address reloads past ten a minute;
  // a refresh token is 256 random bits and guesses nothing, so these routes have their own, larger budget.
  it("allows 60 refreshes a minute from one address, apart from the sign-in budget, then answers 429", async () => {
    const address = "203.0.113.91";
    const refresh = (refreshToken: string) => api("/api/v1/auth/refresh", { method: "POST", headers: { "CF-Connecting-IP": address }, json: { refreshToken } });
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await refresh(`not-a-real-refresh-token-${i}`)).status);
    expect(statuses).toEqual(Array(60).fill(401));
    const refused = await refresh("one-too-many");
    expect(refused.status).toBe(429);
    expect(await errorOf(refused)).toMatchObject({ code: "rate_limited", message: expect.stringContaining("auth-session limit") });

    const owner = await signUp("refresh-household");
    expect((await login(address, owner.user.email, owner.password)).status).toBe(200);
  });
});
