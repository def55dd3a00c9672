import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../env";
import { onError } from "./error-handler";

function appThrowing(error: unknown) {
  const app = new Hono<AppEnv>();
  app.onError(onError);
  app.get("/", () => {
    throw error;
  });
  return app;
}

describe("error handler", () => {
  it("answers 503 with Retry-After when a Durable Object is overloaded, not 500", async () => {
    // What the runtime throws past an object's throughput: an Error with `overloaded` set.
    const overloaded = Object.assign(new Error("Durable Object is overloaded. Too many requests queued."), { overloaded: true, retryable: false });
    const response = await appThrowing(overloaded).request("/");
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("1");
    expect(await response.json()).toMatchObject({ error: { code: "upstream_unavailable" } });
  });

  it("still answers an unknown error with 500 and no detail", async () => {
    const response = await appThrowing(new Error("secret internals")).request("/");
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain("secret internals");
  });
});
