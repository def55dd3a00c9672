// Tenant A tries every resource of tenant B by id: every operation of the OpenAPI document with a path parameter,
// each with B's id in it, answers A 404 not_found, and B's data is unchanged. The cases come from walking the
// document; RESOURCE_FOR says how to get hold of one of B's ids for each parameter, so a new {id} route cannot
// appear without a case (the suite fails until the table knows it).
import { beforeAll, describe, expect, it } from "vitest";
import { minimalValueFor, type OpenApiDocument, type Operation, operationsOf, resolverOf } from "../fuzz/openapi-arbitraries";
import { api, errorOf, type Session, signUp } from "../helpers";
import { hubStub, pairedTenantsForThisFile, sim, type Stack } from "../stacks";

interface Recommendation {
  id: string;
  fix: string;
  status: string;
}

/** One of each of tenant B's resources, built the way a user builds them. */
interface BobsThings {
  owner: Session;
  stack: Stack;
  connectorId: string;
  waitingRecoveryId: string;
  auditId: string;
  /** Left open: A's attempts to apply, dismiss or dry-run it must leave it so. */
  openRecommendationId: string;
  appliedChangeId: string;
  requestId: string;
  requestOptionId: string;
  notificationChannelId: string;
}

/** How to get hold of one of B's ids, by the document's path up to and with the parameter. */
const RESOURCE_FOR: Record<string, (bob: BobsThings) => string> = {
  "/api/v1/connectors/{id}": (bob) => bob.connectorId,
  "/api/v1/downloads/recoveries/{id}": (bob) => bob.waitingRecoveryId,
  "/api/v1/config/audits/{id}": (bob) => bob.auditId,
  "/api/v1/config/history/{id}": (bob) => bob.appliedChangeId,
  "/api/v1/config/recommendations/{id}": (bob) => bob.openRecommendationId,
  "/api/v1/requests/{id}": (bob) => bob.requestId,
  "/api/v1/notifications/channels/{id}": (bob) => bob.notificationChannelId,
};

/** Path parameters that name no tenant's resource, and why there is no cross-tenant case for them. */
const NOT_TENANT_RESOURCES: Record<string, string> = {
  "/health/{service}": "a platform service (d1, kv…), the same for every tenant, behind a public route",
  "/api/v1/hunting/{app}": "an app's name (sonarr, radarr): each caller reaches only its own tenant's hunting (test/hunting/hunting.test.ts)",
};

/** Bodies that must name one of B's things to be a real attempt; every other body is the schema's minimal one. */
const BODY_FOR: Record<string, (bob: BobsThings) => unknown> = {
  "POST /api/v1/requests/{id}/choose": (bob) => ({ optionId: bob.requestOptionId }),
};

const nameOf = (operation: Operation) => `${operation.method} ${operation.path}`;

/** Each path parameter of the operation with the path up to and with it, the key of the tables above. */
const parametersOf = (operation: Operation) =>
  [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => ({ name: match[1]!, key: operation.path.slice(0, match.index + match[0].length) }));

const doc = (await (await api("/api/v1/openapi.json")).json()) as OpenApiDocument;
const resolve = resolverOf(doc);
const withParameters = operationsOf(doc).filter((operation) => parametersOf(operation).length > 0);
const unknownParameters = [...new Set(withParameters.flatMap(parametersOf).map((p) => p.key))].filter(
  (key) => !(key in RESOURCE_FOR) && !(key in NOT_TENANT_RESOURCES),
);
const cases = withParameters.filter((operation) => parametersOf(operation).every((p) => p.key in RESOURCE_FOR));

function attempt(operation: Operation, bob: BobsThings, token: string): Promise<Response> {
  const path = parametersOf(operation).reduce((path, p) => path.replace(`{${p.name}}`, encodeURIComponent(RESOURCE_FOR[p.key]!(bob))), operation.path);
  const body = BODY_FOR[nameOf(operation)]?.(bob) ?? (operation.body ? minimalValueFor(operation.body, resolve) : undefined);
  return api(path, { method: operation.method, token, ...(body !== undefined ? { json: body } : {}) });
}

const paired = pairedTenantsForThisFile();
let bob: BobsThings;
let alice: Session;
const as = (init: Parameters<typeof api>[1] = {}) => ({ ...init, token: alice.accessToken });
const asBob = (init: Parameters<typeof api>[1] = {}) => ({ ...init, token: bob.owner.accessToken });

