// The connector's HTTP server: GET /healthz, and MCP over Streamable HTTP at /mcp behind bearer-token checks.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type Authenticated, CLOCK_TOLERANCE_S, createTokenVerifier, type TokenVerifier } from "./auth.js";
import { ConfigError, configuredSecrets, DEFAULT_SESSION_IDLE_MS, type ConnectorConfig } from "./config.js";
import { sendJson, sendJsonRpcError } from "./http-replies.js";
import { createLogger, type Logger } from "./logger.js";
import type { McpSessions } from "./mcp-sessions.js";
import { currentTraceId, spanFrom, withTrace } from "./trace.js";
import type { PairingMaterial } from "./pairing.js";
import { usedTokensInFile, usedTokensPath, type UsedTokens } from "./used-tokens.js";
import { CONNECTOR_VERSION } from "./version.js";

const MAX_BODY_BYTES = 1_000_000;

/**
 * The connector never sends server-initiated messages, so it offers no standalone SSE stream: an authenticated GET
 * /mcp gets 405, which the MCP spec allows (2025-06-18, Streamable HTTP, "Listening for Messages from the Server") and
 * the SDK client takes as "no stream" — instead of holding a connection per tenant open through the tunnel.
 */
const MCP_METHODS = "POST, DELETE";

export interface RunningConnector {
  url: string;
  /** Number of live MCP sessions. */
  sessionCount(): number;
  close(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
}

export async function startConnector(config: ConnectorConfig, options: StartOptions = {}): Promise<RunningConnector> {
  const secrets = configuredSecrets(config.apps);
  const logger = options.logger ?? createLogger("connector", { level: config.logLevel, secrets });
  if (!config.pairing && !config.insecureNoAuth) {
    throw new Error("No pairing material: run `autoarr-connector pair <code>`, set AUTOARR_PAIRING, or pass --pairing <code>");
  }
  const verifier: TokenVerifier | undefined = config.pairing
    ? createTokenVerifier(config.pairing, config.stateDir ? { used: usedTokensKeptIn(config.stateDir, config.pairing, logger) } : {})
    : undefined;
  const idleMs = config.sessionIdleMs ?? DEFAULT_SESSION_IDLE_MS;
  // Loaded on the first request that passes the token checks (see mcp-sessions.ts); kept once loaded.
  let sessions: McpSessions | undefined;
  let loadingSessions: Promise<McpSessions> | undefined;
  const mcpSessions = () =>
    (loadingSessions ??= import("./mcp-sessions.js").then(({ createMcpSessions }) => (sessions = createMcpSessions(config, { logger, secrets, idleMs }))));

  const handleMcp = async (req: IncomingMessage, res: ServerResponse) => {
    const traceId = currentTraceId();
    const requestLog = { method: req.method, traceId, session: header(req, "mcp-session-id") };
    const refuse = (reason: string) => {
      logger.warn("rejected /mcp request", { ...requestLog, reason });
      return sendJsonRpcError(res, 401, -32001, `Unauthorized: ${reason}`, { "WWW-Authenticate": 'Bearer realm="autoarr-connector"' });
    };
    let token: (Authenticated & { ok: true }) | undefined;
    if (!config.insecureNoAuth) {
      const authenticated = await verifier!.authenticate(header(req, "authorization"));
      if (!authenticated.ok) return refuse(authenticated.reason);
      token = authenticated;
    }
    let raw: Buffer | undefined;
    if (req.method === "POST") {
      const read = await readBody(req);
      if (!read.ok) return sendJsonRpcError(res, read.status, -32700, read.message);
      raw = read.value;
    }
    const sessionId = header(req, "mcp-session-id");
    if (token) {
      const request = { method: req.method ?? "GET", ...(raw ? { body: raw } : {}), ...(sessionId ? { sessionId } : {}) };
      let check;
      try {
        check = await verifier!.accept(token, request);
      } catch (error) {
        logger.error("could not record a used token", { ...requestLog, error: error instanceof Error ? error.message : String(error) });
        return sendJsonRpcError(res, 503, -32603, "Service unavailable: could not record the token as used");
      }
      if (!check.ok) return refuse(check.reason);
    }
    if (req.method !== "POST" && req.method !== "DELETE") {
      return sendJsonRpcError(res, 405, -32000, `Method Not Allowed: ${req.method ?? "this method"} /mcp; use ${MCP_METHODS}`, { Allow: MCP_METHODS });
    }
    let body: unknown;
    if (raw) {
      try {
        body = JSON.parse(raw.toString("utf8"));
      } catch {
        return sendJsonRpcError(res, 400, -32700, "Parse error: body is not JSON");
      }
    }
    logger.info("mcp request", { ...requestLog, rpc: rpcMethods(body) });
    await (await mcpSessions()).handle(req, res, body, sessionId);
  };

  const httpServer: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/healthz" && req.method === "GET") return sendJson(res, 200, { ok: true, version: CONNECTOR_VERSION });
    if (path === "/mcp") {
      // The whole request runs in its span, so every log line of it (auth refusals included) carries the trace.
      withTrace(spanFrom(req.headers.traceparent), () => handleMcp(req, res)).catch((error: unknown) => {
        logger.error("mcp request crashed", { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
        if (!res.headersSent) sendJsonRpcError(res, 500, -32603, "Internal error");
        else res.end();
      });
      return;
    }
    sendJson(res, 404, { error: "not found" });
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const address = httpServer.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  logger.info("connector listening", { url, apps: Object.keys(config.apps), auth: config.insecureNoAuth ? "DISABLED" : "bearer" });

  return {
    url,
    sessionCount: () => sessions?.count() ?? 0,
    close: async () => {
      const loaded = await loadingSessions?.catch(() => undefined);
      await loaded?.close();
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
    },
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function rpcMethods(body: unknown): string | undefined {
  const messages = Array.isArray(body) ? body : body ? [body] : [];
  const names = messages.map((m) => {
    const message = m as { method?: unknown; params?: { name?: unknown } };
    return message.method === "tools/call" && typeof message.params?.name === "string"
      ? `tools/call:${message.params.name}`
      : String(message.method ?? "response");
  });
  return names.length ? names.join(",") : undefined;
}

/** The store of used token ids for this pairing, in the state directory; refuses to start where it cannot be written. */
function usedTokensKeptIn(stateDir: string, pairing: PairingMaterial, logger: Logger): UsedTokens {
  const path = usedTokensPath(stateDir, pairing.tenantId, pairing.connectorId);
  let used;
  try {
    used = usedTokensInFile(path, CLOCK_TOLERANCE_S, Math.floor(Date.now() / 1000));
  } catch (error) {
    throw new ConfigError(
      `Cannot keep the ids of used tokens in ${path} (${error instanceof Error ? error.message : String(error)}): make ${stateDir} writable or pass --config in a writable directory`,
    );
  }
  if (used.loaded === "unreadable") logger.warn("the record of used tokens was unreadable: tokens issued before this start are refused", { path });
  return used;
}

type BodyResult = { ok: true; value: Buffer } | { ok: false; status: number; message: string };

async function readBody(req: IncomingMessage): Promise<BodyResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return { ok: false, status: 413, message: "Request body too large" };
    chunks.push(chunk as Buffer);
  }
  return { ok: true, value: Buffer.concat(chunks) };
}
