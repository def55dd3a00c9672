// A connector tool as both ends see it: its name, its app, and the zod shapes of its arguments and its structured
// output. The connector implements a ref; the hub client calls one and gets the output's type back.
import { z } from "zod";
import type { AppId } from "./apps.js";

export interface ToolRef<N extends string = string, I extends z.ZodRawShape = z.ZodRawShape, O extends z.ZodRawShape = z.ZodRawShape> {
  /** The app it belongs to; null for a stack tool, which answers for every configured app and belongs to none. */
  readonly app: AppId | null;
  readonly name: N;
  /** The fields of the arguments object, as MCP's `inputSchema` advertises them. */
  readonly input: I;
  /** The fields of `structuredContent`, as MCP's `outputSchema` advertises them. */
  readonly output: O;
}

// biome-ignore lint/suspicious/noExplicitAny: any ref, whatever its shapes.
export type AnyToolRef = ToolRef<string, any, any>;
/** What a caller passes (defaults may be left out). */
export type ToolInput<T extends AnyToolRef> = z.input<z.ZodObject<T["input"]>>;
/** What the tool answers, after its schema's defaults. */
export type ToolOutput<T extends AnyToolRef> = z.output<z.ZodObject<T["output"]>>;

export function toolRef<N extends string, I extends z.ZodRawShape, O extends z.ZodRawShape>(ref: ToolRef<N, I, O>): ToolRef<N, I, O> {
  return ref;
}

/** Validates an answer against the ref's output schema (the contract both ends compile against). */
export function parseToolOutput<T extends AnyToolRef>(ref: T, data: unknown): z.ZodSafeParseResult<ToolOutput<T>> {
  return z.object(ref.output).safeParse(data) as z.ZodSafeParseResult<ToolOutput<T>>;
}
