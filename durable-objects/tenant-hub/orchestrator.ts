// Every call a tenant makes to its apps: through the circuit breakers, at most 10 in flight, with a deadline longer
// than the connector's own app timeout, retried with backoff only when the request never ran and it is safe to repeat.
// Expected failures come back as results, never throws.
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { CfWorkerJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/cfworker-provider.js";
import pLimit from "p-limit";
import {
  type AppId,
  appOfTool,
  type BreakerKey,
  type CallError,
  type CallOutcome,
  displayName,
  isStackTool,
  type JsonValue,
  type ToolSummary,
  isAppHealthFailure,
} from "@autoarr/contract";
import { resultText, toolFailure } from "./tool-result";
import type { ConnectorClient } from "./connector-client";
import { connectorFailure } from "./connector-failure";
import { backoffDelay, DEFAULT_RETRY, type RetryPolicy } from "./retry";
import { callAppTimeoutMs, DEFAULT_APP_TIMEOUT_MS, hubDeadlineMs } from "@autoarr/contract";

export interface BreakerGate {
  /** Asks to make a call; false means fail fast. */
  request(key: BreakerKey): { permitted: boolean; retryInMs: number };
  success(key: BreakerKey, latencyMs: number): void;
  failure(key: BreakerKey, error: string, latencyMs?: number): void;
  /** Releases a half-open trial that was granted but not used. */
  release(key: BreakerKey): void;
}

export interface OrchestratorOptions {
  /** The least the hub waits for the connector (MCP_CALL_TIMEOUT_MS); a tool call also waits out its app timeout. */
  timeoutMs: number;
  maxInFlight: number;
  retry: RetryPolicy;
}

export const DEFAULT_ORCHESTRATOR_OPTIONS: OrchestratorOptions = { timeoutMs: hubDeadlineMs(DEFAULT_APP_TIMEOUT_MS), maxInFlight: 10, retry: DEFAULT_RETRY };

/** What the orchestrator needs of its connector's MCP session. */
export type ConnectorConnection = Pick<ConnectorClient, "cachedTools" | "listTools" | "callTool" | "forget" | "appTimeoutMs">;

export interface CallRequest {
  tool: string;
  arguments?: Record<string, unknown>;
}

/** No deadline here: a caller's shorter one would cut the connector off before it reports its app's timeout. */
export interface CallContext {
  traceparent?: string;
}

const validator = new CfWorkerJsonSchemaValidator();

type ArgumentCheck = ReturnType<typeof validator.getValidator>;

/**
 * The summaries and compiled argument checks of one tool list, made once per list rather than per call: copying 60
 * schemas and compiling one on every call was measurable work on each call's path.
 */
interface ListedTools {
  summaries: ToolSummary[];
  byName: Map<string, ToolSummary>;
  checks: Map<string, ArgumentCheck>;
}
const listings = new WeakMap<Tool[], ListedTools>();

function listed(tools: Tool[]): ListedTools {
  let known = listings.get(tools);
  if (!known) {
    const summaries = tools.map(summarise);
    known = { summaries, byName: new Map(summaries.map((t) => [t.name, t])), checks: new Map() };
    listings.set(tools, known);
  }
  return known;
}

function argumentCheck(listing: ListedTools, definition: ToolSummary): ArgumentCheck {
  let check = listing.checks.get(definition.name);
  if (!check) {
    check = validator.getValidator(definition.inputSchema as never);
    listing.checks.set(definition.name, check);
  }
  return check;
}

type Attempt = { ok: true; outcome: CallOutcome } | { ok: false; error: CallError; retryable: boolean };

export class Orchestrator {
  private readonly limit: ReturnType<typeof pLimit>;

  constructor(
    private readonly client: () => Promise<ConnectorConnection | null>,
    private readonly breakers: BreakerGate,
    private readonly options: OrchestratorOptions = DEFAULT_ORCHESTRATOR_OPTIONS,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    this.limit = pLimit(options.maxInFlight);
  }

  get inFlight(): number {
    return this.limit.activeCount;
  }

  async listTools(context: CallContext = {}): Promise<{ ok: true; tools: ToolSummary[] } | { ok: false; error: CallError }> {
    const listing = await this.listing(context);
    return listing.ok ? { ok: true, tools: listing.listed.summaries } : listing;
  }

  private async listing(context: CallContext): Promise<{ ok: true; listed: ListedTools } | { ok: false; error: CallError }> {
    const client = await this.client();
    if (!client) return { ok: false, error: noConnector() };
    const cached = client.cachedTools();
    if (cached) return { ok: true, listed: listed(cached) };
    const gate = this.breakers.request("connector");
    if (!gate.permitted) return { ok: false, error: circuitOpen("connector", gate.retryInMs) };
    const started = Date.now();
    try {
      const tools = await client.listTools({ timeoutMs: this.options.timeoutMs, traceparent: context.traceparent });
      this.breakers.success("connector", Date.now() - started);
      return { ok: true, listed: listed(tools) };
    } catch (error) {
      client.forget();
      const message = connectorFailure(error);
      this.breakers.failure("connector", message, Date.now() - started);
      return { ok: false, error: { kind: "connector_unavailable", source: "connector", message } };
    }
  }

  async callMany(calls: CallRequest[], context: CallContext = {}): Promise<CallOutcome[]> {
    return Promise.all(calls.map((c) => this.call(c.tool, c.arguments ?? {}, context)));
  }

  async call(tool: string, args: Record<string, unknown>, context: CallContext = {}): Promise<CallOutcome> {
    const started = Date.now();
    const app = appOfTool(tool);
    const fail = (error: CallError, attempts = 0): CallOutcome => ({
      ok: false,
      tool,
      ...(app ? { app } : {}),
      error,
      latencyMs: Date.now() - started,
      attempts,
    });

    const listing = await this.listing(context);
    if (!listing.ok) return fail(listing.error);
    const definition = listing.listed.byName.get(tool);
    // A tool is an app's (`<app>_…`) or the stack's (tools.stack: it belongs to no app and only the connector's breaker gates it).
    if ((!app && !isStackTool(tool)) || !definition) return fail({ kind: "unknown_tool", message: `The connector has no tool named '${tool}'` });
    const check = argumentCheck(listing.listed, definition)(args);
    if (!check.valid) {
      return fail({ kind: "invalid_arguments", message: `Arguments do not match ${tool}'s schema`, details: check.errorMessage ?? null });
    }

    const repeatable = definition.annotations?.readOnlyHint === true;
    const attempts = repeatable ? this.options.retry.attempts : 1;
    let last: CallError | undefined;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) await this.sleep(backoffDelay(this.options.retry, attempt - 1));
      const result = await this.limit(() => this.attempt(tool, app, args, repeatable, context));
      if (result.ok) return { ...result.outcome, latencyMs: Date.now() - started, attempts: attempt };
      last = result.error;
      if (!result.retryable) return fail(result.error, attempt);
    }
    return fail(last!, attempts);
  }

  /** `app` is undefined for a stack tool: then the tool's failures are the connector's, and no app's breaker is asked. */
  private async attempt(tool: string, app: AppId | undefined, args: Record<string, unknown>, repeatable: boolean, context: CallContext): Promise<Attempt> {
    const source: BreakerKey = app ?? "connector";
    if (app) {
      const appGate = this.breakers.request(app);
      if (!appGate.permitted) return { ok: false, error: circuitOpen(app, appGate.retryInMs), retryable: false };
    }
    const connectorGate = this.breakers.request("connector");
    if (!connectorGate.permitted) {
      if (app) this.breakers.release(app);
      return { ok: false, error: circuitOpen("connector", connectorGate.retryInMs), retryable: false };
    }

    const client = await this.client();
    if (!client) {
      if (app) this.breakers.release(app);
      this.breakers.release("connector");
      return { ok: false, error: noConnector(), retryable: false };
    }
    const timeoutMs = this.deadlineMs(client, tool, args);
    const started = Date.now();
    try {
      const result = await client.callTool(tool, args, { timeoutMs, traceparent: context.traceparent });
      const latencyMs = Date.now() - started;
      this.breakers.success("connector", latencyMs);
      const failure = toolFailure(result);
      if (!failure) {
        if (app) this.breakers.success(app, latencyMs);
        const data = (result.structuredContent ?? null) as JsonValue;
        const outcome: CallOutcome = { ok: true, tool, ...(app ? { app } : {}), data, text: resultText(result), latencyMs, attempts: 1 };
        return { ok: true, outcome };
      }
      if (failure.kind === "timeout") {
        // The connector already waited its whole app timeout: asking again would only make the user wait that long again.
        this.breakers.failure(source, failure.message, latencyMs);
        const details = failure.timeoutMs === undefined ? {} : { details: { timeoutMs: failure.timeoutMs } };
        const error: CallError = repeatable
          ? { kind: "timeout", source, message: failure.message, ...details }
          : {
              kind: "outcome_unknown",
              source,
              message: `${failure.message}; ${tool} may or may not have been applied — read it back before retrying`,
              ...details,
            };
        return { ok: false, error, retryable: false };
      }
      if (isAppHealthFailure(failure)) {
        this.breakers.failure(source, failure.message, latencyMs);
        return { ok: false, error: { kind: "app_unavailable", source, message: failure.message }, retryable: repeatable };
      }
      if (app) this.breakers.success(app, latencyMs);
      return { ok: false, error: { kind: "app_error", source, message: failure.message }, retryable: false };
    } catch (error) {
      const latencyMs = Date.now() - started;
      if (app) this.breakers.release(app);
      if (isTimeout(error)) {
        // Past the connector's own app timeout and margin, so the connector itself is silent. Its session is kept:
        // closing it would fail every other call in flight on it as the connector's fault before their own deadline.
        const silent = `The connector did not answer within ${timeoutMs / 1000} s`;
        const message = repeatable ? silent : `${silent}; ${tool} may or may not have been applied — read it back before retrying`;
        this.breakers.failure("connector", silent, latencyMs);
        return { ok: false, error: { kind: repeatable ? "timeout" : "outcome_unknown", source: "connector", message }, retryable: false };
      }
      client.forget();
      const message = connectorFailure(error);
      this.breakers.failure("connector", message, latencyMs);
      // A request the connector refused or never received did nothing, so even a write may be re-sent once.
      return { ok: false, error: { kind: "connector_unavailable", source: "connector", message }, retryable: true };
    }
  }

  /**
   * Longer than the connector's app timeout for this call (as it advertised it, else its default; a release search's
   * own, callAppTimeoutMs), so its answer always comes first.
   */
  private deadlineMs(client: ConnectorConnection, tool: string, args: Record<string, unknown>): number {
    return Math.max(this.options.timeoutMs, hubDeadlineMs(callAppTimeoutMs(tool, args, client.appTimeoutMs() ?? DEFAULT_APP_TIMEOUT_MS)));
  }
}

