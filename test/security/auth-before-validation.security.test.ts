// Routes that need a user answer an anonymous caller 401 before they look at its input, so the schema's
// details (field names, limits) are for signed-in callers only. The cases come from the OpenAPI document itself.
import { beforeAll, describe, expect, it } from "vitest";
import { api, errorOf, type Session, signUp } from "../helpers";

interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: JsonSchema;
}

interface JsonSchema {
  type?: string;
  maxLength?: number;
  enum?: unknown[];
  minimum?: number;
}

interface Operation {
  security?: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: unknown;
}

type Document = { paths: Record<string, Record<string, Operation>> };

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
  path: string;
  hasInvalidInput: boolean;
  body?: string;
}

function casesFrom(document: Document): Case[] {
  const cases: Case[] = [];
  for (const [template, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (!operation.security?.length) continue;
      let path = template;
      const query = new URLSearchParams();
      let hasInvalidInput = false;
      for (const parameter of operation.parameters ?? []) {
        const invalid = invalidValue(parameter.schema);
        if (parameter.in === "path") {
          path = path.replace(`{${parameter.name}}`, encodeURIComponent(invalid ?? "some-id"));
        } else if (parameter.in === "query" && invalid !== undefined) {
          query.set(parameter.name, invalid);
        }
        if (invalid !== undefined && (parameter.in === "path" || parameter.in === "query")) hasInvalidInput = true;
      }
      // A bare number is no object, so every JSON body schema refuses it.
      const body = operation.requestBody ? "42" : undefined;
      if (body) hasInvalidInput = true;
      const search = query.size > 0 ? `?${query}` : "";
      cases.push({ name: `${method.toUpperCase()} ${template}`, method: method.toUpperCase(), path: path + search, hasInvalidInput, body });
    }
  }
  return cases;
}

const send = (c: Case, token?: string) =>
  api(c.path, {
    method: c.method,
    ...(c.body !== undefined ? { body: c.body, headers: { "Content-Type": "application/json" } } : {}),
    ...(token ? { token } : {}),
  });

let cases: Case[];
let owner: Session;

beforeAll(async () => {
  cases = casesFrom((await (await api("/api/v1/openapi.json")).json()) as Document);
  owner = await signUp("validation-owner");
});

describe("sign-in before validation", () => {
  it("finds the operations that declare security, most of them with input to get wrong", () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    expect(cases.filter((c) => c.hasInvalidInput).length).toBeGreaterThanOrEqual(10);
  });

  it("answers an anonymous caller with invalid input 401 with the error envelope and no details, on every secured operation", async () => {
    const answers: Record<string, unknown> = {};
    for (const c of cases) {
      const response = await send(c);
      const body = (await response.json()) as { error?: { code?: string; message?: string; details?: unknown; traceId?: string } };
      answers[c.name] = { status: response.status, code: body.error?.code, hasDetails: body.error?.details !== undefined, hasTraceId: typeof body.error?.traceId === "string" };
    }
    const expected = Object.fromEntries(cases.map((c) => [c.name, { status: 401, code: "unauthorized", hasDetails: false, hasTraceId: true }]));
    expect(answers).toEqual(expected);
  });

  it("still validates the same input for a signed-in caller, so the anonymous case really was invalid", async () => {
    const withInput = cases.filter((c) => c.hasInvalidInput);
    const answers: Record<string, unknown> = {};
    for (const c of withInput) {
      const response = await send(c, owner.accessToken);
      const error = await errorOf(response);
      answers[c.name] = { status: response.status, code: error.code, hasDetails: error.details !== undefined };
    }
    expect(answers).toEqual(Object.fromEntries(withInput.map((c) => [c.name, { status: 400, code: "invalid_request", hasDetails: true }])));
  });

  it("tells an anonymous caller with an unusable token why it was refused, still before validation", async () => {
    const withBody = cases.find((c) => c.body !== undefined)!;
    const response = await send(withBody, "not-a-jwt");
    expect(response.status).toBe(401);
    const error = await errorOf(response);
    expect(error.details).toBeUndefined();
    expect(error.code).toBe("unauthorized");
  });
});
