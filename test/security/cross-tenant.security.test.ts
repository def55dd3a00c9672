// Tenant A tries every resource of tenant B by id: each answer is a 404, and B's data is unchanged.
import { describe, expect, it } from "vitest";
import { api, errorOf, signUp } from "../helpers";
import { hub, pairedTenantsForThisFile, sim } from "../stacks";

const paired = pairedTenantsForThisFile();

interface Recommendation { id: string; fix: string; status: string }

describe("cross-tenant access by id", () => {
  it("answers 404 to every read and write of another tenant's resources", async () => {
    const bob = await paired("bob-resources");
    const bobAuth = { token: bob.owner.accessToken };

    // Bob builds up one of everything.
    await api("/api/v1/settings/recovery", { method: "PUT", ...bobAuth, json: { mode: "approval" } });
    await hub(bob.owner.tenant.id).runQueueCheck(bob.owner.tenant.id);
    const recoveries = (await (await api("/api/v1/downloads/recoveries", bobAuth)).json()) as { items: { id: string; outcome: string }[] };
    const waiting = recoveries.items.find((r) => r.outcome === "awaiting_approval")!;
    const audit = (await (await api("/api/v1/config/audit", { method: "POST", ...bobAuth, json: {} })).json()) as {
      id: string;
      apps: Record<string, { recommendations: Recommendation[] }>;
    };
    const recommendations = Object.values(audit.apps).flatMap((a) => a.recommendations);
    const [applicable, other] = recommendations.filter((r) => r.fix === "apply");
    const applied = (await (await api("/api/v1/config/apply", { method: "POST", ...bobAuth, json: { recommendationId: applicable!.id } })).json()) as { change: { id: string } };
    const request = (await (await api("/api/v1/requests", { method: "POST", ...bobAuth, json: { query: "get me dune" } })).json()) as { id: string };
    const connectorId = bob.connectorId;
    expect([waiting, audit.id, applicable, other, applied.change, request.id].every(Boolean)).toBe(true);

    const alice = await signUp("alice-attacker");
    const as = (init: Parameters<typeof api>[1] = {}) => ({ ...init, token: alice.accessToken });
    const attempts: [string, Promise<Response>][] = [
      ["read connector", api(`/api/v1/connectors/${connectorId}`, as())],
      ["delete connector", api(`/api/v1/connectors/${connectorId}`, as({ method: "DELETE" }))],
      ["read audit", api(`/api/v1/config/audits/${audit.id}`, as())],
      ["apply recommendation", api("/api/v1/config/apply", as({ method: "POST", json: { recommendationId: other!.id } }))],
      ["dry-run recommendation", api("/api/v1/config/apply", as({ method: "POST", json: { recommendationId: other!.id, dryRun: true } }))],
      ["dismiss recommendation", api(`/api/v1/config/recommendations/${other!.id}/dismiss`, as({ method: "POST" }))],
      ["roll back change", api(`/api/v1/config/history/${applied.change.id}/rollback`, as({ method: "POST" }))],
      ["read request", api(`/api/v1/requests/${request.id}`, as())],
      ["choose for request", api(`/api/v1/requests/${request.id}/choose`, as({ method: "POST", json: { optionId: "radarr:1" } }))],
      ["approve recovery", api(`/api/v1/downloads/recoveries/${waiting.id}/approve`, as({ method: "POST" }))],
      ["reject recovery", api(`/api/v1/downloads/recoveries/${waiting.id}/reject`, as({ method: "POST" }))],
    ];
    for (const [what, pending] of attempts) {
      const response = await pending;
      expect(response.status, what).toBe(404);
      expect((await errorOf(response)).code, what).toBe("not_found");
    }

    // Lists show Alice nothing of Bob's.
    for (const path of ["/api/v1/connectors", "/api/v1/requests", "/api/v1/config/history", "/api/v1/downloads/recoveries", "/api/v1/activity"]) {
      const body = (await (await api(path, as())).json()) as { items?: unknown[]; connectors?: unknown[] };
      expect(body.items ?? body.connectors, path).toEqual([]);
    }
    expect((await api("/api/v1/config/audits/latest", as())).status).toBe(404);

    // Bob's things are as he left them.
    expect((await api(`/api/v1/connectors/${connectorId}`, bobAuth)).status).toBe(200);
    const still = (await (await api(`/api/v1/config/audits/${audit.id}`, bobAuth)).json()) as { apps: Record<string, { recommendations: Recommendation[] }> };
    expect(Object.values(still.apps).flatMap((a) => a.recommendations).find((r) => r.id === other!.id)?.status).toBe("open");
    const recovery = (await (await api("/api/v1/downloads/recoveries", bobAuth)).json()) as { items: { id: string; outcome: string }[] };
    expect(recovery.items.find((r) => r.id === waiting.id)?.outcome).toBe("awaiting_approval");
    expect(((await (await api(`/api/v1/requests/${request.id}`, bobAuth)).json()) as { status: string }).status).toBe("needs_choice");
    // Alice's choice for Bob's request reached nothing of Bob's apps.
    expect((await sim.requests(bob.stack, "radarr")).filter((r) => r.method === "POST" && r.path === "/api/v3/movie")).toEqual([]);
  });

  it("scopes /me to the token's own tenant", async () => {
    const alice = await signUp("alice-me");
    const bob = await signUp("bob-me");
    const me = (await (await api("/api/v1/me", { token: alice.accessToken })).json()) as { tenant: { id: string } };
    expect(me.tenant.id).toBe(alice.tenant.id);
    expect(me.tenant.id).not.toBe(bob.tenant.id);
  });
});
