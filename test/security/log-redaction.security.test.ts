// A failed D1 query's error carries its bound values (drizzle writes "Failed query: <sql>\nparams: <values>"), and
// those can be secrets — a sealed webhook URL, a password hash. Logs keep the SQL text and never the values: not
// from the unhandled-error handler, not from an error's cause, not from an error turned into a string first.
import { env } from "cloudflare:test";
import { DrizzleQueryError } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { tenantSettings } from "../../workers/platform/db/schema";
import { createLogger } from "../../workers/platform/logger";
import { database } from "../../workers/platform/db/database";
import { api, signUp } from "../helpers";

const SECRET_LOOKING = "v2.0123456789abcdef.c2VjcmV0LWxvb2tpbmctaXY.c2VjcmV0LWxvb2tpbmctY2lwaGVydGV4dA";
const SEALED_VALUE = /v2\.[0-9a-f]{16}\.[\w-]+\.[\w-]+/;

function captureConsole(): string[] {
  const printed: string[] = [];
  for (const method of ["log", "warn", "error"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(" ")));
  }
  return printed;
}

/** A real drizzle error from a write D1 refused, with SECRET_LOOKING among its bound values. */
async function failedWrite(): Promise<DrizzleQueryError> {
  const owner = await signUp("redaction-direct");
  try {
    await database(env.DB)
      .insert(tenantSettings)
      .values({ tenantId: owner.tenant.id, recovery: { webhookUrlSealed: SECRET_LOOKING }, updatedAt: new Date() });
  } catch (error) {
    if (error instanceof DrizzleQueryError) return error;
    throw error;
  }
  throw new Error("the write was expected to fail");
}

beforeAll(async () => {
  // Every write of recovery settings fails in this file's database, as a constraint violation would.
  await env.DB.prepare("CREATE TRIGGER refuse_settings BEFORE INSERT ON tenant_settings BEGIN SELECT RAISE(ABORT, 'refused by the test'); END").run();
});

afterEach(() => vi.restoreAllMocks());

describe("database errors in logs", () => {
  it("the unhandled-error log of a failed write keeps the SQL and drops the bound values (a sealed webhook URL)", async () => {
    const owner = await signUp("redaction-route");
    const webhookUrl = "https://hooks.example.com/redaction/very-secret-path";
    const printed = captureConsole();
    const response = await api("/api/v1/settings/recovery", { method: "PUT", token: owner.accessToken, json: { enabled: true, mode: "auto", webhookUrl } });
    vi.restoreAllMocks();
    expect(response.status).toBe(500);

    const line = printed.find((l) => l.includes("unhandled error"));
    expect(line).toBeDefined();
    expect(line).toContain('insert into \\"tenant_settings\\"');
    expect(line).toContain("refused by the test");
    expect(line).not.toMatch(SEALED_VALUE);
    expect(line).not.toContain(owner.tenant.id);
    expect(line).not.toContain("very-secret-path");
  });

  it("an error logged as an object, with its cause, or already turned into a string keeps the SQL and drops the values", async () => {
    const error = await failedWrite();
    expect(error.message).toContain(SECRET_LOOKING);
    const wrapped = new Error("could not save", { cause: error });

    const printed = captureConsole();
    const logger = createLogger("redaction-test");
    logger.error("as an object", { error });
    logger.error("as a cause", { error: wrapped });
    logger.warn("as String()", { error: String(error) });
    logger.error("as its message", { error: error.message });
    logger.error("nested", { details: { attempts: [{ error }] } });
    vi.restoreAllMocks();

    expect(printed).toHaveLength(5);
    for (const line of printed) {
      expect(line).toContain('insert into \\"tenant_settings\\"');
      expect(line).not.toContain(SECRET_LOOKING);
      expect(line).not.toContain("c2VjcmV0LWxvb2tpbmctY2lwaGVydGV4dA");
    }
    const [asObject, asCause] = printed.map((l) => JSON.parse(l) as { context: Record<string, { name?: string; cause?: unknown }> });
    expect(asObject!.context.error!.name).toBe("DrizzleQueryError");
    expect(JSON.stringify(asCause!.context.error!.cause)).toContain("refused by the test");
  });
});
