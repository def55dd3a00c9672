import { describe, expect, it } from "vitest";
import { api, signUp } from "../helpers";

describe("tenant isolation", () => {
  it("never lets tenant A read, list or delete tenant B's connectors", async () => {
    const alice = await signUp("alice", "Alice's home");
    const bob = await signUp("bob", "Bob's home");
    const created = (await (
      await api("/api/v1/connectors", { method: "POST", token: bob.accessToken, json: { name: "Bob NAS", url: "https://bob.example.com" } })
    ).json()) as { connector: { id: string } };
    const bobsId = created.connector.id;

    expect((await api(`/api/v1/connectors/${bobsId}`, { token: alice.accessToken })).status).toBe(404);
    expect((await api(`/api/v1/connectors/${bobsId}`, { method: "DELETE", token: alice.accessToken })).status).toBe(404);
    const aliceList = (await (await api("/api/v1/connectors", { token: alice.accessToken })).json()) as { connectors: unknown[] };
    expect(aliceList.connectors).toEqual([]);

    // Bob's connector survived Alice's attempt.
    expect((await api(`/api/v1/connectors/${bobsId}`, { token: bob.accessToken })).status).toBe(200);
  });

  it("scopes /me to the token's own tenant", async () => {
    const alice = await signUp("alice2");
    const bob = await signUp("bob2");
    const me = (await (await api("/api/v1/me", { token: alice.accessToken })).json()) as { tenant: { id: string } };
    expect(me.tenant.id).toBe(alice.tenant.id);
    expect(me.tenant.id).not.toBe(bob.tenant.id);
  });
});
