// One per tenant (idFromName(tenantId)): the tenant's exact rate limits and its WebSocket sessions.
import { DurableObject } from "cloudflare:workers";
import type { Env } from "../../workers/env";
import type { RateLimitDecision, RateLimitRule } from "../rate-limiter/sliding-window.logic";
import { consumeRateLimit } from "../rate-limiter/rate-limit-store";
import { ClientMessage, type ServerEvent, SocketAttachment, WS_PROTOCOL } from "./protocol";

/** Headers the API Worker sets after authenticating the upgrade; the hub is not reachable from outside. */
export const HUB_TENANT_HEADER = "X-AutoArr-Tenant";
export const HUB_USER_HEADER = "X-AutoArr-User";

export class TenantHub extends DurableObject<Env> {
  consumeRateLimit(rules: RateLimitRule[]): RateLimitDecision {
    return consumeRateLimit(this.ctx.storage.kv, rules);
  }

  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket") {
      return new Response("Expected a WebSocket upgrade", { status: 426 });
    }
    const tenantId = request.headers.get(HUB_TENANT_HEADER);
    const userId = request.headers.get(HUB_USER_HEADER);
    if (!tenantId || !userId) return new Response("Missing identity", { status: 400 });

    const { 0: client, 1: server } = new WebSocketPair();
    const attachment: SocketAttachment = { tenantId, userId, connectedAt: Date.now() };
    this.ctx.acceptWebSocket(server, [tenantId]);
    server.serializeAttachment(attachment);
    this.send(server, {
      type: "hello",
      at: new Date().toISOString(),
      data: { tenantId, connections: this.ctx.getWebSockets().length },
    });
    return new Response(null, { status: 101, webSocket: client, headers: { "Sec-WebSocket-Protocol": WS_PROTOCOL } });
  }

  /** Sends an event to every open socket of this tenant; returns how many received it. */
  broadcast(event: ServerEvent): number {
    let delivered = 0;
    for (const socket of this.ctx.getWebSockets()) {
      if (this.send(socket, event)) delivered++;
    }
    return delivered;
  }

  connectionCount(): number {
    return this.ctx.getWebSockets().length;
  }

  override webSocketMessage(socket: WebSocket, message: string | ArrayBuffer): void {
    if (!SocketAttachment.safeParse(socket.deserializeAttachment()).success) {
      socket.close(1008, "Unknown session");
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(typeof message === "string" ? message : new TextDecoder().decode(message));
    } catch {
      parsed = undefined;
    }
    const result = ClientMessage.safeParse(parsed);
    if (!result.success) return;
    if (result.data.type === "ping") this.send(socket, { type: "pong", at: new Date().toISOString() });
  }

  override webSocketClose(socket: WebSocket, code: number, reason: string): void {
    try {
      socket.close(code === 1005 ? 1000 : code, reason);
    } catch {
      // Already closed by the peer.
    }
  }

  private send(socket: WebSocket, event: ServerEvent): boolean {
    try {
      socket.send(JSON.stringify(event));
      return true;
    } catch {
      return false;
    }
  }
}
