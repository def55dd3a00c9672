// fast-check arbitraries for the requests an OpenAPI 3.1 document describes: values that fit each JSON schema, and
// hostile ones (inherited names, odd URL encodings, unicode, huge numbers, wrong types, deep nesting, duplicate keys).
import fc from "fast-check";

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
  example?: unknown;
};

export interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: JsonSchema;
}

export interface Operation {
  method: string;
  /** The template, e.g. /api/v1/requests/{id}. */
  path: string;
  parameters: Parameter[];
  body?: JsonSchema;
  /** The security schemes any one of which lets a caller in (bearerAuth, metricsToken…); empty for a public operation. */
  security: string[];
}

export interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> }; security?: Record<string, string[]>[] }>
  >;
  components?: { schemas?: Record<string, JsonSchema> };
}

const METHODS = ["get", "put", "post", "delete", "patch"];

export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        body: op.requestBody?.content?.["application/json"]?.schema,
        security: [...new Set((op.security ?? []).flatMap((requirement) => Object.keys(requirement)))],
      })),
  );
}

/** Looks up a `#/components/schemas/…` reference in the document; an unknown one is an error, not a guess. */
export function resolverOf(doc: OpenApiDocument): Resolve {
  return (ref) => {
    const schema = doc.components?.schemas?.[ref.replace("#/components/schemas/", "")];
    if (!schema) throw new Error(`unresolved ${ref}`);
    return schema;
  };
}

export const PROTOTYPE_NAMES = ["constructor", "__proto__", "toString", "hasOwnProperty", "__defineGetter__", "prototype", "valueOf"];

/** Strings no handler should trip over, wherever a string goes. */
export const HOSTILE_STRINGS = [
  ...PROTOTYPE_NAMES,
  "../../etc/passwd",
  "%2e%2e%2f",
  "%00",
  "%ff",
  "%252e%252e%252f",
  "\u0000",
  "\u202eevil\u202c.exe",
  "שלום עולם",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🎬",
  "\ud800",
  "a".repeat(10_000),
  "",
  "   ",
  "NaN",
  "Infinity",
  "-1",
  "1e309",
  "0x1F",
  "null",
  "true",
  "[]",
  "{}",
  "<script>alert(1)</script>",
  "' OR '1'='1",
  "${jndi:ldap://x}",
  "{{7*7}}",
  "line\r\nX-Injected: 1",
];

/** Already-encoded path and query pieces, sent as they are. */
export const RAW_URL_PIECES = [
  "%2e%2e%2f",
  "%2e%2e",
  "..",
  "%2F",
  "%00",
  "%ff",
  "%fe%ff",
  "%252e%252e%252f",
  "%25",
  "%",
  "%zz",
  "%u0041",
  "%C0%AE",
  "a%2Fb",
  "%E2%80%AE",
];

const HOSTILE_NUMBERS = [-1, 0, -0, 0.5, -1e9, 1e21, 2 ** 53 + 2, 2 ** 63, -(2 ** 31) - 1, Number.MAX_VALUE, Number.MIN_VALUE];

