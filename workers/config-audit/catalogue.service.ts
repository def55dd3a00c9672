// The rules an audit evaluates: the best_practices table (cached 24 h in KV), each row validated, else the built-in catalogue.
import { z } from "zod";
import { CATALOGUE } from "./catalogue";
import { ruleSchema, type Rule } from "./rule.schema";
import { cacheKey } from "../platform/cache-keys";
import { bestPractices } from "../platform/db/schema";
import type { Env } from "../platform/env";
import { Cache } from "../platform/cache";
import { database } from "../platform/db/database";

/** Named after the snapshot shape the rules read: rules cached before their paths moved to the contract's shapes are not read back. */
const KEY = cacheKey.global("bestPractices", "rules:contract-shapes");

export async function loadRules(env: Env): Promise<readonly Rule[]> {
  const cache = new Cache(env.CACHE);
  try {
    const { value } = await cache.getOrLoad("bestPractices", KEY, async () => {
      const rows = await database(env.DB).select({ definition: bestPractices.definition }).from(bestPractices);
      return rows.map((row) => row.definition);
    });
    const parsed = z.array(ruleSchema).safeParse(value);
    if (parsed.success && parsed.data.length > 0) return parsed.data;
    if (!parsed.success)
      console.warn(JSON.stringify({ msg: "best_practices rows failed validation; using the built-in catalogue", issues: parsed.error.issues.slice(0, 3) }));
  } catch (error) {
    console.warn(JSON.stringify({ msg: "best_practices could not be read; using the built-in catalogue", error: String(error) }));
  }
  return CATALOGUE;
}
