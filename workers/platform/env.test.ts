// The vars and secrets, parsed once per env object with their defaults.
import { describe, expect, it } from "vitest";
import { envVars } from "./env";

describe("envVars", () => {
  it("gives every unset or empty var its default", () => {
    expect(envVars({ CIRCUIT_OPEN_SECONDS: "" })).toMatchObject({
      APP_VERSION: "dev",
      CORS_ALLOWED_ORIGINS: [],
      ACCESS_TOKEN_TTL_SECONDS: 900,
      REFRESH_TOKEN_TTL_DAYS: 30,
      MCP_CALL_TIMEOUT_MS: 15_000,
      AUTOARR_ALLOW_LOOPBACK_CONNECTORS: false,
    });
    expect(envVars({}).ANTHROPIC_API_KEY).toBeUndefined();
    // The breaker's defaults are the breaker's (circuit-breaker.logic.ts), so these stay unset.
    expect(envVars({}).CIRCUIT_FAILURE_THRESHOLD).toBeUndefined();
  });

  it("reads numbers, lists and switches from their text", () => {
    const vars = envVars({
      ACCESS_TOKEN_TTL_SECONDS: "60",
      CORS_ALLOWED_ORIGINS: "https://a.test, https://b.test,",
      AUTOARR_ALLOW_LOOPBACK_CONNECTORS: "true",
      ANTHROPIC_API_KEY: "  ",
    });
    expect(vars).toMatchObject({
      ACCESS_TOKEN_TTL_SECONDS: 60,
      CORS_ALLOWED_ORIGINS: ["https://a.test", "https://b.test"],
      AUTOARR_ALLOW_LOOPBACK_CONNECTORS: true,
      ANTHROPIC_API_KEY: undefined,
    });
  });

  it("parses one env object once", () => {
    const env = { APP_VERSION: "1.2.3" };
    expect(envVars(env)).toBe(envVars(env));
    expect(envVars({ ...env, APP_VERSION: "2.0.0" }).APP_VERSION).toBe("2.0.0");
  });

  it("refuses a var that does not parse, naming it", () => {
    expect(() => envVars({ CIRCUIT_FAILURE_THRESHOLD: "many" })).toThrow(/CIRCUIT_FAILURE_THRESHOLD/);
  });
});