function noConnector(): CallError {
  return {
    kind: "no_connector",
    message: "No connector is paired with this tenant yet: register one in Settings and run `autoarr-connector pair <code>` next to your apps",
  };
}

function circuitOpen(key: BreakerKey, retryInMs: number): CallError {
  return {
    kind: "circuit_open",
    source: key,
    retryInMs,
    message: `${displayName(key)} failed repeatedly, so calls to it are paused for ${Math.ceil(retryInMs / 1000)} s`,
  };
}

function isTimeout(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return code === -32001 || (error instanceof Error && /timed? ?out/i.test(error.message));
}

function summarise(tool: Tool): ToolSummary {
  const hints = tool.annotations ?? {};
  return {
    name: tool.name,
    ...(tool.title ? { title: tool.title } : {}),
    ...(tool.description ? { description: tool.description } : {}),
    inputSchema: JSON.parse(JSON.stringify(tool.inputSchema)) as ToolSummary["inputSchema"],
    annotations: {
      ...(hints.readOnlyHint === undefined ? {} : { readOnlyHint: hints.readOnlyHint }),
      ...(hints.destructiveHint === undefined ? {} : { destructiveHint: hints.destructiveHint }),
      ...(hints.idempotentHint === undefined ? {} : { idempotentHint: hints.idempotentHint }),
    },
  };
}
