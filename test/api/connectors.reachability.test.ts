// GET /api/v1/connectors says whether AutoArr can reach each connector now: from its latest real contact, never
// from a success long ago. A real connector process is stopped mid-test.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { api } from "../helpers";
import { hub, pairedTenantsForThisFile, stopConnector } from "../stacks";

const paired = pairedTenantsForThisFile();

interface Listed {
  id: string;
  lastSeenAt: string | null;
  reachable: boolean | null;
  lastError: string | null;
}

async function listed(token: string): Promise<Listed> {
  const body = (await (await api("/api/v1/connectors", { token })).json()) as { connectors: Listed[] };
  return body.connectors[0]!;
}

/** The hub notes contacts in D1 in the background: poll the list until it says what we wait for. */
async function listedWhen(token: string, condition: (c: Listed) => boolean, deadlineMs = 10_000): Promise<Listed> {
  const deadline = Date.now() + deadlineMs;
  let last = await listed(token);
  while (!condition(last)) {
    if (Date.now() > deadline) throw new Error(`the connector list never got there; last: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    last = await listed(token);
  }
  return last;
}

describe("connector reachability in the list", () => {
  it("is null before any contact, true after one, and false once the connector has stopped — with the last contact kept", async () => {
    const { owner, stack } = await paired("reach-stop");
    expect(await listed(owner.accessToken)).toMatchObject({ reachable: null, lastSeenAt: null });

    expect((await hub(owner.tenant.id).runHealthCheck()).every((o) => o.ok)).toBe(true);
    const seen = await listedWhen(owner.accessToken, (c) => c.reachable === true);
    expect(Date.now() - Date.parse(seen.lastSeenAt!)).toBeLessThan(60_000);
    expect(seen.lastError).toBeNull();

    await stopConnector(stack);
    const outcomes = await hub(owner.tenant.id).runHealthCheck();
    expect(outcomes.some((o) => !o.ok)).toBe(true);
    const gone = await listedWhen(owner.accessToken, (c) => c.reachable !== true);
    expect(gone.reachable).toBe(false);
    expect(gone.lastSeenAt).toBe(seen.lastSeenAt);
    expect(gone.lastError).toBeTruthy();
    const one = (await (await api(`/api/v1/connectors/${gone.id}`, { token: owner.accessToken })).json()) as Listed;
    expect(one).toMatchObject({ reachable: false, lastSeenAt: seen.lastSeenAt });
  });

  it("is false when the last successful contact is older than fifteen minutes, though nothing failed since", async () => {
    const { owner } = await paired("reach-stale");
    await hub(owner.tenant.id).runHealthCheck();
    const seen = await listedWhen(owner.accessToken, (c) => c.reachable === true);
    // The hub checks every connector every 2 minutes and notes a success at least every 10; 16 minutes of silence means it was not reached.
    const sixteenMinutesAgo = Date.now() - 16 * 60_000;
    await env.DB.prepare("UPDATE connectors SET last_seen_at = ? WHERE id = ?").bind(sixteenMinutesAgo, seen.id).run();
    expect(await listed(owner.accessToken)).toMatchObject({ reachable: false, lastSeenAt: new Date(sixteenMinutesAgo).toISOString() });
  });
});
