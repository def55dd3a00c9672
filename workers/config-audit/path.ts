// Setting paths rooted at a stack snapshot: `sonarr.downloadClients[implementation=Sabnzbd].settings.tvCategory`.
import { sameValue } from "./coerce";

/**
 * Grammar: segments separated by dots; a segment is a field name followed by any number of selectors:
 * `[*]` every element, `[2]` one element, `[key=value]` elements whose field equals value (0/1/true/false coerced).
 * A path starting with `@` is relative to the current element (inside `where`, or the item of a `forEach` rule).
 */
type Step =
  | { kind: "field"; name: string }
  | { kind: "all" }
  | { kind: "index"; index: number }
  | { kind: "filter"; key: string; value: string | number | boolean };

export interface ParsedPath {
  relative: boolean;
  steps: Step[];
}

export interface Scope {
  root: unknown;
  /** The element `@` refers to. */
  current?: unknown;
}

export class PathSyntaxError extends Error {
  constructor(path: string, reason: string) {
    super(`Invalid path "${path}": ${reason}`);
  }
}

function splitSegments(path: string): string[] {
  const segments: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < path.length; i++) {
    const char = path[i];
    if (char === "[") depth++;
    else if (char === "]") depth--;
    else if (char === "." && depth === 0) {
      segments.push(path.slice(start, i));
      start = i + 1;
    }
    if (depth < 0) throw new PathSyntaxError(path, "unbalanced ]");
  }
  if (depth !== 0) throw new PathSyntaxError(path, "unbalanced [");
  segments.push(path.slice(start));
  return segments;
}

function filterValue(raw: string): string | number | boolean {
  if (raw === "true" || raw === "false") return raw === "true";
  if (/^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  return raw;
}

function parseSelector(path: string, body: string): Step {
  if (body === "*") return { kind: "all" };
  if (/^\d+$/.test(body)) return { kind: "index", index: Number(body) };
  const eq = body.indexOf("=");
  if (eq <= 0) throw new PathSyntaxError(path, `unknown selector [${body}]`);
  return { kind: "filter", key: fieldName(path, body.slice(0, eq)), value: filterValue(body.slice(eq + 1)) };
}

/** Names no configuration setting has, but every object inherits: a path through them would reach the prototype. */
const INHERITED_NAMES = new Set(["__proto__", "constructor", "prototype"]);

function fieldName(path: string, name: string): string {
  if (INHERITED_NAMES.has(name)) throw new PathSyntaxError(path, `"${name}" is not a setting`);
  return name;
}

function parseSegment(path: string, segment: string, steps: Step[]): void {
  const open = segment.indexOf("[");
  const name = open === -1 ? segment : segment.slice(0, open);
  if (name !== "") steps.push({ kind: "field", name: fieldName(path, name) });
  if (open === -1) return;
  const selectors = segment.slice(open);
  const pattern = /\[([^\]]*)\]/g;
  let consumed = 0;
  for (const match of selectors.matchAll(pattern)) {
    if (match.index !== consumed) throw new PathSyntaxError(path, `unexpected text in "${segment}"`);
    steps.push(parseSelector(path, match[1] ?? ""));
    consumed = match.index + match[0].length;
  }
  if (consumed !== selectors.length) throw new PathSyntaxError(path, `unexpected text in "${segment}"`);
}

const cache = new Map<string, ParsedPath>();

export function parsePath(path: string): ParsedPath {
  const cached = cache.get(path);
  if (cached) return cached;
  if (path.trim() === "") throw new PathSyntaxError(path, "empty");
  const segments = splitSegments(path);
  const relative = segments[0] === "@" || segments[0]?.startsWith("@[") === true;
  if (relative) segments[0] = segments[0]!.slice(1);
  const steps: Step[] = [];
  for (const segment of segments) {
    if (segment === "" && !(relative && steps.length === 0)) throw new PathSyntaxError(path, "empty segment");
    parseSegment(path, segment, steps);
  }
  const parsed = { relative, steps };
  // Paths also come from Claude's answers; keep the cache from growing without bound.
  if (cache.size >= 5_000) cache.clear();
  cache.set(path, parsed);
  return parsed;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function applyStep(values: unknown[], step: Step): unknown[] {
  const next: unknown[] = [];
  for (const value of values) {
    if (step.kind === "field") {
      if (isRecord(value) && Object.hasOwn(value, step.name) && value[step.name] !== undefined) next.push(value[step.name]);
    } else if (step.kind === "filter" && isRecord(value)) {
      // A filter after another selector narrows the element already selected: `[implementation=Sabnzbd][name=SAB]`.
      if (sameValue(value[step.key], step.value)) next.push(value);
    } else if (Array.isArray(value)) {
      if (step.kind === "all") next.push(...value);
      else if (step.kind === "index") {
        if (step.index < value.length) next.push(value[step.index]);
      } else next.push(...value.filter((item) => isRecord(item) && sameValue(item[step.key], step.value)));
    }
  }
  return next;
}

/** Every value the path reaches; empty when it reaches nothing (a missing field is not a match). */
export function resolve(path: string, scope: Scope): unknown[] {
  const { relative, steps } = parsePath(path);
  const start = relative ? scope.current : scope.root;
  if (start === undefined) return [];
  return steps.reduce<unknown[]>((values, step) => applyStep(values, step), [start]);
}

/** The first app name a rooted path reads (`sonarr` for `sonarr.host.port`), or undefined for `@` paths. */
export function rootOf(path: string): string | undefined {
  const { relative, steps } = parsePath(path);
  const first = steps[0];
  return relative || first?.kind !== "field" ? undefined : first.name;
}

/** The settings section a rooted path reads (`sonarr.host`), used to tell "not read" from "not set". */
export function sectionOf(path: string): string[] {
  const { relative, steps } = parsePath(path);
  if (relative) return [];
  const names: string[] = [];
  for (const step of steps.slice(0, 2)) {
    if (step.kind !== "field") break;
    names.push(step.name);
  }
  return names;
}
