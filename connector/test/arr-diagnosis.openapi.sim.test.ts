// The endpoints a "why didn't it arrive?" trace reads, validated against Sonarr's and Radarr's own OpenAPI documents
// (the same strict validation as contract.test.ts). Run in the well-configured profile, where interactive search has
// indexers, so GET /release has releases to validate.
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
  ajv.addFormat("date-span", /^-?(\d+\.)?\d{2}:\d{2}:\d{2}(\.\d{1,7})?$/);
  ajv.addSchema({ $id: app, components: spec.components });
  return (schema: string, data: unknown, array: boolean) => {
    const ref = { $ref: `${app}#/components/schemas/${schema}` };
    const validate = ajv.compile(array ? { type: "array", items: ref } : ref);
    return validate(data) ? [] : (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
  };
}

function dropUntypedNullable(node: unknown): void {
  if (Array.isArray(node)) {
    for (const child of node) dropUntypedNullable(child);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const record = node as Record<string, unknown>;
  if (record.nullable === true && record.type === undefined) delete record.nullable;
  for (const child of Object.values(record)) dropUntypedNullable(child);
}

let sims: RunningSimulators;
beforeAll(async () => {
  sims = await startSimulators({ profile: "well-configured" });
});
afterAll(() => sims.close());

async function call(app: "sonarr" | "radarr", method: string, path: string, body?: unknown) {
  const response = await fetch(`${sims.urls[app]}/api/v3/${path}`, {
    method,
    headers: { "X-Api-Key": sims.keys[app], "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

describe("Sonarr diagnosis endpoints match the OpenAPI document", () => {
  const ids = () => {
    const lastOfUs = sims.world.series.find((s) => s.meta.title === "The Last of Us")!;
    const thrones = sims.world.series.find((s) => s.meta.title === "Game of Thrones")!;
    return { seriesId: lastOfUs.id, missing: lastOfUs.id * 10_000 + 204, withFile: thrones.id * 10_000 + 101 };
  };
  const cases: [string, () => string, string, boolean][] = [
    ["episode list", () => `episode?seriesId=${ids().seriesId}&seasonNumber=2&includeEpisodeFile=true`, "EpisodeResource", true],
    ["one episode", () => `episode/${ids().withFile}`, "EpisodeResource", false],
    ["episode file", () => `episodefile/${ids().withFile}`, "EpisodeFileResource", false],
    ["series history", () => `history/series?seriesId=${ids().seriesId}`, "HistoryResource", true],
    ["release search", () => `release?episodeId=${ids().missing}`, "ReleaseResource", true],
  ];
  it.each(cases)("%s", async (_name, path, schema, array) => {
    const { status, body } = await call("sonarr", "GET", path());
    expect(status).toBe(200);
    if (array) expect((body as unknown[]).length).toBeGreaterThan(0);
    expect(validatorFor("sonarr")(schema, body, array)).toEqual([]);
  });
  it("PUT /episode/monitor answers valid episodes", async () => {
    const { status, body } = await call("sonarr", "PUT", "episode/monitor", { episodeIds: [ids().missing], monitored: false });
    expect(status).toBe(202);
    expect(validatorFor("sonarr")("EpisodeResource", body, true)).toEqual([]);
  });
});

describe("Radarr diagnosis endpoints match the OpenAPI document", () => {
  const pastLives = () => sims.world.movies.find((m) => m.meta.title === "Past Lives")!.id;
  const madMax = () => sims.world.movies.find((m) => m.meta.title === "Mad Max: Fury Road")!.id;
  const cases: [string, () => string, string, boolean][] = [
    ["movie", () => `movie/${pastLives()}`, "MovieResource", false],
    ["movie history", () => `history/movie?movieId=${madMax()}`, "HistoryResource", true],
    ["release search", () => `release?movieId=${pastLives()}`, "ReleaseResource", true],
  ];
  it.each(cases)("%s", async (_name, path, schema, array) => {
    const { status, body } = await call("radarr", "GET", path());
    expect(status).toBe(200);
    if (array) expect((body as unknown[]).length).toBeGreaterThan(0);
    expect(validatorFor("radarr")(schema, body, array)).toEqual([]);
  });
  it("PUT /movie/editor answers valid movies", async () => {
    const { status, body } = await call("radarr", "PUT", "movie/editor", { movieIds: [pastLives()], monitored: true });
    expect(status).toBe(202);
    expect(validatorFor("radarr")("MovieResource", body, true)).toEqual([]);
  });
});
