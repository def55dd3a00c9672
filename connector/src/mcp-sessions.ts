// MCP sessions over Streamable HTTP: one transport and one McpServer per session, forgotten once idle.
// server.ts imports this module (and with it the MCP SDK, ajv and the tools) on the first /mcp request that passes the
// token checks, so a connector the hub has not reached yet starts fast and holds only its HTTP server.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { isInitializeRequest } from "@modelcontextprotocol/sdk/types.js";
import type { ConnectorConfig } from "./config.js";
import { sendJsonRpcError } from "./http-replies.js";
import type { Logger } from "./logger.js";
import { buildMcpServer, createAppClients } from "./mcp.js";
import { retireAnsweredJsonStreams } from "./mcp-json-stream-leak.js";
import { currentTraceId } from "./trace.js";

export interface McpSessions {
  /** Serves one authenticated /mcp POST or DELETE; `body` is the parsed POST body. */
  handle(req: IncomingMessage, res: ServerResponse, body: unknown, sessionId: string | undefined): Promise<void>;
  count(): number;
  close(): Promise<void>;
}

interface Session {
  transport: StreamableHTTPServerTransport;
  lastSeen: number;
}

export interface SessionOptions {
  logger: Logger;
  secrets: readonly string[];
  /** Idle time after which a session is closed; its next request gets 404 and the client re-initialises. */
  idleMs: number;
}

export function createMcpSessions(config: ConnectorConfig, { logger, secrets, idleMs }: SessionOptions): McpSessions {
  const clients = createAppClients(config.apps, config.timeoutMs, logger);
  const sessions = new Map<string, Session>();

  const open = async (req: IncomingMessage, res: ServerResponse, body: unknown) => {
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      enableJsonResponse: true,
      onsessioninitialized: (id) => {
        sessions.set(id, { transport, lastSeen: Date.now() });
        logger.info("mcp session opened", { session: id, traceId: currentTraceId() });
      },
    });
    retireAnsweredJsonStreams(transport);
    transport.onclose = () => {
      if (transport.sessionId && sessions.delete(transport.sessionId)) logger.info("mcp session closed", { session: transport.sessionId });
    };
    const server = buildMcpServer(clients, { logger, secrets, appTimeoutMs: config.timeoutMs, ...(config.webUrls ? { webUrls: config.webUrls } : {}) });
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  };

  // Checked at most once a minute: a session lives between idleMs and idleMs + 1 min after its last request.
  const sweep = setInterval(
    () => {
      const cutoff = Date.now() - idleMs;
      for (const [id, session] of sessions) {
        if (session.lastSeen < cutoff) {
          sessions.delete(id);
          void session.transport.close();
          logger.info("mcp session expired", { session: id });
        }
      }
    },
    Math.max(1000, Math.min(60_000, Math.floor(idleMs / 2))),
  );
  sweep.unref();

  return {
    handle: async (req, res, body, sessionId) => {
      if (sessionId) {
        const session = sessions.get(sessionId);
        // A stale or unknown session must get 404 so the client re-initialises (MCP spec, Streamable HTTP).
        if (!session) return sendJsonRpcError(res, 404, -32001, "Session not found");
        session.lastSeen = Date.now();
        return session.transport.handleRequest(req, res, body);
      }
      if (req.method !== "POST" || !isInitializeRequest(body)) {
        return sendJsonRpcError(res, 400, -32000, "Bad Request: no valid session id; send an initialize request first");
      }
      return open(req, res, body);
    },
    count: () => sessions.size,
    close: async () => {
      clearInterval(sweep);
      await Promise.allSettled([...sessions.values()].map((s) => s.transport.close()));
      sessions.clear();
    },
  };
}
