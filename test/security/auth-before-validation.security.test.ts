// Routes that need a caller's credentials answer 401 before they look at its input, so the schema's details (field
// names, limits) are for signed-in callers only: anonymous callers and callers with a token that looks right and is
// not (wrong-tokens.ts). The cases come from walking the OpenAPI document; the operations anyone may call are the
// one list below, each with its reason, so a new public route cannot appear without someone saying why.
import { beforeAll, describe, expect, it } from "vitest";
import { type OpenApiDocument, type Operation, operationsOf } from "../fuzz/openapi-arbitraries";
import { api, errorOf, type Session, signUp } from "../helpers";
import { WRONG_TOKENS } from "./wrong-tokens";

/** Every operation without `security` in the document, and why anyone may call it. (The document itself is not in it.) */
const PUBLIC_OPERATIONS: Record<string, string> = {
  "GET /api/v1": "the API's name and version, what a client reads before it signs in",
  "GET /ping": "liveness, for load balancers and uptime checks",
  "GET /health": "service health, for monitors that hold no account",
  "GET /health/{service}": "one service's health, for the same monitors",
  "POST /api/v1/auth/register": "sign-up: the caller has no account yet",
  "POST /api/v1/auth/login": "sign-in: the password is the credential",
  "POST /api/v1/auth/refresh": "the refresh token (body or cookie) is the credential, the access token has expired",
  "POST /api/v1/auth/logout": "the refresh token (body or cookie) is the credential; signing out must work with an expired access token",
  "GET /api/v1/ws": "browsers cannot set Authorization on a WebSocket: the upgrade carries the access token in Sec-WebSocket-Protocol and the route checks it",
};

interface JsonSchema {
  type?: string | string[];
  maxLength?: number;
  enum?: unknown[];
}

/** A value the parameter's schema refuses, when the schema has a rule that one can break. */
function invalidValue(schema: JsonSchema | undefined): string | undefined {
  if (!schema) return undefined;
  if (schema.maxLength !== undefined) return "x".repeat(schema.maxLength + 1);
  if (schema.enum) return "not-one-of-the-values";
  if (schema.type === "integer" || schema.type === "number") return "not-a-number";
  return undefined;
}

interface Case {
  name: string;
  method: string;
  /** Filled in, with a query string of invalid values where the schema has rules to break. */
  url: string;
  schemes: string[];
  hasInvalidInput: boolean;
  body?: string;
}

const nameOf = (operation: Operation) => `${operation.method} ${operation.path}`;

function caseOf(operation: Operation): Case {
  let url = operation.path;
  const query = new URLSearchParams();
  let hasInvalidInput = false;
  for (const parameter of operation.parameters) {
    const invalid = invalidValue(parameter.schema);
    if (parameter.in === "path") url = url.replace(`{${parameter.name}}`, encodeURIComponent(invalid ?? "some-id"));
    else if (parameter.in === "query" && invalid !== undefined) query.set(parameter.name, invalid);
    if (invalid !== undefined && (parameter.in === "path" || parameter.in === "query")) hasInvalidInput = true;
  }
  // A bare number is no object, so every JSON body schema refuses it.
  const body = operation.body ? "42" : undefined;
  if (body) hasInvalidInput = true;
  if (query.size > 0) url += `?${query}`;
  return { name: nameOf(operation), method: operation.method, url, schemes: operation.security, hasInvalidInput, body };
}

const send = (c: Case, token?: string) =>
  api(c.url, {
    method: c.method,
    ...(c.body !== undefined ? { body: c.body, headers: { "Content-Type": "application/json" } } : {}),
    ...(token ? { token } : {}),
  });

async function refusal(response: Response) {
  const body = (await response.json()) as { error?: { code?: string; message?: string; details?: unknown; traceId?: string } };
  return {
    status: response.status,
    code: body.error?.code,
    message: body.error?.message,
    hasDetails: body.error?.details !== undefined,
    hasTraceId: typeof body.error?.traceId === "string",
  };
}

const operations = operationsOf((await (await api("/api/v1/openapi.json")).json()) as OpenApiDocument);
const cases = operations.filter((operation) => operation.security.length > 0).map(caseOf);
const wrongTokenCases = cases.flatMap((c) => c.schemes.flatMap((scheme) => (WRONG_TOKENS[scheme] ?? []).map((wrong) => ({ ...c, scheme, wrong }))));

let owner: Session;
/** The wrong tokens, made once for the file: by scheme, then by what they are. */
const tokens: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  owner = await signUp("validation-owner");
  for (const [scheme, wrongs] of Object.entries(WRONG_TOKENS)) {
    tokens[scheme] = {};
    for (const wrong of wrongs) tokens[scheme][wrong.what] = await wrong.make(owner);
  }
});

describe("the document's public operations", () => {
  it("declares security on every operation that is not on the public list", () => {
    const undeclared = operations.filter((operation) => operation.security.length === 0 && !(nameOf(operation) in PUBLIC_OPERATIONS)).map(nameOf);
    expect(undeclared, "public without a reason: declare `security` on the route, or add it to PUBLIC_OPERATIONS with why").toEqual([]);
  });

  it("lists as public only operations the document has, and has without security", () => {
    const publicInDocument = new Set(operations.filter((operation) => operation.security.length === 0).map(nameOf));
    expect(Object.keys(PUBLIC_OPERATIONS).filter((name) => !publicInDocument.has(name))).toEqual([]);
  });

  it("knows wrong tokens for every security scheme the document uses", () => {
    const schemes = new Set(cases.flatMap((c) => c.schemes));
    expect(
      [...schemes].filter((scheme) => !WRONG_TOKENS[scheme]?.length),
      "add the scheme's wrong tokens to wrong-tokens.ts",
    ).toEqual([]);
  });
});

describe("sign-in before validation", () => {
  it("finds the operations that declare security, most of them with input to get wrong", () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    expect(cases.filter((c) => c.hasInvalidInput).length).toBeGreaterThanOrEqual(10);
    expect(wrongTokenCases.length).toBeGreaterThanOrEqual(cases.length * 2);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s: an anonymous caller with invalid input gets 401, no details", async (_name, c) => {
    expect(await refusal(await send(c))).toEqual({
      status: 401,
      code: "unauthorized",
      message: expect.any(String),
      hasDetails: false,
      hasTraceId: true,
    });
  });

  it.each(wrongTokenCases.map((c) => [c.name, c.wrong.what, c] as const))(
    "%s: a caller with %s and invalid input gets 401 saying why, no details",
    async (_name, _what, c) => {
      expect(await refusal(await send(c, tokens[c.scheme]![c.wrong.what]))).toEqual({
        status: 401,
        code: "unauthorized",
        message: c.wrong.message,
        hasDetails: false,
        hasTraceId: true,
      });
    },
  );

  it("still validates the same input for a signed-in caller, so the refused cases really were invalid", async () => {
    const withInput = cases.filter((c) => c.hasInvalidInput);
    const answers: Record<string, unknown> = {};
    for (const c of withInput) {
      const response = await send(c, owner.accessToken);
      const error = await errorOf(response);
      answers[c.name] = { status: response.status, code: error.code, hasDetails: error.details !== undefined };
    }
    expect(answers).toEqual(Object.fromEntries(withInput.map((c) => [c.name, { status: 400, code: "invalid_request", hasDetails: true }])));
  });
});
