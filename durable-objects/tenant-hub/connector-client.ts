// The hub's MCP client of its tenant's connector: one Streamable HTTP session, reused across calls and
// re-established when it drops, with every HTTP request signed by a fresh single-use token.
import { CfWorkerJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/cfworker-provider.js";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport, StreamableHTTPError } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult, Tool } from "@modelcontextprotocol/sdk/types.js";
import { AsyncLocalStorage } from "node:async_hooks";
import { z } from "zod";
import { APP_TIMEOUT_CAPABILITY, MAX_APP_TIMEOUT_MS } from "@autoarr/contract";
import { type TraceContext, toTraceparent } from "../../workers/platform/trace";
import { SpanKind, startSpan } from "../../workers/platform/tracing";
import { outboundUrlProblem } from "../../workers/platform/outbound-check";
import { connectorUrlProblem } from "../../workers/connectors/connector-url";
import { ConnectorRefusedError, connectorFailure } from "./connector-failure";
import { outgoingRequest, signConnectorToken } from "./connector-token";

export { signConnectorToken } from "./connector-token";

export interface ConnectorTarget {
  url: string;
  tenantId: string;
  connectorId: string;
  /** base64url of the 32-byte pairing secret. */
  secret: string;
}

/** The traceparent of the call being made, so concurrent calls on one session each carry their own. */
const callTrace = new AsyncLocalStorage<string | undefined>();

export interface CallOptions {
  timeoutMs: number;
  traceparent?: string;
}

/** Where the hub may connect: loopback only in local development; names are resolved (DNS-over-HTTPS) first. */
export interface ConnectorUrlPolicy {
  allowLoopback: boolean;
  resolverUrl?: string;
}

/** The connector's advertised app timeout (`capabilities.experimental`), checked like anything it sends. */
const AdvertisedAppTimeout = z.object({ ms: z.number().int().positive().max(MAX_APP_TIMEOUT_MS) });

/** How long a URL's check (and its DNS answer) is trusted before the next request checks again. */
const URL_CHECK_TTL_MS = 60_000;

/** Told about every tools/call sent to the connector: for the hub's metrics, span and log line. */
export type CallObserver = (call: { tool: string; ok: boolean; seconds: number; trace: TraceContext; error?: string }) => void;

export class ConnectorClient {
  private client: Client | undefined;
  private connecting: Promise<Client> | undefined;
  private tools: Tool[] | undefined;
  /** How many MCP sessions this client has opened; one while the connector stays up. */
  sessionsOpened = 0;

  private urlCheck: { url: string; until: number; problem: string | null } | undefined;

  constructor(
    readonly target: ConnectorTarget,
    private readonly observe: CallObserver | undefined,
    private readonly policy: ConnectorUrlPolicy,
  ) {}

  /** Rows stored before the URL rule, and names that resolve inside a network, are never fetched. */
  private async refuseForbiddenUrl(url: string): Promise<void> {
    if (this.urlCheck?.url !== url || this.urlCheck.until < Date.now()) {
      const problem = connectorUrlProblem(url, this.policy.allowLoopback) ?? (await outboundUrlProblem(url, this.policy));
      this.urlCheck = { url, until: Date.now() + URL_CHECK_TTL_MS, problem };
    }
    if (this.urlCheck.problem) throw new ConnectorRefusedError(`The connector's registered URL is not allowed: ${this.urlCheck.problem}`);
  }

  private signedFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    await this.refuseForbiddenUrl(input instanceof Request ? input.url : String(input));
    const headers = new Headers(init?.headers);
    const { facts, body } = await outgoingRequest(init, headers);
    headers.set("Authorization", `Bearer ${await signConnectorToken(this.target, facts)}`);
    const traceparent = callTrace.getStore();
    if (traceparent) headers.set("traceparent", traceparent);
    const response = await fetch(input, { ...init, headers, ...(body ? { body } : {}), redirect: "manual" });
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      throw new ConnectorRefusedError("The connector's URL answered with a redirect, which AutoArr does not follow");
    }
    return response;
  };

  private async session(timeoutMs: number): Promise<Client> {
    if (this.client) return this.client;
    this.connecting ??= (async () => {
      const client = new Client({ name: "autoarr-tenant-hub", version: "0.1.0" }, { jsonSchemaValidator: new CfWorkerJsonSchemaValidator() });
      const transport = new StreamableHTTPClientTransport(new URL("/mcp", this.target.url), {
        fetch: this.signedFetch,
        reconnectionOptions: { maxRetries: 0, initialReconnectionDelay: 1000, maxReconnectionDelay: 1000, reconnectionDelayGrowFactor: 1 },
      });
      client.onclose = () => this.forget();
      await client.connect(transport, { timeout: timeoutMs });
      this.sessionsOpened++;
      this.client = client;
      return client;
    })().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  /** Drops the session so the next call starts a new one (after a transport failure or an expired session). */
  forget(): void {
    const client = this.client;
    this.client = undefined;
    this.tools = undefined;
    void client?.close().catch(() => undefined);
  }

  /** How long the connector gives an app per tool call, as its current session advertised; undefined before or if not. */
  appTimeoutMs(): number | undefined {
    const advertised = AdvertisedAppTimeout.safeParse(this.client?.getServerCapabilities()?.experimental?.[APP_TIMEOUT_CAPABILITY]);
    return advertised.success ? advertised.data.ms : undefined;
  }

  cachedTools(): Tool[] | undefined {
    return this.tools;
  }

  async listTools(options: CallOptions): Promise<Tool[]> {
    if (this.tools) return this.tools;
    const { tools } = await callTrace.run(options.traceparent, async () => {
      const client = await this.session(options.timeoutMs);
      return client.listTools(undefined, { timeout: options.timeoutMs });
    });
    this.tools = tools;
    return tools;
  }

  async callTool(name: string, args: Record<string, unknown>, options: CallOptions): Promise<CallToolResult> {
    const send = async () => {
      const client = await this.session(options.timeoutMs);
      return (await client.callTool({ name, arguments: args }, undefined, { timeout: options.timeoutMs })) as CallToolResult;
    };
    // One client span per tools/call; the connector continues it, so its logs share the trace and name this span as parent.
    const { span, trace } = startSpan(`mcp tools/call ${name}`, options.traceparent, SpanKind.CLIENT, { "mcp.tool": name });
    const started = performance.now();
    const report = (ok: boolean, error?: string) => {
      span.setStatus({ code: ok ? 1 : 2, ...(error ? { message: error } : {}) });
      span.end();
      this.observe?.({ tool: name, ok, seconds: (performance.now() - started) / 1000, trace, ...(error ? { error } : {}) });
    };
    return callTrace.run(toTraceparent(trace), async () => {
      try {
        let result: CallToolResult;
        try {
          result = await send();
        } catch (error) {
          // The connector forgot our session (restart or idle expiry): nothing was run, so start a new one and resend.
          if (!(error instanceof StreamableHTTPError && error.code === 404)) throw error;
          this.forget();
          result = await send();
        }
        report(!result.isError, result.isError ? "the tool reported an error" : undefined);
        return result;
      } catch (error) {
        report(false, connectorFailure(error));
        throw error;
      }
    });
  }
}