function deepArray(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

function deepObject(depth: number): unknown {
  let value: unknown = {};
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** Any JSON value of the wrong kind for where it goes. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constantFrom(...HOSTILE_NUMBERS),
  fc.constantFrom(true, false, null),
  fc.constantFrom([], {}, [null], [{}], { __proto__: null }, deepArray(200), deepObject(200)),
  fc.constantFrom(...PROTOTYPE_NAMES).map((name) => JSON.parse(`{"${name}": {"polluted": true}}`) as unknown),
  fc.jsonValue({ maxDepth: 3 }),
);

export type Resolve = (ref: string) => JsonSchema;

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (schema.properties) return ["object"];
  return [];
}

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 40, minLength + 40);
  switch (schema.format) {
    case "uuid":
      return fc.uuid();
    case "email":
      return fc.emailAddress();
    case "date-time":
      return fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }).map((d) => d.toISOString());
    case "uri":
    case "url":
      // Never a real host: loopback ports nothing listens on and names that cannot resolve.
      return fc.oneof(
        fc.constantFrom("http://127.0.0.1:9", "http://[::1]:9", "http://localhost:1", "https://10.0.0.1", "file:///etc/passwd", "javascript:alert(1)"),
        fc.webUrl().map((url) => url.replace(/^(\w+:\/\/)([^/:?#]+)/, "$1$2.invalid")),
      );
  }
  if (schema.pattern) {
    try {
      const pattern = new RegExp(schema.pattern);
      return fc.stringMatching(pattern).filter((s) => s.length >= minLength && s.length <= (schema.maxLength ?? Infinity));
    } catch {
      // A pattern JavaScript cannot compile: any string.
    }
  }
  return fc.string({ minLength, maxLength, unit: "grapheme" });
}

function validNumber(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1_000_000);
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1_000_000);
  return integer
    ? fc.integer({ min: Math.ceil(Math.max(min, Number.MIN_SAFE_INTEGER)), max: Math.floor(Math.min(max, Number.MAX_SAFE_INTEGER)) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** Values that fit the schema (as far as a generator can tell from it). */
export function valueFor(schema: JsonSchema | undefined, resolve: Resolve, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.jsonValue({ maxDepth: 2 });
  if (schema.$ref) return valueFor(resolve(schema.$ref), resolve, depth + 1);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => valueFor(s, resolve, depth + 1)));
  if (schema.allOf?.length) return valueFor(Object.assign({}, ...schema.allOf.map((s) => (s.$ref ? resolve(s.$ref) : s))), resolve, depth + 1);
  const types = typesOf(schema);
  if (types.length === 0) return fc.jsonValue({ maxDepth: 2 });
  return fc.oneof(
    ...types.map((type): fc.Arbitrary<unknown> => {
      switch (type) {
        case "string":
          return validString(schema);
        case "integer":
          return validNumber(schema, true);
        case "number":
          return validNumber(schema, false);
        case "boolean":
          return fc.boolean();
        case "null":
          return fc.constant(null);
        case "array":
          return fc.array(valueFor(schema.items, resolve, depth + 1), {
            minLength: schema.minItems ?? 0,
            maxLength: Math.min(schema.maxItems ?? 4, (schema.minItems ?? 0) + 4),
          });
        case "object": {
          const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([name, s]) => [name, valueFor(s, resolve, depth + 1)]));
          return fc.record(properties, { requiredKeys: (schema.required ?? []).filter((name) => name in properties) });
        }
        default:
          return fc.jsonValue({ maxDepth: 2 });
      }
    }),
  );
}

/** Mostly fitting values, sometimes hostile ones, at every level of a structure. */
export function mixedValueFor(schema: JsonSchema | undefined, resolve: Resolve, depth = 0): fc.Arbitrary<unknown> {
  const resolved = schema?.$ref ? resolve(schema.$ref) : schema;
  if (resolved && typesOf(resolved).includes("object") && resolved.properties && depth < 4) {
    const properties = Object.fromEntries(Object.entries(resolved.properties).map(([name, s]) => [name, mixedValueFor(s, resolve, depth + 1)]));
    const record = fc.record(properties, { requiredKeys: (resolved.required ?? []).filter((name) => name in properties) });
    return fc.oneof({ weight: 4, arbitrary: record }, { weight: 1, arbitrary: hostileValue });
  }
  return fc.oneof({ weight: 3, arbitrary: valueFor(resolved, resolve, depth) }, { weight: 1, arbitrary: hostileValue });
}

