// The shape of a JSON value, for comparing a simulator's answer with a recorded real one: the same keys and the same
// JSON types, recursively; an array's elements compared by their shape (each against the recorded elements' shape).

const PLACEHOLDER_NUMBER = /^<[\w-]+:number>$/;

export function jsonType(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "string" && PLACEHOLDER_NUMBER.test(value)) return "number";
  return typeof value;
}

/**
 * Differences between `actual` and the `expected` (recorded) shape, as "path: what" lines; empty when they agree.
 * An empty recorded array says nothing about its elements, so any elements are accepted there.
 */
export function shapeDifferences(expected, actual, path = "$") {
  const want = jsonType(expected);
  const got = jsonType(actual);
  if (want !== got) return [`${path}: ${got} where the real SABnzbd has ${want}`];
  if (want === "array") {
    if (expected.length === 0) return [];
    // Real arrays can mix element shapes (a Grabbing queue slot has a numeric priority): an actual element must
    // match one of the recorded ones.
    const out = [];
    actual.forEach((item, i) => {
      const tries = expected.map((candidate) => shapeDifferences(candidate, item, `${path}[${i}]`));
      if (!tries.some((t) => t.length === 0)) out.push(...tries.reduce((a, b) => (b.length < a.length ? b : a)));
    });
    return out;
  }
  if (want !== "object") return [];
  const out = [];
  for (const key of Object.keys(expected)) {
    if (!(key in actual)) out.push(`${path}.${key}: missing (the real SABnzbd has it)`);
    else out.push(...shapeDifferences(expected[key], actual[key], `${path}.${key}`));
  }
  for (const key of Object.keys(actual)) if (!(key in expected)) out.push(`${path}.${key}: not in the real SABnzbd's answer`);
  return out;
}
