import { describe, expect, it } from "vitest";
import committed from "../../web/src/api/openapi.json";
import { api } from "../helpers";

// The web app's API types are generated from web/src/api/openapi.json; a route or schema change that is not
// regenerated leaves them describing an API the Worker no longer serves.
describe("the committed OpenAPI document", () => {
  it("is the one the Worker serves", async () => {
    const served = await (await api("/api/v1/openapi.json")).json();
    expect(served, "web/src/api/openapi.json is stale: run `npm run api:types` and commit web/src/api/openapi.*").toEqual(committed);
  });
});
