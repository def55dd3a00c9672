import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "./catalogue";
import { PRIORITY_WEIGHT } from "./rule.schema";

interface SeededRow {
  id: string;
  app: string;
  title: string;
  definition: string;
  priority: number;
  version: number;
}

describe("the best_practices seed migration", () => {
  it("holds exactly the JSON catalogue (regenerate with scripts/generate-best-practices-seed.mjs)", async () => {
    const { results } = await env.DB.prepare("SELECT id, app, title, definition, priority, version FROM best_practices ORDER BY id").all<SeededRow>();
    const seeded = results.map((row) => ({ ...row, definition: JSON.parse(row.definition) as unknown }));
    const expected = [...CATALOGUE]
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((rule) => ({ id: rule.id, app: rule.app, title: rule.title, definition: rule, priority: PRIORITY_WEIGHT[rule.priority], version: rule.version }));
    expect(seeded).toEqual(expected);
  });
});
