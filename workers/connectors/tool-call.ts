// A typed call to a connector tool by its contract ref: the arguments are the ref's input, and a successful
// outcome's data is checked against the ref's output schema, so a connector answering in another shape is a
// failed outcome (app_error) rather than a value the caller trusts.
import { type AnyToolRef, type CallOutcome, displayName, parseToolOutput, type ToolInput, type ToolOutput } from "@autoarr/contract";
import type { CallContext } from "../../durable-objects/tenant-hub/orchestrator";

/** One call of a batch: the ref and its arguments. */
export interface ToolCall<R extends AnyToolRef = AnyToolRef> {
  tool: R;
  arguments?: ToolInput<R>;
}

/** The outcomes of a batch, each typed by its own ref. */
export type OutcomesOf<C extends readonly ToolCall[]> = { -readonly [K in keyof C]: CallOutcome<ToolOutput<C[K]["tool"]>> };

/** A batch entry with its arguments checked against its ref (an inline object literal is checked only loosely). */
// biome-ignore lint/complexity/noBannedTypes: `{} extends ToolInput<R>` asks whether every argument may be left out.
export function toolCall<R extends AnyToolRef>(tool: R, ...args: {} extends ToolInput<R> ? [ToolInput<R>?] : [ToolInput<R>]): ToolCall<R> {
  return args[0] === undefined ? { tool } : { tool, arguments: args[0] };
}

/** Calls by tool name, untyped: what the hub's orchestrator (or its RPC) offers. */
export interface NamedToolCalls {
  callTool(tool: string, args: Record<string, unknown>, context?: CallContext): Promise<CallOutcome>;
  callMany(calls: { tool: string; arguments?: Record<string, unknown> }[], context?: CallContext): Promise<CallOutcome[]>;
}

/** Calls by contract ref, typed. */
export interface ToolCalls {
  call<R extends AnyToolRef>(ref: R, args: ToolInput<R>, context?: CallContext): Promise<CallOutcome<ToolOutput<R>>>;
  callMany<const C extends readonly ToolCall[]>(calls: C, context?: CallContext): Promise<OutcomesOf<C>>;
}

export function typedToolCalls(named: NamedToolCalls): ToolCalls {
  return {
    async call(ref, args, context) {
      return checkedOutcome(ref, await named.callTool(ref.name, args as Record<string, unknown>, context));
    },
    async callMany(calls, context) {
      const outcomes = await named.callMany(
        calls.map((c) => ({ tool: c.tool.name, ...(c.arguments === undefined ? {} : { arguments: c.arguments as Record<string, unknown> }) })),
        context,
      );
      return outcomes.map((outcome, i) => checkedOutcome(calls[i]!.tool, outcome)) as never;
    },
  };
}

/** The outcome with its data validated against the ref's output schema. */
export function checkedOutcome<R extends AnyToolRef>(ref: R, outcome: CallOutcome): CallOutcome<ToolOutput<R>> {
  if (!outcome.ok) return outcome;
  const parsed = parseToolOutput(ref, outcome.data);
  if (parsed.success) return { ...outcome, data: parsed.data };
  const where = parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
    .join("; ");
  const { data: _unexpected, text: _text, ...rest } = outcome;
  return {
    ...rest,
    ok: false,
    error: {
      kind: "app_error",
      // A stack tool (tools.stack) belongs to no app: its misshapen answer is the connector's.
      source: outcome.app ?? "connector",
      message: `${displayName(outcome.app ?? "connector")} answered ${ref.name} in a shape AutoArr does not expect (${where})`,
    },
  };
}
