// One tenant WebSocket that reconnects with exponential backoff and jitter, fetching a fresh access token for every attempt.
// The server closes a socket when the token it was opened with expires, so an open socket is handed each fresh token.
import { ApiError } from "./api-error";

export type LiveStatus = "connecting" | "online" | "offline";

export type LiveSocketOptions = {
  url: string;
  accessToken: () => Promise<string>;
  forgetAccessToken: () => void;
  onMessage: (data: unknown) => void;
  onStatus: (status: LiveStatus) => void;
  onReconnected?: () => void;
  createSocket?: (url: string, protocols: string[]) => WebSocket;
  random?: () => number;
};

export const SUBPROTOCOL = "autoarr";
const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;
const HEARTBEAT_INTERVAL_MS = 25_000;
const SILENCE_LIMIT_MS = 60_000;

export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

export function liveSocketUrl(location: Pick<Location, "protocol" | "host">): string {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${location.host}/api/v1/ws`;
}

export class LiveSocket {
  private socket: WebSocket | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private heartbeatTimer: ReturnType<typeof setInterval> | null = null;
  private lastHeardAt = 0;
  private attempt = 0;
  private stopped = true;
  private hasConnectedBefore = false;
  /** The access token the server holds for the current socket. */
  private socketToken: string | null = null;

  constructor(private readonly options: LiveSocketOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.clearRetry();
    this.closeSocket();
  }

  isStarted(): boolean {
    return !this.stopped;
  }

  reconnectNow(): void {
    if (this.stopped) return;
    this.attempt = 0;
    this.clearRetry();
    this.closeSocket();
    void this.connect();
  }

  markOffline(): void {
    this.clearRetry();
    this.closeSocket();
    this.options.onStatus("offline");
  }

  private async connect(): Promise<void> {
    this.options.onStatus("connecting");
    let token: string;
    try {
      token = await this.options.accessToken();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return this.stop();
      return this.scheduleRetry();
    }
    if (this.stopped) return;
    const createSocket = this.options.createSocket ?? ((url, protocols) => new WebSocket(url, protocols));
    const socket = createSocket(this.options.url, [SUBPROTOCOL, token]);
    this.socket = socket;
    this.socketToken = token;
    let opened = false;
    socket.onopen = () => {
      opened = true;
      this.startHeartbeat(socket);
      this.attempt = 0;
      this.options.onStatus("online");
      if (this.hasConnectedBefore) this.options.onReconnected?.();
      this.hasConnectedBefore = true;
    };
    socket.onmessage = (message) => {
      this.lastHeardAt = Date.now();
      this.options.onMessage(message.data);
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.stopHeartbeat();
      // A handshake refused before opening is most often an expired token, so the next attempt must mint a new one.
      if (!opened) this.options.forgetAccessToken();
      this.scheduleRetry();
    };
  }

  // Mobile networks drop connections without a close frame; a socket that stays silent past the limit is treated as dead.
  private startHeartbeat(socket: WebSocket): void {
    this.stopHeartbeat();
    this.lastHeardAt = Date.now();
    this.heartbeatTimer = setInterval(() => {
      if (Date.now() - this.lastHeardAt > SILENCE_LIMIT_MS) {
        socket.close(4000, "heartbeat timeout");
        return;
      }
      if (socket.readyState === 1) socket.send(JSON.stringify({ type: "ping" }));
      void this.renewAccessToken();
    }, HEARTBEAT_INTERVAL_MS);
  }

  /**
   * Sends the open socket the app's current access token when it differs from the one the socket has. Asking for it
   * on every heartbeat also refreshes it before it expires (accessToken() refreshes within its last 30 s), so an idle
   * socket is never closed for an expired token.
   */
  async renewAccessToken(): Promise<void> {
    const socket = this.socket;
    if (socket?.readyState !== 1) return;
    let token: string;
    try {
      token = await this.options.accessToken();
    } catch {
      return; // A refused refresh signs the app out, which stops this socket.
    }
    if (this.socket !== socket || socket.readyState !== 1 || token === this.socketToken) return;
    this.socketToken = token;
    socket.send(JSON.stringify({ type: "auth", token }));
  }

  private stopHeartbeat(): void {
    if (this.heartbeatTimer !== null) clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = null;
  }

  private scheduleRetry(): void {
    if (this.stopped) return;
    this.options.onStatus("offline");
    const delay = reconnectDelay(this.attempt, this.options.random);
    this.attempt += 1;
    this.clearRetry();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private closeSocket(): void {
    this.stopHeartbeat();
    const socket = this.socket;
    this.socket = null;
    if (socket && socket.readyState <= 1) socket.close(1000, "client closing");
  }
}
