// A snapshot tool reads many parts of one app at once (all in flight together: the app is on the LAN) by running the
// single tools that read them, so every part has the single tool's projection and masking. A required part that
// failed fails the snapshot with that part's own failure, so the hub classifies it (and its breaker counts it) as it
// would the single tool's; an optional part that failed is left out.
import type { Result } from "../http/upstream.js";
import type { ToolOutcome } from "../tools/tool.js";

type Parts = Record<string, Promise<ToolOutcome<unknown>>>;
type DataOf<P extends Parts> = { [K in keyof P]: Awaited<P[K]> extends ToolOutcome<infer O> ? O : never };

/** The data of every part, or the failure of the first required part (in the order given) that failed. */
export async function readParts<R extends Parts, O extends Parts = Record<never, never>>(
  required: R,
  optional: O = {} as O,
): Promise<Result<DataOf<R> & Partial<DataOf<O>>>> {
  const settle = (parts: Parts) => Promise.all(Object.entries(parts).map(async ([key, outcome]) => [key, await outcome] as const));
  const [mustHave, mayHave] = await Promise.all([settle(required), settle(optional)]);
  const failed = mustHave.find(([, result]) => !result.ok)?.[1];
  if (failed && !failed.ok) return { ok: false, failure: failed.failure };
  const value: Record<string, unknown> = {};
  for (const [key, result] of [...mustHave, ...mayHave]) if (result.ok) value[key] = result.data;
  return { ok: true, value: value as DataOf<R> & Partial<DataOf<O>> };
}
