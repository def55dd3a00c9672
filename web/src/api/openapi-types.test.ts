import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { REGENERATE_COMMAND, typesFromOpenApi } from "../../scripts/openapi-to-types.mjs";

const read = (name: string) => readFileSync(new URL(name, import.meta.url), "utf8");

describe("web/src/api/openapi.d.ts", () => {
  it("is what openapi-typescript makes of the committed openapi.json", async () => {
    const generated = await typesFromOpenApi(JSON.parse(read("./openapi.json")));
    expect(read("./openapi.d.ts") === generated, `openapi.d.ts is stale: run \`${REGENERATE_COMMAND}\``).toBe(true);
  });
});
