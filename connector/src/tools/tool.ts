// The shape every connector tool is written in, and the adapter that registers it on an McpServer.
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { type AnyToolRef, APP_TIMEOUT_CAPABILITY, type AppId, callAppTimeoutMs, type ToolOutput } from "@autoarr/contract";
import { type AppFailure, type Result, withinAppTimeout } from "../http/upstream.js";
import type { Logger } from "../logger.js";
import { redactSecrets } from "../redact.js";
import { currentTraceId } from "../trace.js";

export interface ToolHints {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
}

export type ToolOutcome<O> = { ok: true; data: O; text: string } | { ok: false; failure: AppFailure };

/** The arguments a tool's `run` receives: the ref's input after its schema's defaults. */
export type ToolArgs<R extends AnyToolRef> = z.output<z.ZodObject<R["input"]>>;

/** What the connector adds to a contract ref: the words the model reads, the hints, and the work. */
export interface ToolImplementation<R extends AnyToolRef> {
  title: string;
  description: string;
  annotations: ToolHints;
  run(args: ToolArgs<R>): Promise<ToolOutcome<ToolOutput<R>>>;
}

export interface ToolSpec<I extends z.ZodRawShape = z.ZodRawShape, O extends z.ZodRawShape = z.ZodRawShape> {
  /** null for a stack tool (tools.stack), which answers for every configured app. */
  app: AppId | null;
  name: string;
  title: string;
  description: string;
  input: I;
  output: O;
  annotations: ToolHints;
  run(args: z.output<z.ZodObject<I>>): Promise<ToolOutcome<z.output<z.ZodObject<O>>>>;
}

/** Implements a contract ref: name, app and shapes come from the ref, so `run` is typed by what the contract declares. */
export function defineTool<R extends AnyToolRef>(ref: R, implementation: ToolImplementation<R>): ToolSpec {
  const { app, name, input, output } = ref;
  return { app, name, input, output, ...implementation } as unknown as ToolSpec;
}

export const READ_ONLY: ToolHints = { readOnlyHint: true, destructiveHint: false, idempotentHint: true };
export const WRITE_IDEMPOTENT: ToolHints = { readOnlyHint: false, destructiveHint: false, idempotentHint: true };
export const WRITE: ToolHints = { readOnlyHint: false, destructiveHint: false, idempotentHint: false };
export const DESTRUCTIVE: ToolHints = { readOnlyHint: false, destructiveHint: true, idempotentHint: false };
/** Deletes something, and deleting it again changes nothing more (e.g. a blocklist entry). */
export const DESTRUCTIVE_IDEMPOTENT: ToolHints = { readOnlyHint: false, destructiveHint: true, idempotentHint: true };

/** The fields of `D` that `O` does not declare, each typed `never`: so an undeclared field fails to compile. */
type NoExtraFields<D, O> = { [K in Exclude<keyof D, keyof O>]: never };

/**
 * Turns an upstream result into a tool outcome, shaping the success value with `shape`. `O` is the tool's declared
 * output (from the `run` it is returned by), so `data` must have every field the contract requires and no other.
 */
export function outcome<T, O, D extends NoInfer<O>>(
  result: Result<T>,
  shape: (value: T) => { data: D & NoExtraFields<D, NoInfer<O>>; text: string },
): ToolOutcome<O> {
  return result.ok ? { ok: true, ...shape(result.value) } : { ok: false, failure: result.failure };
}

export function failure(message: string): ToolOutcome<never> {
  return { ok: false, failure: { kind: "app", message } };
}

export interface RegisterOptions {
  logger: Logger;
  /** Configured API keys and tokens; scrubbed from every result as a last line of defence. */
  secrets: readonly string[];
  /** How long one tool call may wait for its app, all its requests together; advertised to the hub at initialize. */
  appTimeoutMs: number;
}

/** `_meta` of a failed call: its kind (and HTTP status, or the limit a timeout hit) tell AutoArr whose failure it is. */
function failureMeta(failure: AppFailure) {
  return {
    "autoarr/failure": {
      kind: failure.kind,
      ...(failure.status === undefined ? {} : { status: failure.status }),
      ...(failure.timeoutMs === undefined ? {} : { timeoutMs: failure.timeoutMs }),
    },
  };
}

export function registerToolSpecs(server: McpServer, specs: readonly ToolSpec[], options: RegisterOptions): void {
  server.server.registerCapabilities({ experimental: { [APP_TIMEOUT_CAPABILITY]: { ms: options.appTimeoutMs } } });
  for (const spec of specs) {
    const handler = async (args: Record<string, unknown>): Promise<CallToolResult> => {
      const started = Date.now();
      try {
        const result = await withinAppTimeout(callAppTimeoutMs(spec.name, args, options.appTimeoutMs), () => spec.run(args as never));
        options.logger.info("tool call", {
          tool: spec.name,
          traceId: currentTraceId(),
          ok: result.ok,
          ms: Date.now() - started,
          ...(result.ok ? {} : { failure: result.failure.kind }),
        });
        if (!result.ok) {
          return {
            isError: true,
            content: [{ type: "text", text: redactSecrets(result.failure.message, options.secrets) }],
            _meta: failureMeta(result.failure),
          };
        }
        const data = redactSecrets(result.data as Record<string, unknown>, options.secrets);
        return { content: [{ type: "text", text: redactSecrets(result.text, options.secrets) }], structuredContent: data };
      } catch (error) {
        options.logger.error("tool crashed", {
          tool: spec.name,
          traceId: currentTraceId(),
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        });
        return { isError: true, content: [{ type: "text", text: `Internal connector error in ${spec.name}; see the connector's logs` }] };
      }
    };
    server.registerTool(
      spec.name,
      {
        title: spec.title,
        description: spec.description,
        inputSchema: spec.input,
        outputSchema: spec.output,
        annotations: { title: spec.title, ...spec.annotations, openWorldHint: false },
      },
      handler as never,
    );
  }
}

export interface ToolCatalogEntry {
  /** null for a stack tool (tools.stack), which answers for every configured app. */
  app: AppId | null;
  name: string;
  title: string;
  description: string;
  annotations: ToolHints;
  inputSchema: unknown;
  outputSchema: unknown;
}

export function describeTool(spec: ToolSpec): ToolCatalogEntry {
  return {
    app: spec.app,
    name: spec.name,
    title: spec.title,
    description: spec.description,
    annotations: spec.annotations,
    inputSchema: z.toJSONSchema(z.object(spec.input)),
    outputSchema: z.toJSONSchema(z.object(spec.output)),
  };
}
