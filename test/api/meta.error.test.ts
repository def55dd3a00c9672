import { describe, expect, it } from "vitest";
import { api, errorOf } from "../helpers";

describe("error envelope", () => {
  it("answers an unknown API route with a JSON 404", async () => {
    const response = await api("/api/v1/does-not-exist");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/json");
    const error = await errorOf(response);
    expect(error.code).toBe("not_found");
    expect(error.message).toContain("/api/v1/does-not-exist");
  });

  it("answers malformed JSON with a 400, not a 500", async () => {
    const response = await api("/api/v1/auth/login", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{not json" });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe("invalid_request");
  });

  it("refuses bodies over 64 KB with 413", async () => {
    const response = await api("/api/v1/auth/login", { method: "POST", json: { email: "a@b.co", password: "x".repeat(70_000) } });
    expect(response.status).toBe(413);
    expect((await errorOf(response)).code).toBe("payload_too_large");
  });

  it("refuses bodies that are not JSON with 415", async () => {
    const response = await api("/api/v1/auth/login", { method: "POST", headers: { "Content-Type": "text/plain" }, body: "email=a" });
    expect(response.status).toBe(415);
    expect((await errorOf(response)).code).toBe("unsupported_media_type");
  });

  it("allows CORS only from configured origins", async () => {
    const allowed = await api("/api/v1", { method: "OPTIONS", headers: { Origin: "https://app.example.test", "Access-Control-Request-Method": "GET" } });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example.test");
    const foreign = await api("/api/v1", { method: "OPTIONS", headers: { Origin: "https://evil.example", "Access-Control-Request-Method": "GET" } });
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
  });
});