/** A JSON request body as text: fitting, mixed, of the wrong shape, or not quite JSON. */
export function bodyTextFor(schema: JsonSchema | undefined, resolve: Resolve): fc.Arbitrary<string> {
  const properties = Object.keys((schema?.$ref ? resolve(schema.$ref) : schema)?.properties ?? { name: {} });
  const valid = valueFor(schema, resolve);
  return fc.oneof(
    { weight: 4, arbitrary: valid.map((v) => JSON.stringify(v) ?? "null") },
    { weight: 4, arbitrary: mixedValueFor(schema, resolve).map((v) => JSON.stringify(v) ?? "null") },
    { weight: 1, arbitrary: valid.map((v) => JSON.stringify([v])) },
    {
      weight: 1,
      arbitrary: fc.constantFrom("", "null", "{}", "[]", '""', "0", "{", '{"a":', "[".repeat(5_000), '{"a":1}garbage', "\ufeff{}", "{'single':'quotes'}"),
    },
    {
      weight: 2,
      // Duplicate keys, a number JSON cannot hold, and inherited names as keys, around a fitting body.
      arbitrary: fc
        .tuple(valid, fc.constantFrom(...properties), hostileValue, fc.constantFrom(...PROTOTYPE_NAMES), fc.nat(2))
        .map(([v, key, bad, proto, kind]) => {
          const fitting = JSON.stringify(v) ?? "{}";
          const inner = fitting.startsWith("{") && fitting !== "{}" ? `,${fitting.slice(1, -1)}` : "";
          const badText = JSON.stringify(bad) ?? "null";
          return [`{"${key}":1e309${inner}}`, `{"${key}":${badText}${inner},"${key}":${badText}}`, `{"${proto}":{"isAdmin":true}${inner}}`][kind]!;
        }),
    },
    { weight: 1, arbitrary: valid.map((v) => JSON.stringify({ padding: "x".repeat(70_000), value: v })) },
  );
}

/** encodeURIComponent, but a lone surrogate goes out as the (invalid) UTF-8 bytes it would have been, not an exception. */
function encodePiece(text: string): string {
  return Array.from(text, (char) => {
    try {
      return encodeURIComponent(char);
    } catch {
      const code = char.charCodeAt(0);
      return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join("");
    }
  }).join("");
}

/** One path segment or query value, as it goes into the URL. */
export function urlPieceFor(schema: JsonSchema | undefined, resolve: Resolve, known: string[] = []): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: valueFor(schema, resolve).map((v) => encodePiece(typeof v === "string" ? v : (JSON.stringify(v) ?? ""))) },
    ...(known.length ? [{ weight: 2, arbitrary: fc.constantFrom(...known) }] : []),
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_STRINGS).map((s) => encodePiece(s.slice(0, 2_000))) },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_URL_PIECES, ...PROTOTYPE_NAMES) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 30 }).map(encodePiece) },
  );
}

/**
 * The smallest value that fits the schema, the same every time: required properties only, the first enum value, the
 * documented example, the shortest string, the lowest number. For requests that must get past validation.
 */
export function minimalValueFor(schema: JsonSchema | undefined, resolve: Resolve, depth = 0): unknown {
  if (!schema) return {};
  if (depth > 8) throw new Error("minimalValueFor: schema nests deeper than 8 levels");
  if (schema.$ref) return minimalValueFor(resolve(schema.$ref), resolve, depth + 1);
  if (schema.const !== undefined) return schema.const;
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return minimalValueFor(alternatives[0], resolve, depth + 1);
  if (schema.allOf?.length) return minimalValueFor(Object.assign({}, ...schema.allOf.map((s) => (s.$ref ? resolve(s.$ref) : s))), resolve, depth + 1);
  const [type] = typesOf(schema).filter((t) => t !== "null");
  switch (type) {
    case "object":
      return Object.fromEntries((schema.required ?? []).map((name) => [name, minimalValueFor(schema.properties?.[name], resolve, depth + 1)]));
    case "array":
      return Array.from({ length: schema.minItems ?? 0 }, () => minimalValueFor(schema.items, resolve, depth + 1));
    case "string":
      if (schema.format || schema.pattern) return fc.sample(validString(schema), { numRuns: 1, seed: 1 })[0];
      return "x".repeat(Math.max(schema.minLength ?? 0, 1));
    case "integer":
    case "number":
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0);
    case "boolean":
      return false;
    case undefined:
      return typesOf(schema).includes("null") ? null : {};
    default:
      throw new Error(`minimalValueFor: no minimal value for type ${type}`);
  }
}
