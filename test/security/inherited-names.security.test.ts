// Names an object inherits (constructor, __proto__, toString, …) used as path parameters. `name in map` matched them,
// and GET /health/constructor answered with the Worker's whole environment, secrets included.
import { describe, expect, it } from "vitest";
import { api, signUp } from "../helpers";

const INHERITED = ["constructor", "__proto__", "toString", "valueOf", "hasOwnProperty", "__defineGetter__", "__lookupSetter__", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "prototype"];

describe("inherited property names as path parameters", () => {
  for (const name of INHERITED) {
    it(`GET /health/${name} is a 404 with the error envelope and no secret, signed in or not`, async () => {
      const owner = await signUp("inherited");
      for (const token of [undefined, owner.accessToken]) {
        const response = await api(`/health/${name}`, { token });
        const text = await response.text();
        expect(response.status).toBe(404);
        expect(JSON.parse(text)).toMatchObject({ error: { code: "not_found" } });
        expect(text).not.toContain("test-secret-key-for-vitest-only");
        expect(text).not.toContain("test-metrics-token");
        expect(text).not.toContain("sk-test-fake");
      }
    });
  }

  it("still answers the platform parts and says which names exist", async () => {
    for (const part of ["worker", "d1", "kv"]) expect((await api(`/health/${part}`)).status).toBe(200);
    const response = await api("/health/nope");
    expect(response.status).toBe(404);
  });
});
