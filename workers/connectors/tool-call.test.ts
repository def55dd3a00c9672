// Typed calls by contract ref: data checked against the ref's output schema, failures passed on untouched.
import { type CallOutcome, toolRef } from "@autoarr/contract";
import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { checkedOutcome, type NamedToolCalls, toolCall, typedToolCalls } from "./tool-call";

const queue = toolRef({
  app: "sabnzbd",
  name: "sabnzbd_queue",
  input: { limit: z.number().int().optional() },
  output: { items: z.array(z.object({ nzoId: z.string(), percentage: z.number() })) },
});
const status = toolRef({ app: "sonarr", name: "sonarr_system_status", input: {}, output: { version: z.string() } });

const answered = (tool: string, data: unknown): CallOutcome => ({ ok: true, tool, app: "sabnzbd", data: data as never, text: "", latencyMs: 3, attempts: 1 });

describe("checkedOutcome", () => {
  it("passes data that matches the ref's output schema, typed by the ref", () => {
    const outcome = checkedOutcome(queue, answered("sabnzbd_queue", { items: [{ nzoId: "SABnzbd_nzo_1", percentage: 40 }] }));
    expect(outcome).toMatchObject({ ok: true, data: { items: [{ nzoId: "SABnzbd_nzo_1", percentage: 40 }] } });
    if (outcome.ok) expectTypeOf(outcome.data.items[0]!.nzoId).toEqualTypeOf<string>();
  });

  it("turns an answer in another shape into an app_error naming the tool and the field, never a throw", () => {
    const outcome = checkedOutcome(queue, answered("sabnzbd_queue", { items: [{ nzo_id: "SABnzbd_nzo_1", percentage: "40" }] }));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toMatchObject({ kind: "app_error", source: "sabnzbd" });
    expect(outcome.error.message).toMatch(/SABnzbd answered sabnzbd_queue in a shape AutoArr does not expect \(items\.0\.nzoId: .*\)/);
    expect(outcome).toMatchObject({ tool: "sabnzbd_queue", app: "sabnzbd", latencyMs: 3, attempts: 1 });
  });

  it("passes a failed call on as it is", () => {
    const failed: CallOutcome = {
      ok: false,
      tool: "sabnzbd_queue",
      app: "sabnzbd",
      error: { kind: "circuit_open", message: "paused", retryInMs: 5 },
      latencyMs: 0,
      attempts: 0,
    };
    expect(checkedOutcome(queue, failed)).toBe(failed);
  });
});

describe("typedToolCalls", () => {
  const asked: { tool: string; arguments?: Record<string, unknown> }[] = [];
  const named: NamedToolCalls = {
    callTool: async (tool, args) => (asked.push({ tool, arguments: args }), answered(tool, { items: [] })),
    callMany: async (calls) => (
      asked.push(...calls), calls.map((c) => answered(c.tool, c.tool === "sonarr_system_status" ? { version: "4.0.1" } : { version: 4 }))
    ),
  };
  const typed = typedToolCalls(named);

  it("calls the ref's tool with its arguments", async () => {
    asked.length = 0;
    expect((await typed.call(queue, { limit: 5 })).ok).toBe(true);
    expect(asked).toEqual([{ tool: "sabnzbd_queue", arguments: { limit: 5 } }]);
  });

  it("checks each answer of a batch against its own ref", async () => {
    asked.length = 0;
    const [version, items] = await typed.callMany([toolCall(status), toolCall(queue, { limit: 1 })]);
    expect(asked).toEqual([{ tool: "sonarr_system_status" }, { tool: "sabnzbd_queue", arguments: { limit: 1 } }]);
    expect(version).toMatchObject({ ok: true, data: { version: "4.0.1" } });
    expect(items).toMatchObject({ ok: false, error: { kind: "app_error" } });
    if (version.ok) expectTypeOf(version.data.version).toEqualTypeOf<string>();
  });
});
