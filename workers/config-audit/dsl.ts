// Interpreter for the check DSL (check.schema.ts). Pure: a check and a scope in, a boolean out.
import type { Check } from "./check.schema";
import { isPresent, sameValue, toBoolean, toNumber } from "./coerce";
import { resolve, type Scope } from "./path";

/**
 * Value ops hold when every value the path reaches passes; a path that reaches nothing is tested as missing
 * (so `falsy` holds and `truthy` does not). A filter that matches several items therefore checks them all.
 */
function everyValue(check: { path: string }, scope: Scope, test: (value: unknown) => boolean): boolean {
  const values = resolve(check.path, scope);
  return values.length === 0 ? test(undefined) : values.every(test);
}

/** Elements to iterate: arrays reached by the path are flattened, other values are taken as they are. */
function elementsAt(path: string, scope: Scope): unknown[] {
  return resolve(path, scope).flatMap((value) => (Array.isArray(value) ? value : [value]));
}

function topFolder(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const parts = value.split(/[\\/]+/).filter((part) => part !== "");
  return parts[0]?.toLowerCase();
}

const text = (value: unknown, ignoreCase: boolean) => {
  const raw = typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;
  return raw === undefined ? undefined : ignoreCase ? raw.toLowerCase() : raw;
};

export function evaluateCheck(check: Check, scope: Scope): boolean {
  switch (check.op) {
    case "equals":
      return everyValue(check, scope, (v) => sameValue(v, check.value, check.ignoreCase));
    case "notEquals":
      return everyValue(check, scope, (v) => !sameValue(v, check.value, check.ignoreCase));
    case "in":
      return everyValue(check, scope, (v) => check.values.some((expected) => sameValue(v, expected, check.ignoreCase)));
    case "notIn":
      return everyValue(check, scope, (v) => !check.values.some((expected) => sameValue(v, expected, check.ignoreCase)));
    case "truthy":
      return everyValue(check, scope, toBoolean);
    case "falsy":
      return everyValue(check, scope, (v) => !toBoolean(v));
    case "gte":
      return everyValue(check, scope, (v) => toNumber(v) >= toNumber(check.value));
    case "lte":
      return everyValue(check, scope, (v) => toNumber(v) <= toNumber(check.value));
    case "matches":
    case "notMatches": {
      const regex = new RegExp(check.pattern, check.flags);
      const found = (v: unknown) => {
        const value = text(v, false);
        return value !== undefined && regex.test(value);
      };
      return everyValue(check, scope, check.op === "matches" ? found : (v) => !found(v));
    }
    case "exists":
      return resolve(check.path, scope).some((v) => v !== null);
    case "nonEmpty":
      return resolve(check.path, scope).some(isPresent);
    case "empty":
      return !resolve(check.path, scope).some(isPresent);
    case "all":
      return check.of.every((inner) => evaluateCheck(inner, scope));
    case "any":
      return check.of.some((inner) => evaluateCheck(inner, scope));
    case "not":
      return !evaluateCheck(check.check, scope);
    case "some":
      return elementsAt(check.path, scope).some((element) => evaluateCheck(check.where, { root: scope.root, current: element }));
    case "every":
      return elementsAt(check.path, scope).every((element) => evaluateCheck(check.where, { root: scope.root, current: element }));
    case "none":
      return !elementsAt(check.path, scope).some((element) => evaluateCheck(check.where, { root: scope.root, current: element }));
    case "containedIn": {
      const ignoreCase = check.ignoreCase ?? false;
      const wanted = resolve(check.path, scope).map((v) => text(v, ignoreCase));
      const available = new Set(elementsAt(check.in, scope).map((v) => text(v, ignoreCase)));
      return wanted.length > 0 && wanted.every((value) => value !== undefined && value !== "" && available.has(value));
    }
    case "sameTopFolder": {
      const left = resolve(check.path, scope).map(topFolder);
      const right = elementsAt(check.as, scope).map(topFolder);
      const all = [...left, ...right];
      return left.length > 0 && right.length > 0 && all.every((folder) => folder !== undefined && folder === all[0]);
    }
  }
}
