// The hub's MCP client of its tenant's connector: one Streamable HTTP session, reused across calls, remembered
// across the hub's evictions (session-memo.ts) and re-established when it drops, with every HTTP request signed by a
// fresh single-use token.
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
import type { SessionMemo, SessionMemory } from "./session-memo";

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
  private transport: StreamableHTTPClientTransport | undefined;
  /** The app timeout the current session advertised (or the remembered session had). */
  private advertisedAppTimeoutMs: number | undefined;
  /** How many MCP sessions this client has opened (initialize sent); one while the connector stays up. */
  sessionsOpened = 0;
  /** How many remembered sessions it went on with, without a round trip. */
  sessionsResumed = 0;

  private urlCheck: { url: string; until: number; problem: string | null } | undefined;

  constructor(
    readonly target: ConnectorTarget,
    private readonly observe: CallObserver | undefined,
    private readonly policy: ConnectorUrlPolicy,
    private readonly memory?: SessionMemory,
  ) {
    const memo = this.remembered();
    if (memo?.tools) this.tools = memo.tools as Tool[];
  }

  /** The remembered session, if it is with this very connector. */
  private remembered(): SessionMemo | undefined {
    const memo = this.memory?.load();
    return memo && memo.connectorId === this.target.connectorId && memo.url === this.target.url ? memo : undefined;
  }

  private remember(transport: StreamableHTTPClientTransport): void {
    if (!this.memory || !transport.sessionId || !transport.protocolVersion) return;
    this.memory.save({
      connectorId: this.target.connectorId,
      url: this.target.url,
      sessionId: transport.sessionId,
      protocolVersion: transport.protocolVersion,
      ...(this.advertisedAppTimeoutMs === undefined ? {} : { appTimeoutMs: this.advertisedAppTimeoutMs }),
      ...(this.tools ? { tools: this.tools as SessionMemo["tools"] } : {}),
    });
  }

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
      const memo = this.remembered();
      const client = new Client({ name: "autoarr-tenant-hub", version: "0.1.0" }, { jsonSchemaValidator: new CfWorkerJsonSchemaValidator() });
      const transport = new StreamableHTTPClientTransport(new URL("/mcp", this.target.url), {
        fetch: this.signedFetch,
        reconnectionOptions: { maxRetries: 0, initialReconnectionDelay: 1000, maxReconnectionDelay: 1000, reconnectionDelayGrowFactor: 1 },
        ...(memo ? { sessionId: memo.sessionId } : {}),
      });
      client.onclose = () => this.forget();
      if (memo) {
        // The SDK skips initialize for a transport that already has a session; the connector answers 404 if it
        // forgot it (a restart), and callTool then opens a new one.
        transport.setProtocolVersion(memo.protocolVersion);
        await client.connect(transport, { timeout: timeoutMs });
        this.advertisedAppTimeoutMs = memo.appTimeoutMs;
        this.sessionsResumed++;
      } else {
        await client.connect(transport, { timeout: timeoutMs });
        const advertised = AdvertisedAppTimeout.safeParse(client.getServerCapabilities()?.experimental?.[APP_TIMEOUT_CAPABILITY]);
        this.advertisedAppTimeoutMs = advertised.success ? advertised.data.ms : undefined;
        this.sessionsOpened++;
        // A new session may come with another tool list (the connector was upgraded or reconfigured).
        this.tools = undefined;
        this.remember(transport);
      }
      this.transport = transport;
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
    this.transport = undefined;
    this.tools = undefined;
    this.advertisedAppTimeoutMs = undefined;
    this.memory?.clear();
    void client?.close().catch(() => undefined);
  }

  /** How long the connector gives an app per tool call, as its current session advertised; undefined before or if not. */
  appTimeoutMs(): number | undefined {
    return this.advertisedAppTimeoutMs;
  }

  cachedTools(): Tool[] | undefined {
    return this.tools;
  }

  /**
   * Runs one request on the session. If the connector forgot it (a restart, or idle expiry) it answers 404 and ran
   * nothing, so a new session is opened and the request sent again — once, and without dropping a new session that
   * another request in flight already opened.
   */
  private async onSession<T>(timeoutMs: number, send: (client: Client) => Promise<T>): Promise<T> {
    const client = await this.session(timeoutMs);
    try {
      return await send(client);
    } catch (error) {
      if (!(error instanceof StreamableHTTPError && error.code === 404)) throw error;
      if (this.client === client) this.forget();
      return send(await this.session(timeoutMs));
    }
  }

  async listTools(options: CallOptions): Promise<Tool[]> {
    if (this.tools) return this.tools;
    const { tools } = await callTrace.run(options.traceparent, () =>
      this.onSession(options.timeoutMs, (client) => client.listTools(undefined, { timeout: options.timeoutMs })),
    );
    this.tools = tools;
    if (this.transport) this.remember(this.transport);
    return tools;
  }

  async callTool(name: string, args: Record<string, unknown>, options: CallOptions): Promise<CallToolResult> {
    const send = () =>
      this.onSession(
        options.timeoutMs,
        async (client) => (await client.callTool({ name, arguments: args }, undefined, { timeout: options.timeoutMs })) as CallToolResult,
      );
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
        const result = await send();
        report(!result.isError, result.isError ? "the tool reported an error" : undefined);
        return result;
      } catch (error) {
        report(false, connectorFailure(error));
        throw error;
      }
    });
  }
}
