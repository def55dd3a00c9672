// Browsers on a foreign origin get no CORS headers at all: they can neither preflight nor read an answer.
import { describe, expect, it } from "vitest";
import { api, signUp } from "../helpers";

const ALLOWED = "https://app.example.test"; // CORS_ALLOWED_ORIGINS in vitest.config.ts
const FOREIGN = [
  "https://evil.example",
  "null",
  "https://app.example.test.evil.example",
  "http://app.example.test",
  "https://evil.example/https://app.example.test",
];

const corsHeaders = (response: Response) => [...response.headers.keys()].filter((name) => name.startsWith("access-control-"));
const preflight = (origin: string) =>
  api("/api/v1/me", {
    method: "OPTIONS",
    headers: { Origin: origin, "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "authorization" },
  });

describe("CORS", () => {
  it("answers a preflight from the configured origin with its allow headers", async () => {
    const response = await preflight(ALLOWED);
    expect(response.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(response.headers.get("access-control-allow-headers")).toContain("Authorization");
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it.each(FOREIGN)("gives a preflight from %s no Access-Control-* header", async (origin) => {
    const response = await preflight(origin);
    expect(corsHeaders(response)).toEqual([]);
    expect(response.headers.get("vary")).toContain("Origin");
  });

  it.each(FOREIGN)("gives a signed-in request from %s an answer a browser may not read", async (origin) => {
    const owner = await signUp("cors-foreign");
    const response = await api("/api/v1/me", { token: owner.accessToken, headers: { Origin: origin } });
    expect(corsHeaders(response)).toEqual([]);
    expect(response.headers.get("vary")).toContain("Origin");
  });
});
