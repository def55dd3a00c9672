// The rule parser against the phrasing table: prints its accuracy and holds it above a floor.
import { describe, expect, it } from "vitest";
import { parseWithRules } from "../../workers/requests/parse.rules";
import type { ParsedRequest } from "../../workers/requests/parse.schema";
import { type Phrasing, PHRASINGS } from "./phrasings";

// The table includes titles that look like years or request words ("Wonder Woman 1984", "Get Out"), which rules
// alone cannot settle; 95% leaves room for those and fails as soon as a common phrasing breaks.
const ACCURACY_FLOOR = 0.95;
const NOW = new Date("2026-05-01T00:00:00Z");

function mismatches(row: Phrasing, parsed: ParsedRequest): string[] {
  const expected = { year: null, seasons: null, episode: null, quality: null, person: null, ...row.expect };
  const wrong: string[] = [];
  if (parsed.type !== expected.type) wrong.push(`type ${parsed.type} ≠ ${expected.type}`);
  if ((parsed.title ?? "").toLowerCase() !== (expected.title ?? "").toLowerCase())
    wrong.push(`title ${JSON.stringify(parsed.title)} ≠ ${JSON.stringify(expected.title)}`);
  if (parsed.year !== expected.year) wrong.push(`year ${parsed.year} ≠ ${expected.year}`);
  if (JSON.stringify(parsed.seasons) !== JSON.stringify(expected.seasons))
    wrong.push(`seasons ${JSON.stringify(parsed.seasons)} ≠ ${JSON.stringify(expected.seasons)}`);
  if (parsed.episode !== expected.episode) wrong.push(`episode ${parsed.episode} ≠ ${expected.episode}`);
  if (parsed.quality !== expected.quality) wrong.push(`quality ${parsed.quality} ≠ ${expected.quality}`);
  if (parsed.person !== expected.person) wrong.push(`person ${JSON.stringify(parsed.person)} ≠ ${JSON.stringify(expected.person)}`);
  return wrong;
}

const results = PHRASINGS.map((row) => ({ row, wrong: mismatches(row, parseWithRules(row.text, NOW)) }));
const correct = results.filter((r) => r.wrong.length === 0).length;
const accuracy = correct / PHRASINGS.length;
const figure = `${correct}/${PHRASINGS.length} = ${(accuracy * 100).toFixed(1)}%`;

describe("rule parser accuracy", () => {
  it("has a realistic table of at least 60 phrasings", () => {
    expect(PHRASINGS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(PHRASINGS.map((p) => p.text)).size).toBe(PHRASINGS.length);
  });

  it(`understands ${figure} of the phrasings exactly (floor ${ACCURACY_FLOOR * 100}%)`, ({ annotate }) => {
    const misses = results.filter((r) => r.wrong.length > 0).map((r) => `${JSON.stringify(r.row.text)}: ${r.wrong.join("; ")}`);
    console.info(`rule parser accuracy: ${figure}${misses.length ? `\nmisses:\n  ${misses.join("\n  ")}` : ""}`);
    void annotate(`rule parser accuracy ${figure}`);
    expect(accuracy, misses.join("\n")).toBeGreaterThanOrEqual(ACCURACY_FLOOR);
  });

  it("reads every issue example the way the issue describes", () => {
    expect(parseWithRules("get me Dune part two in 4k", NOW)).toMatchObject({ title: "Dune part two", quality: "2160p", source: "rules" });
    expect(parseWithRules("the office us season 3", NOW)).toMatchObject({ type: "tv", title: "the office us", seasons: [3] });
  });
});
