// Every Sonarr/Radarr response the tools rely on, validated strictly against the apps' own OpenAPI documents.
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulators, type RunningSimulators } from "../src/simulators/index.js";

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const specsDir = process.env.AUTOARR_SPECS_DIR ? new URL(`file://${process.env.AUTOARR_SPECS_DIR.replace(/\/?$/, "/")}`) : new URL("./specs/", import.meta.url);

function validatorFor(app: "sonarr" | "radarr") {
  const spec = JSON.parse(readFileSync(new URL(`${app}-v3-openapi.json`, specsDir), "utf8")) as { components: unknown };
  dropUntypedNullable(spec.components);
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // .NET TimeSpan ("c" format): [d.]hh:mm:ss[.fffffff]
  ajv.addFormat("date-span", /^-?(\d+\.)?\d{2}:\d{2}:\d{2}(\.\d{1,7})?$/);
  ajv.addSchema({ $id: app, components: spec.components });
  return (schema: string, data: unknown, array = false) => {
    const ref = { $ref: `${app}#/components/schemas/${schema}` };
    const validate = ajv.compile(array ? { type: "array", items: ref } : ref);
    const valid = validate(data);
    return valid ? [] : (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
  };
}

/** OpenAPI 3.0 `nullable` needs a `type` in Ajv; an untyped schema (e.g. Field.value) already accepts null. */
function dropUntypedNullable(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(dropUntypedNullable);
  if (node === null || typeof node !== "object") return;
  const record = node as Record<string, unknown>;
  if (record.nullable === true && record.type === undefined) delete record.nullable;
  Object.values(record).forEach(dropUntypedNullable);
}

let sims: RunningSimulators;
beforeAll(async () => {
  sims = await startSimulators({ profile: "demo" });
});
afterAll(() => sims.close());

describe.each(["sonarr", "radarr"] as const)("%s simulator responses match the OpenAPI document", (app) => {
  const media = app === "sonarr" ? "series" : "movie";
  const get = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${sims.urls[app]}/api/v3/${path}`, {
      ...init,
      headers: { "X-Api-Key": sims.keys[app], "Content-Type": "application/json", ...(init?.headers ?? {}) },
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };

  const cases: [string, string, boolean][] = [
    ["system/status", "SystemResource", false],
    ["health", "HealthResource", true],
    [media, app === "sonarr" ? "SeriesResource" : "MovieResource", true],
    [`${media}/lookup?term=${app === "sonarr" ? "the%20office" : "dune"}`, app === "sonarr" ? "SeriesResource" : "MovieResource", true],
    ["queue?page=1&pageSize=50", "QueueResourcePagingResource", false],
    ["history?eventType=4&page=1&pageSize=50", "HistoryResourcePagingResource", false],
    ["history?page=1&pageSize=50", "HistoryResourcePagingResource", false],
    ["wanted/missing?pageSize=20&includeSeries=true", app === "sonarr" ? "EpisodeResourcePagingResource" : "MovieResourcePagingResource", false],
    ["wanted/cutoff?pageSize=20", app === "sonarr" ? "EpisodeResourcePagingResource" : "MovieResourcePagingResource", false],
    ["blocklist?page=1&pageSize=20", "BlocklistResourcePagingResource", false],
    ["qualityprofile", "QualityProfileResource", true],
    ["rootfolder", "RootFolderResource", true],
    ["downloadclient", "DownloadClientResource", true],
    ["indexer", "IndexerResource", true],
    ["config/host", "HostConfigResource", false],
    ["config/mediamanagement", "MediaManagementConfigResource", false],
    ["config/naming", "NamingConfigResource", false],
    ["config/downloadclient", "DownloadClientConfigResource", false],
  ];

  it.each(cases)(`GET /api/v3/%s is a valid %s`, async (path, schema, array) => {
    const { status, body } = await get(path);
    expect(status).toBe(200);
    if (array) expect((body as unknown[]).length).toBeGreaterThan(0);
    expect(validatorFor(app)(schema, body, array)).toEqual([]);
  });

  it("answers an add with 201 and a valid resource, and a repeat add with the 400 validation array", async () => {
    const lookupPath = app === "sonarr" ? "series/lookup?term=tvdb:176941" : "movie/lookup/tmdb?tmdbId=680";
    const found = (await get(lookupPath)).body;
    const resource = Array.isArray(found) ? found[0] : found;
    const body = JSON.stringify({
      ...(resource as object),
      qualityProfileId: 4,
      rootFolderPath: app === "sonarr" ? "/tv" : "/movies",
      monitored: true,
      addOptions: app === "sonarr" ? { searchForMissingEpisodes: true } : { searchForMovie: true },
    });
    const created = await get(media, { method: "POST", body });
    expect(created.status).toBe(201);
    expect(validatorFor(app)(app === "sonarr" ? "SeriesResource" : "MovieResource", created.body)).toEqual([]);
    const again = await get(media, { method: "POST", body });
    expect(again.status).toBe(400);
    expect(again.body).toEqual([
      expect.objectContaining({
        propertyName: expect.any(String),
        errorMessage: `This ${app === "sonarr" ? "series" : "movie"} has already been added`,
        severity: "error",
      }),
    ]);
    // The grab the search made is in the queue and still matches the schema.
    expect(validatorFor(app)("QueueResourcePagingResource", (await get("queue?pageSize=50")).body)).toEqual([]);
  });

  it("answers POST /command with 201 and GET /command/{id} with valid CommandResources", async () => {
    const name = app === "sonarr" ? "RefreshSeries" : "RefreshMovie";
    const created = await get("command", { method: "POST", body: JSON.stringify({ name }) });
    expect(created.status).toBe(201);
    expect(validatorFor(app)("CommandResource", created.body)).toEqual([]);
    const polled = await get(`command/${(created.body as { id: number }).id}`);
    expect(validatorFor(app)("CommandResource", polled.body)).toEqual([]);
  });

  it("answers a config PUT with 202 and a valid resource", async () => {
    const current = (await get("config/naming")).body as Record<string, unknown>;
    const updated = await get("config/naming/1", { method: "PUT", body: JSON.stringify(current) });
    expect(updated.status).toBe(202);
    expect(validatorFor(app)("NamingConfigResource", updated.body)).toEqual([]);
  });

  it("answers a PUT of a library item with 202 and a valid resource, and an unknown quality profile with the 400 validation array", async () => {
    const item = ((await get(media)).body as { id: number; qualityProfileId: number }[])[0]!;
    const updated = await get(`${media}/${item.id}?moveFiles=false`, { method: "PUT", body: JSON.stringify({ ...item, qualityProfileId: 3 }) });
    expect(updated.status).toBe(202);
    expect(validatorFor(app)(app === "sonarr" ? "SeriesResource" : "MovieResource", updated.body)).toEqual([]);
    expect(updated.body).toMatchObject({ id: item.id, qualityProfileId: 3 });
    const invalid = await get(`${media}/${item.id}`, { method: "PUT", body: JSON.stringify({ ...item, qualityProfileId: 99 }) });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toEqual([expect.objectContaining({ propertyName: "QualityProfileId", errorMessage: "Quality Profile does not exist" })]);
  });

  it("rejects a wrong API key with 401", async () => {
    const response = await fetch(`${sims.urls[app]}/api/v3/system/status`, { headers: { "X-Api-Key": "wrong" } });
    expect(response.status).toBe(401);
  });
});
