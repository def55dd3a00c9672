// Sign-up takes as long for an address that already has an account (409) as for a new one (201), so the time of the
// answer adds nothing to what the status says; the status itself is the sign-up form's deliberate trade-off.
import { describe, expect, it } from "vitest";
import { api, uniqueEmail } from "../helpers";

const PAIRS = 24;
const password = "correct horse battery staple";

let address = 0;
/** Every sign-up from its own address, so the per-address limit never answers instead of sign-up. */
const register = (email: string) =>
  api("/api/v1/auth/register", {
    method: "POST",
    headers: { "CF-Connecting-IP": `198.18.${Math.floor(address / 250)}.${(address++ % 250) + 1}` },
    json: { email, password, tenantName: "Home" },
  });

async function timed(email: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const response = await register(email);
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

describe("sign-up timing", () => {
  it("answers an existing address in about the time it takes to create a new account", async () => {
    const existing: string[] = [];
    for (let i = 0; i < PAIRS; i++) {
      const email = uniqueEmail("timing-existing");
      expect((await register(email)).status).toBe(201);
      existing.push(email);
    }
    await timed(uniqueEmail("timing-warm-up"));

    const duplicate: number[] = [];
    const fresh: number[] = [];
    for (let i = 0; i < PAIRS; i++) {
      // Alternate which goes first, so a drift in the machine's speed falls on both sides.
      const pair = i % 2 === 0 ? [true, false] : [false, true];
      for (const isDuplicate of pair) {
        const result = await timed(isDuplicate ? existing[i]! : uniqueEmail("timing-new"));
        expect(result.status).toBe(isDuplicate ? 409 : 201);
        (isDuplicate ? duplicate : fresh).push(result.ms);
      }
    }
    const ratio = median(duplicate) / median(fresh);
    expect({ duplicateMs: median(duplicate), newMs: median(fresh), ratioWithinBounds: ratio >= 0.7 && ratio <= 1.4 }).toMatchObject({
      ratioWithinBounds: true,
    });
  });
});
