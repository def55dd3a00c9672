// The connector implements the contract: every ref in `tools` is a tool it offers, and what its read-only tools
// answer against the simulators parses with the ref's own output schema (the one the hub client checks with).
import { APP_IDS, type AnyToolRef, parseToolOutput, tools } from "@autoarr/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { appsConfigFor } from "../src/config.js";
import { createAppClients, toolSpecsFor } from "../src/mcp.js";
import { silentLogger } from "../src/logger.js";
import { startSimulators, type RunningSimulators } from "../src/simulators/index.js";
import { toolCatalog } from "../src/tools/catalog.js";
import type { ToolSpec } from "../src/tools/tool.js";

const refs: AnyToolRef[] = [...APP_IDS.flatMap((app) => Object.values(tools[app]) as AnyToolRef[]), ...(Object.values(tools.stack) as AnyToolRef[])];

describe("the connector's tools and the contract's refs", () => {
  it("offers exactly one tool per ref, under the ref's name and app", () => {
    const offered = toolCatalog()
      .map((tool) => `${tool.app}:${tool.name}`)
      .sort();
    expect(offered).toEqual(refs.map((ref) => `${ref.app}:${ref.name}`).sort());
  });

  it("files every ref under the app its name starts with", () => {
    for (const app of APP_IDS)
      for (const ref of Object.values(tools[app]) as AnyToolRef[]) expect(`${ref.app}:${ref.name}`).toMatch(new RegExp(`^${app}:${app}_`));
  });
});

describe("answers of the read-only tools against the simulators", () => {
  let sims: RunningSimulators;
  let specs: ToolSpec[];

  beforeAll(async () => {
    sims = await startSimulators({ profile: "demo" });
    specs = toolSpecsFor(createAppClients(appsConfigFor(APP_IDS, sims.urls, sims.keys), 5000, silentLogger));
  });
  afterAll(() => sims.close());

  /** Read-only tools that need no argument beyond their defaults. */
  const readOnly = new Set(
    toolCatalog()
      .filter((tool) => tool.annotations.readOnlyHint)
      .map((tool) => tool.name),
  );
  const callable = refs.filter((ref) => readOnly.has(ref.name) && z.object(ref.input).safeParse({}).success);

  it("has read-only tools to call without arguments", () => {
    expect(callable.map((ref) => ref.name)).toEqual(expect.arrayContaining(["sabnzbd_queue", "sonarr_queue", "radarr_indexers", "plex_libraries"]));
  });

  for (const ref of callable) {
    it(`${ref.name} answers what its ref declares`, async () => {
      const spec = specs.find((s) => s.name === ref.name)!;
      const outcome = await spec.run(z.object(ref.input).parse({}) as never);
      if (!outcome.ok) throw new Error(`${ref.name} failed: ${outcome.failure.message}`);
      const parsed = parseToolOutput(ref, outcome.data);
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    });
  }
});
