// The Prowlarr simulator against Prowlarr's own OpenAPI document and source (issue #15: a simulator is never more
// forgiving than the real program). The document is test/specs/prowlarr-v1-openapi.json (Prowlarr 0ffcfcc, v2.3.5.5323+1);
// each behaviour test names the source file it follows (SOURCES.md lists them).
import { readFileSync } from "node:fs";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { tools } from "@autoarr/contract";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { call, startHarness, type Harness } from "./helpers.js";

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const specsDir = process.env.AUTOARR_SPECS_DIR ? new URL(`file://${process.env.AUTOARR_SPECS_DIR.replace(/\/?$/, "/")}`) : new URL("./specs/", import.meta.url);
type Spec = { paths: Record<string, Record<string, unknown>>; components: unknown };
const spec = JSON.parse(readFileSync(new URL("prowlarr-v1-openapi.json", specsDir), "utf8")) as Spec;

/** OpenAPI 3.0 `nullable` needs a `type` in Ajv; an untyped schema (e.g. Field.value) already accepts null. */
function dropUntypedNullable(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) dropUntypedNullable(item);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const record = node as Record<string, unknown>;
  if (record.nullable === true && record.type === undefined) delete record.nullable;
  for (const value of Object.values(record)) dropUntypedNullable(value);
}
dropUntypedNullable(spec.components);
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: "prowlarr", components: spec.components });
function errorsOf(schema: string, data: unknown, array = false): string[] {
  const ref = { $ref: `prowlarr#/components/schemas/${schema}` };
  const validate = ajv.compile(array ? { type: "array", items: ref } : ref);
  return validate(data) ? [] : (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}

/** The spec's path template that a concrete request path matches, e.g. /api/v1/indexer/3 → /api/v1/indexer/{id}. */
function specPathOf(path: string): string | undefined {
  return Object.keys(spec.paths).find((template) => new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`).test(path));
}

let harness: Harness;
let client: Client;
beforeAll(async () => {
  harness = await startHarness({ apps: ["prowlarr"] });
  client = await harness.client();
});
afterAll(() => harness.close());
beforeEach(() => {
  harness.sims.reset("demo");
  // Failures a test recorded must not carry over, whether or not the world's reset forgets them.
  harness.sims.world.indexerFailures.clear();
});

type Json = Record<string, unknown>;
async function api(method: string, path: string, body?: unknown, key: string | null = harness.sims.keys.prowlarr) {
  const response = await fetch(`${harness.sims.urls.prowlarr}${path}`, {
    method,
    headers: { ...(key === null ? {} : { "X-Api-Key": key }), "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, body: parsed, text };
}
const failIndexer = (name: string, disabledTill = Date.now() + 3_600_000) =>
  harness.sims.world.indexerFailures.set(name, {
    initialFailure: Date.now() - 600_000,
    mostRecentFailure: Date.now() - 60_000,
    escalationLevel: 3,
    disabledTill,
  });

describe("every Prowlarr tool calls paths the OpenAPI document has, with that method", () => {
  const args: Record<string, Record<string, unknown>> = {
    prowlarr_indexer_stats: { startDate: "2020-01-01T00:00:00Z" },
    prowlarr_history: { page: 2, pageSize: 5 },
    prowlarr_indexer_enable: { id: 3 },
  };
  it.each(Object.values(tools.prowlarr).map((ref) => ref.name))("%s", async (name) => {
    harness.sims.world.indexerFailures.clear();
    const before = harness.sims.requests("prowlarr").length;
    const result = await call(client, name, args[name] ?? {});
    expect(result.isError, result.text).toBe(false);
    const requests = harness.sims.requests("prowlarr").slice(before);
    expect(requests.length).toBeGreaterThan(0);
    for (const request of requests) {
      const template = specPathOf(request.path);
      expect(template, `${request.method} ${request.path}`).toBeDefined();
      expect(Object.keys(spec.paths[template!] ?? {}), `${request.method} ${request.path}`).toContain(request.method.toLowerCase());
    }
  });
});

describe("simulator responses validate against the OpenAPI document's schemas", () => {
  const cases: [path: string, schema: string, array: boolean][] = [
    ["system/status", "SystemResource", false],
    ["health", "HealthResource", true],
    ["indexer", "IndexerResource", true],
    ["indexer/1", "IndexerResource", false],
    ["indexerstatus", "IndexerStatusResource", true],
    ["indexerstats", "IndexerStatsResource", false],
    ["indexerstats?startDate=2026-01-01T00:00:00Z&endDate=2099-01-01T00:00:00Z", "IndexerStatsResource", false],
    ["applications", "ApplicationResource", true],
    ["applications/1", "ApplicationResource", false],
    ["history?page=1&pageSize=50", "HistoryResourcePagingResource", false],
    ["config/host", "HostConfigResource", false],
    ["downloadclient", "DownloadClientResource", true],
  ];
  it.each(cases)("GET /api/v1/%s is a valid %s", async (path, schema, array) => {
    failIndexer("NZBgeek");
    const { status, body } = await api("GET", `/api/v1/${path}`);
    expect(status).toBe(200);
    expect(specPathOf(`/api/v1/${path.split("?")[0]}`)).toBeDefined();
    expect(errorsOf(schema, body, array)).toEqual([]);
  });

  it("a saved indexer (PUT) answers 202 with a valid IndexerResource", async () => {
    const { body: indexer } = await api("GET", "/api/v1/indexer/1");
    const saved = await api("PUT", "/api/v1/indexer/1", { ...(indexer as Json), priority: 10 });
    expect(saved.status).toBe(202);
    expect(errorsOf("IndexerResource", saved.body)).toEqual([]);
    expect((saved.body as Json).priority).toBe(10);
  });
});

describe("authentication and routing (Prowlarr.Http/Authentication, StaticResourceController, PingController)", () => {
  it("answers 401 without the API key or with a wrong one, on every API path", async () => {
    for (const path of ["system/status", "indexer", "indexerstatus", "history"]) {
      expect((await api("GET", `/api/v1/${path}`, undefined, null)).status).toBe(401);
      expect((await api("GET", `/api/v1/${path}`, undefined, "wrong")).status).toBe(401);
    }
  });

  it("takes the key as the apikey query parameter too (the document's second security scheme)", async () => {
    const response = await fetch(`${harness.sims.urls.prowlarr}/api/v1/system/status?apikey=${harness.sims.keys.prowlarr}`);
    expect(response.status).toBe(200);
  });

  it("answers /ping and the login page without a key; the login page names Prowlarr", async () => {
    expect((await api("GET", "/ping", undefined, null)).body).toEqual({ status: "OK" });
    expect((await api("GET", "/login", undefined, null)).text).toMatch(/<title>Login - Prowlarr<\/title>/);
  });

  it("404s an unknown indexer: bare NotFound on GET (RestController.OnActionExecuted), ModelNotFound on PUT (ProwlarrErrorPipeline)", async () => {
    const get = await api("GET", "/api/v1/indexer/99");
    expect(get.status).toBe(404);
    expect(get.body).toMatchObject({ title: "Not Found", status: 404 });
    const put = await api("PUT", "/api/v1/indexer/99", { id: 99, name: "Gone", enable: true, fields: [] });
    expect(put.status).toBe(404);
    expect((put.body as Json).message).toBe("IndexerDefinition with ID 99 does not exist");
    expect((await api("GET", "/api/v1/nonsense")).status).toBe(404);
  });
});

describe("indexers (IndexerController, IndexerBaseSettings, SchemaBuilder)", () => {
  it("lists indexers by name, with the limits as baseSettings.* fields (limitsUnit Day = 0, Hour = 1)", async () => {
    const indexers = (await api("GET", "/api/v1/indexer")).body as Json[];
    expect(indexers.map((i) => i.name)).toEqual(["DrunkenSlug", "NZBFinder", "NZBgeek"]);
    const geek = indexers.find((i) => i.name === "NZBgeek")!;
    const field = (name: string) => (geek.fields as Json[]).find((f) => f.name === name)?.value;
    expect([field("baseSettings.queryLimit"), field("baseSettings.grabLimit"), field("baseSettings.limitsUnit")]).toEqual([100, 25, 0]);
  });

  it("the indexers are the ones Sonarr's and Radarr's simulators list as '<name> (Prowlarr)' (Sonarr.cs BuildSonarrIndexer)", async () => {
    const prowlarr = ((await api("GET", "/api/v1/indexer")).body as Json[]).filter((i) => i.enable).map((i) => `${i.name} (Prowlarr)`);
    const sonarr = (await (await fetch(`${harness.sims.urls.sonarr}/api/v3/indexer`, { headers: { "X-Api-Key": harness.sims.keys.sonarr } })).json()) as Json[];
    expect(sonarr.map((i) => i.name).sort()).toEqual(prowlarr.sort());
  });
});

describe("indexer status (IndexerStatusController, ProviderStatusServiceBase, IndexerFactory.Test)", () => {
  it("lists only indexers whose disabledTill lies ahead (GetBlockedProviders), whichever name the world keys them by", async () => {
    failIndexer("NZBgeek (Prowlarr)");
    failIndexer("DrunkenSlug", Date.now() - 1_000);
    const statuses = (await api("GET", "/api/v1/indexerstatus")).body as Json[];
    expect(statuses).toEqual([expect.objectContaining({ indexerId: 1, disabledTill: expect.any(String), initialFailure: expect.any(String) })]);
  });

  it("saving an enabled indexer tests it; a pass records a success, which clears disabledTill", async () => {
    failIndexer("NZBgeek");
    const { body: indexer } = await api("GET", "/api/v1/indexer/1");
    expect((await api("PUT", "/api/v1/indexer/1", indexer)).status).toBe(202);
    expect((await api("GET", "/api/v1/indexerstatus")).body).toEqual([]);
    // RecordSuccess steps the escalation level down by one only: the record stays until it reaches 0.
    expect(harness.sims.world.indexerFailures.get("NZBgeek")).toMatchObject({ escalationLevel: 2, disabledTill: 0 });
  });

  it("a failing test refuses the save with the validation array and records one more failure", async () => {
    failIndexer("NZBgeek");
    await fetch(`${harness.sims.urls.prowlarr}/__sim/prowlarr/indexer`, { method: "POST", body: JSON.stringify({ id: 1, reachable: false }) });
    const { body: indexer } = await api("GET", "/api/v1/indexer/1");
    const saved = await api("PUT", "/api/v1/indexer/1", { ...(indexer as Json), priority: 5 });
    expect(saved.status).toBe(400);
    expect(saved.body).toEqual([expect.objectContaining({ errorMessage: expect.stringContaining("Unable to connect to indexer"), severity: "error" })]);
    expect(harness.sims.world.indexerFailures.get("NZBgeek")?.escalationLevel).toBe(4);
    expect(((await api("GET", "/api/v1/indexer/1")).body as Json).priority).toBe(25);
  });

  it("forceSave skips the test (ProviderControllerBase.UpdateProvider), so the failure stays", async () => {
    failIndexer("NZBgeek");
    const { body: indexer } = await api("GET", "/api/v1/indexer/1");
    expect((await api("PUT", "/api/v1/indexer/1?forceSave=true", indexer)).status).toBe(202);
    expect((await api("GET", "/api/v1/indexerstatus")).body).toHaveLength(1);
  });

  it("POST /indexer/test of a saved indexer records the outcome; of an unsaved one (id 0) records nothing", async () => {
    failIndexer("NZBgeek");
    const { body: indexer } = await api("GET", "/api/v1/indexer/1");
    expect((await api("POST", "/api/v1/indexer/test", { ...(indexer as Json), id: 0 })).status).toBe(200);
    expect((await api("GET", "/api/v1/indexerstatus")).body).toHaveLength(1);
    expect((await api("POST", "/api/v1/indexer/test", indexer)).status).toBe(200);
    expect((await api("GET", "/api/v1/indexerstatus")).body).toEqual([]);
  });

  it("health reports the failing indexer (IndexerStatusCheck), and all of them as an error", async () => {
    failIndexer("NZBgeek");
    expect((await api("GET", "/api/v1/health")).body).toEqual([
      expect.objectContaining({ source: "IndexerStatusCheck", type: "warning", message: "Indexers unavailable due to failures: NZBgeek" }),
    ]);
    failIndexer("DrunkenSlug");
    expect((await api("GET", "/api/v1/health")).body).toEqual([
      expect.objectContaining({ type: "error", message: "All indexers are unavailable due to failures" }),
    ]);
  });
});

describe("history and statistics (HistoryController, IndexerStatisticsService)", () => {
  it("pages history 10 at a time by default, newest first", async () => {
    const first = (await api("GET", "/api/v1/history")).body as Json;
    expect(first).toMatchObject({ page: 1, pageSize: 10, sortKey: "date", sortDirection: "descending" });
    const records = first.records as Json[];
    expect(records).toHaveLength(10);
    expect(
      [...records]
        .map((r) => r.date as string)
        .sort()
        .reverse(),
    ).toEqual(records.map((r) => r.date));
    const second = (await api("GET", "/api/v1/history?page=2&pageSize=10")).body as Json;
    expect((second.records as Json[])[0]?.id).not.toBe(records[0]?.id);
    expect((await api("GET", "/api/v1/history?page=x")).status).toBe(400);
  });

  it("counts each indexer's history by event type within the dates", async () => {
    const history = harness.sims.world.prowlarr.history.filter((h) => h.indexerId === 1);
    const stats = ((await api("GET", "/api/v1/indexerstats")).body as { indexers: Json[] }).indexers.find((s) => s.indexerId === 1)!;
    expect(stats).toMatchObject({
      indexerName: "NZBgeek",
      numberOfQueries: history.filter((h) => h.eventType === "indexerQuery").length,
      numberOfRssQueries: history.filter((h) => h.eventType === "indexerRss").length,
      numberOfGrabs: history.filter((h) => h.eventType === "releaseGrabbed").length,
    });
    const future = (await api("GET", "/api/v1/indexerstats?startDate=2099-01-01T00:00:00Z")).body as { indexers: Json[] };
    expect(future.indexers).toEqual([]);
    expect((await api("GET", "/api/v1/indexerstats?startDate=yesterday")).status).toBe(400);
  });
});
