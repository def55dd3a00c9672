// Looks up a key that came from outside (a path segment, a query value, a JSON field) in a plain object.
// `key in object` and `object[key]` also find what every object inherits — `constructor`, `__proto__`, `toString` —
// which once turned GET /health/constructor into a dump of the Worker's environment. Use these instead.

/** The object's own value under `key`, never an inherited one. */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Whether `key` is one of `record`'s own keys, narrowing it to them. */
export function isOwnKey<K extends string>(record: Readonly<Record<K, unknown>>, key: string): key is K {
  return Object.hasOwn(record, key);
}
