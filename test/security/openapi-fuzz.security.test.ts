// Every operation of the OpenAPI document, fuzzed: path and query parameters and JSON bodies drawn from its schemas,
// fitting and hostile (test/fuzz/openapi-arbitraries.ts), sent anonymously, with a bad token, as a user without a
// connector and as one whose connector is paired. Never a 5xx, every error is the JSON envelope, never a secret.
// A failure prints fast-check's seed; FUZZ_SEED=<seed> (and FUZZ_RUNS=<n>) replays it.
import fc from "fast-check";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { z } from "zod";
import { describeLeaks, takeLeaks } from "../canary/watch";
import {
  type OpenApiDocument,
  type Operation,
  bodyTextFor,
  operationsOf,
  PROTOTYPE_NAMES,
  RAW_URL_PIECES,
  resolverOf,
  urlPieceFor,
} from "../fuzz/openapi-arbitraries";
import { api, BASE, signUp } from "../helpers";
import { pairedTenantsForThisFile } from "../stacks";

const ErrorEnvelope = z
  .object({ error: z.object({ code: z.string().min(1), message: z.string().min(1), details: z.unknown().optional(), traceId: z.string().min(1) }).strict() })
  .strict();

const replaying = inject("fuzzSeed") !== "" || inject("fuzzRuns") !== "";
const seed = inject("fuzzSeed") ? Number(inject("fuzzSeed")) : Date.now() ^ (Math.random() * 2 ** 31);
const numRuns = Number(inject("fuzzRuns") || 25);
/** Keeps the file near a minute and a half on a busy 2-core machine; off when replaying a seed or asking for runs. */
const timePerOperationMs = replaying ? undefined : 1_500;
const MIN_RUNS = 3;

const doc = (await (await api("/api/v1/openapi.json")).json()) as OpenApiDocument;
const resolve = resolverOf(doc);
const operations = operationsOf(doc);

const paired = pairedTenantsForThisFile();
const NO_CONNECTOR = "a user without a connector";
const PAIRED = "a user with a paired connector";
const identities: Record<string, string | undefined> = { anonymous: undefined, "a bad token": "not.a.token", [NO_CONNECTOR]: undefined, [PAIRED]: undefined };
/** Ids that exist (the paired tenant's connector), so fitting path parameters sometimes reach a real row. */
const knownIds: string[] = [];

beforeAll(async () => {
  const { owner, connectorId } = await paired("fuzz-paired");
  identities[PAIRED] = owner.accessToken;
  knownIds.push(connectorId, owner.tenant.id, owner.user.id);
}, 60_000);

/** Operations the paired user is kept away from: a second connector (the newest is the one used) would unpair it. */
const unpairs = (operation: Operation) => operation.method === "POST" && operation.path === "/api/v1/connectors";

function requestFor(operation: Operation) {
  const pathParameters = operation.parameters.filter((p) => p.in === "path");
  const queryParameters = operation.parameters.filter((p) => p.in === "query");
  // Only reads get real ids: a fuzzed DELETE must not remove the paired connector the other operations need.
  const known = operation.method === "GET" ? knownIds : [];
  return fc.record({
    identity: fc.constantFrom(...Object.keys(identities).filter((name) => !(name === PAIRED && unpairs(operation)))),
    // A pool, not any address: every new address is a rate-limit Durable Object, and thousands slowed the file down.
    address: fc.nat(249).map((n) => `198.18.${n % 5}.${n + 1}`),
    path: fc.record(Object.fromEntries(pathParameters.map((p) => [p.name, urlPieceFor(p.schema, resolve, known)]))),
    query: fc.array(
      fc.oneof(
        ...queryParameters.map((p) => fc.tuple(fc.constant(p.name), urlPieceFor(p.schema, resolve))),
        fc.tuple(fc.constantFrom("__proto__", "constructor", "__proto__[admin]", "a[]", ""), urlPieceFor(undefined, resolve)),
      ),
      { maxLength: 4 },
    ),
    body: operation.body ? fc.option(bodyTextFor(operation.body, resolve), { freq: 8 }) : fc.constant(null),
  });
}

type FuzzRequest = { identity: string; address: string; path: Record<string, string>; query: [string, string][]; body: string | null };

/** Sends one request and checks its answer: below 500, an error in the JSON envelope, no secret anywhere. */
async function expectSafeAnswer(operation: Operation, request: FuzzRequest) {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => request.path[name] ?? "x");
  const query = request.query.map(([name, value]) => `${encodeURIComponent(name)}=${value}`).join("&");
  const headers = new Headers({ "CF-Connecting-IP": request.address });
  const token = identities[request.identity];
  if (token) headers.set("Authorization", `Bearer ${token}`);
  if (request.body !== null) headers.set("Content-Type", "application/json");
  const response = await api(`${path}${query ? `?${query}` : ""}`, { method: operation.method, headers, body: request.body ?? undefined });
  const text = await response.text();
  const what = `${operation.method} ${BASE}${path}${query ? `?${query}` : ""} as ${request.identity} → ${response.status} ${text.slice(0, 300)}`;
  expect(response.status, what).toBeLessThan(500);
  if (response.status >= 400) {
    expect(response.headers.get("content-type"), what).toMatch(/^application\/json/);
    expect(ErrorEnvelope.safeParse(parsedOrText(text)).success, what).toBe(true);
  }
  const leaks = await takeLeaks();
  expect(leaks, `${what}\n${describeLeaks(leaks)}`).toEqual([]);
}

function parsedOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Every inherited name in every path parameter as each signed-in identity (an anonymous request stops at 401 before
 * any handler), and every odd encoding as one of them: too important to leave to chance.
 */
function hostilePathRequests(operation: Operation): FuzzRequest[] {
  const names = operation.parameters.filter((p) => p.in === "path").map((p) => p.name);
  if (names.length === 0) return [];
  const signedIn = [NO_CONNECTOR, ...(unpairs(operation) ? [] : [PAIRED])];
  const cases = [
    ...PROTOTYPE_NAMES.flatMap((piece) => signedIn.map((identity) => ({ piece, identity }))),
    ...RAW_URL_PIECES.map((piece, i) => ({ piece, identity: signedIn[i % signedIn.length]! })),
  ];
  return cases.map(({ piece, identity }, i) => ({
    identity,
    address: `203.0.113.${(i % 250) + 1}`,
    path: Object.fromEntries(names.map((name) => [name, piece])),
    query: [],
    body: operation.body ? "{}" : null,
  }));
}

describe("OpenAPI fuzz", () => {
  it("covers the document's operations", () => {
    expect(operations.length).toBeGreaterThan(30);
    expect(operations.filter((o) => o.body).length).toBeGreaterThan(5);
    expect(operations.filter((o) => o.parameters.some((p) => p.in === "path")).length).toBeGreaterThan(5);
  });

  for (const operation of operations) {
    it(`${operation.method} ${operation.path}: no 5xx, errors in the envelope, no secret`, { timeout: 120_000 }, async () => {
      // Its own user per operation: what another operation created (a connector, say) must not change what this one sees.
      identities[NO_CONNECTOR] = (await signUp("fuzz-fresh")).accessToken;
      for (const request of hostilePathRequests(operation)) await expectSafeAnswer(operation, request);
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(requestFor(operation), async (request) => {
          runs++;
          await expectSafeAnswer(operation, request);
        }),
        { numRuns, seed, endOnFailure: true, plugins: timePerOperationMs ? [fc.interruptAfterTimeLimit(timePerOperationMs)] : [] },
      );
      expect(runs).toBeGreaterThanOrEqual(MIN_RUNS);
    });
  }
});
