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
});
