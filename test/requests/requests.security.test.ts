// Requests belong to their tenant: another tenant can neither see, read nor continue them.
import { afterAll, describe, expect, it } from "vitest";
import { api, signUp } from "../helpers";
import { pairedTenant, removeStack, sim, type Stack } from "../stacks";
import { request } from "./request-helpers";

const stacks: Stack[] = [];
afterAll(async () => Promise.all(stacks.map(removeStack)));

describe("request tenant isolation", () => {
  it("hides one tenant's requests from another and refuses their ids with 404", async () => {
    const { owner, stack } = await pairedTenant("iso-owner");
    stacks.push(stack);
    const { body } = await request(owner.accessToken, "get me dune");
    expect(body.status).toBe("needs_choice");

    const stranger = await signUp("iso-stranger");
    expect((await api(`/api/v1/requests/${body.id}`, { token: stranger.accessToken })).status).toBe(404);
    const choose = await api(`/api/v1/requests/${body.id}/choose`, { method: "POST", token: stranger.accessToken, json: { optionId: body.options![0]!.optionId } });
    expect(choose.status).toBe(404);
    const list = (await (await api("/api/v1/requests", { token: stranger.accessToken })).json()) as { items: unknown[] };
    expect(list.items).toEqual([]);

    // The stranger's attempt reached nothing of the owner's apps.
    expect((await sim.requests(stack, "radarr")).filter((r) => r.method === "POST")).toHaveLength(0);
    expect((await (await api(`/api/v1/requests/${body.id}`, { token: owner.accessToken })).json()) as { status: string }).toMatchObject({ status: "needs_choice" });
  });
});