async function bobBuildsOneOfEverything(): Promise<BobsThings> {
  const { owner, stack, connectorId } = await paired("bob-resources");
  const auth = { token: owner.accessToken };
  await api("/api/v1/settings/recovery", { method: "PUT", ...auth, json: { mode: "approval" } });
  await hubStub(owner.tenant.id).runQueueCheck(owner.tenant.id);
  const recoveries = (await (await api("/api/v1/downloads/recoveries", auth)).json()) as { items: { id: string; outcome: string }[] };
  const waiting = recoveries.items.find((r) => r.outcome === "awaiting_approval");
  const audit = (await (await api("/api/v1/config/audit", { method: "POST", ...auth, json: {} })).json()) as {
    id: string;
    apps: Record<string, { recommendations: Recommendation[] }>;
  };
  const [applicable, open] = Object.values(audit.apps)
    .flatMap((a) => a.recommendations)
    .filter((r) => r.fix === "apply");
  const applied = (await (await api("/api/v1/config/apply", { method: "POST", ...auth, json: { recommendationId: applicable?.id } })).json()) as {
    change?: { id: string };
  };
  const request = (await (await api("/api/v1/requests", { method: "POST", ...auth, json: { query: "get me dune" } })).json()) as { id: string };
  const detail = (await (await api(`/api/v1/requests/${request.id}`, auth)).json()) as { options?: { optionId: string }[] };
  const channel = (await (
    await api("/api/v1/notifications/channels", { method: "POST", ...auth, json: { kind: "ntfy", name: "Bob's phone", config: { topic: "bob-alerts" } } })
  ).json()) as { channel?: { id: string } };
  const things = {
    waitingRecoveryId: waiting?.id,
    auditId: audit.id,
    openRecommendationId: open?.id,
    appliedChangeId: applied.change?.id,
    requestId: request.id,
    requestOptionId: detail.options?.[0]?.optionId,
    notificationChannelId: channel.channel?.id,
  };
  const missing = Object.entries(things)
    .filter(([, id]) => !id)
    .map(([name]) => name);
  if (missing.length > 0) throw new Error(`Bob's set-up did not produce: ${missing.join(", ")}`);
  return { owner, stack, connectorId, ...(things as Record<keyof typeof things, string>) };
}

beforeAll(async () => {
  bob = await bobBuildsOneOfEverything();
  alice = await signUp("alice-attacker");
}, 120_000);

describe("cross-tenant access by id", () => {
  it("knows how to get hold of another tenant's id for every path parameter in the document", () => {
    expect(unknownParameters, "add the parameter to RESOURCE_FOR (how tenant B gets one) or NOT_TENANT_RESOURCES (why none)").toEqual([]);
    const keys = new Set(withParameters.flatMap(parametersOf).map((p) => p.key));
    expect(
      [...Object.keys(RESOURCE_FOR), ...Object.keys(NOT_TENANT_RESOURCES)].filter((key) => !keys.has(key)),
      "entries for paths the document no longer has",
    ).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(9);
  });

  it.each(cases.map((operation) => [nameOf(operation), operation] as const))(
    "%s with tenant B's id answers tenant A 404 not_found",
    async (_name, operation) => {
      const response = await attempt(operation, bob, alice.accessToken);
      expect(response.status).toBe(404);
      expect((await errorOf(response)).code).toBe("not_found");
    },
  );

  it("answers 404 to recommendations of another tenant named in a body (apply, dry run)", async () => {
    for (const dryRun of [false, true]) {
      const response = await api("/api/v1/config/apply", as({ method: "POST", json: { recommendationId: bob.openRecommendationId, dryRun } }));
      expect(response.status, `dryRun ${dryRun}`).toBe(404);
      expect((await errorOf(response)).code, `dryRun ${dryRun}`).toBe("not_found");
    }
  });

  it("shows the other tenant nothing of B's in lists", async () => {
    for (const path of ["/api/v1/connectors", "/api/v1/requests", "/api/v1/config/history", "/api/v1/downloads/recoveries", "/api/v1/activity"]) {
      const body = (await (await api(path, as())).json()) as { items?: unknown[]; connectors?: unknown[] };
      expect(body.items ?? body.connectors, path).toEqual([]);
    }
    expect(((await (await api("/api/v1/notifications/channels", as())).json()) as { channels: unknown[] }).channels).toEqual([]);
    expect((await api("/api/v1/config/audits/latest", as())).status).toBe(404);
  });

  it("leaves B's things as B left them", async () => {
    expect((await api(`/api/v1/connectors/${bob.connectorId}`, asBob())).status).toBe(200);
    const audit = (await (await api(`/api/v1/config/audits/${bob.auditId}`, asBob())).json()) as {
      apps: Record<string, { recommendations: Recommendation[] }>;
    };
    expect(
      Object.values(audit.apps)
        .flatMap((a) => a.recommendations)
        .find((r) => r.id === bob.openRecommendationId)?.status,
    ).toBe("open");
    const recoveries = (await (await api("/api/v1/downloads/recoveries", asBob())).json()) as { items: { id: string; outcome: string }[] };
    expect(recoveries.items.find((r) => r.id === bob.waitingRecoveryId)?.outcome).toBe("awaiting_approval");
    const history = (await (await api("/api/v1/config/history", asBob())).json()) as {
      items: { id: string; rolledBackAt: string | null; rollbackOf: string | null }[];
    };
    expect(history.items.find((c) => c.id === bob.appliedChangeId)?.rolledBackAt).toBeNull();
    expect(history.items.filter((c) => c.rollbackOf === bob.appliedChangeId)).toEqual([]);
    expect(((await (await api(`/api/v1/requests/${bob.requestId}`, asBob())).json()) as { status: string }).status).toBe("needs_choice");
    const channels = (await (await api("/api/v1/notifications/channels", asBob())).json()) as { channels: { id: string; name: string; enabled: boolean }[] };
    expect(channels.channels).toEqual([expect.objectContaining({ id: bob.notificationChannelId, name: "Bob's phone", enabled: true })]);
    // A's choice for B's request reached nothing of B's apps.
    expect((await sim.requests(bob.stack, "radarr")).filter((r) => r.method === "POST" && r.path === "/api/v3/movie")).toEqual([]);
  });

  it("scopes /me to the token's own tenant", async () => {
    const me = (await (await api("/api/v1/me", as())).json()) as { tenant: { id: string } };
    expect(me.tenant.id).toBe(alice.tenant.id);
    expect(me.tenant.id).not.toBe(bob.owner.tenant.id);
  });
});
