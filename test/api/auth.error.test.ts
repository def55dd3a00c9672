import { describe, expect, it } from "vitest";
import { api, errorOf, signUp } from "../helpers";

describe("sign-in failures", () => {
  it("refuses a duplicate email with 409", async () => {
    const account = await signUp("dup");
    const response = await api("/api/v1/auth/register", {
      method: "POST",
      json: { email: account.user.email.toUpperCase(), password: "another password", tenantName: "Second" },
    });
    expect(response.status).toBe(409);
    expect((await errorOf(response)).code).toBe("conflict");
  });

  it("gives the same 401 for a wrong password and an unknown email", async () => {
    const account = await signUp("wrongpw");
    const wrong = await api("/api/v1/auth/login", { method: "POST", json: { email: account.user.email, password: "not the password" } });
    const unknown = await api("/api/v1/auth/login", { method: "POST", json: { email: "nobody@example.com", password: "whatever123" } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await errorOf(wrong)).message).toBe((await errorOf(unknown)).message);
  });

  it.each([
    ["no body fields", {}],
    ["a malformed email", { email: "not-an-email", password: "long enough pw", tenantName: "x" }],
    ["a short password", { email: "short@example.com", password: "short", tenantName: "x" }],
    ["an empty tenant name", { email: "empty@example.com", password: "long enough pw", tenantName: "   " }],
    ["unknown fields", { email: "extra@example.com", password: "long enough pw", tenantName: "x", admin: true }],
    ["wrong types", { email: 42, password: ["a"], tenantName: null }],
  ])("refuses registration with %s as 400 with the zod issues", async (_label, body) => {
    const response = await api("/api/v1/auth/register", { method: "POST", json: body });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe("invalid_request");
    expect(Array.isArray(error.details)).toBe(true);
    expect((error.details as unknown[]).length).toBeGreaterThan(0);
  });
});
