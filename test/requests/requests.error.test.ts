// Bad input to the request endpoints: refused with 400 (or 404/409) before anything is looked up. Bodies that are
// not JSON (415) are refused for every route alike: test/security/request-bodies.security.test.ts.
import { describe, expect, it } from "vitest";
import { api, errorOf, signUp } from "../helpers";

describe("request endpoints refuse bad input", () => {
  const bodies: [string, unknown][] = [
    ["an empty query", { query: "" }],
    ["a blank query", { query: "   \n\t " }],
    ["a 2,000-character query", { query: "Breaking Bad ".repeat(154).slice(0, 2000) }],
    ["a number", { query: 42 }],
    ["a list", { query: ["Dune"] }],
    ["null", { query: null }],
    ["no query at all", {}],
  ];

  for (const path of ["/api/v1/requests", "/api/v1/requests/parse"]) {
    for (const [what, json] of bodies) {
      it(`answers 400 to ${what} at POST ${path}`, async () => {
        const { accessToken } = await signUp("bad-input");
        const response = await api(path, { method: "POST", token: accessToken, json });
        expect(response.status).toBe(400);
        expect((await errorOf(response)).code).toBe("invalid_request");
      });
    }
  }

  it("answers 401 without a token", async () => {
    expect((await api("/api/v1/requests", { method: "POST", json: { query: "Dune" } })).status).toBe(401);
    expect((await api("/api/v1/requests")).status).toBe(401);
  });

  it("answers 404 for an unknown request and 400 for a bad cursor, status or choice", async () => {
    const { accessToken } = await signUp("unknown");
    expect((await api("/api/v1/requests/does-not-exist", { token: accessToken })).status).toBe(404);
    expect((await api("/api/v1/requests/does-not-exist/choose", { method: "POST", token: accessToken, json: { optionId: "radarr:1" } })).status).toBe(404);
    expect((await api("/api/v1/requests?cursor=%%%", { token: accessToken })).status).toBe(400);
    expect((await api("/api/v1/requests?status=lost", { token: accessToken })).status).toBe(400);
    expect((await api("/api/v1/requests?limit=1000", { token: accessToken })).status).toBe(400);
    expect((await api("/api/v1/requests/x/choose", { method: "POST", token: accessToken, json: { optionId: 7 } })).status).toBe(400);
  });

  it("records a request as failed, not an error, when the tenant has no connector", async () => {
    const { accessToken } = await signUp("no-connector");
    const response = await api("/api/v1/requests", { method: "POST", token: accessToken, json: { query: "Dune (2021)" } });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { status: string; reason: string };
    expect(body.status).toBe("failed");
    expect(body.reason).toMatch(/Could not look "Dune" up/);
  });
});
