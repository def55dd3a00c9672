import { describe, expect, it, vi } from "vitest";
import { LiveSocket, reconnectDelay, type LiveStatus } from "./live-socket";

class FakeSocket {
  readyState = 0;
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: unknown }) => void) | null = null;
  onclose: (() => void) | null = null;
  sent: string[] = [];
  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {}
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  drop() {
    this.readyState = 3;
    this.onclose?.();
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.readyState = 3;
  }
}

function harness(tokens: string[]) {
  const sockets: FakeSocket[] = [];
  const statuses: LiveStatus[] = [];
  const messages: unknown[] = [];
  const forgetAccessToken = vi.fn();
  const onReconnected = vi.fn();
  let tokenIndex = 0;
  const live = new LiveSocket({
    url: "ws://app.test/api/v1/ws",
    accessToken: async () => tokens[Math.min(tokenIndex++, tokens.length - 1)]!,
    forgetAccessToken,
    onStatus: (status) => statuses.push(status),
    onMessage: (data) => messages.push(data),
    onReconnected,
    random: () => 1,
    createSocket: (url, protocols) => {
      const socket = new FakeSocket(url, protocols);
      sockets.push(socket);
      return socket as unknown as WebSocket;
    },
  });
  return { live, sockets, statuses, messages, forgetAccessToken, onReconnected };
}

describe("LiveSocket", () => {
  it("offers the autoarr subprotocol and the access token, never a token in the URL", async () => {
    const { live, sockets, statuses } = harness(["token-1"]);
    live.start();
    await vi.waitFor(() => expect(sockets).toHaveLength(1));
    sockets[0]!.open();
    expect(sockets[0]!.protocols).toEqual(["autoarr", "token-1"]);
    expect(sockets[0]!.url).toBe("ws://app.test/api/v1/ws");
    expect(statuses).toEqual(["connecting", "online"]);
    live.stop();
  });

  it("reconnects with backoff and a fresh token after the connection drops", async () => {
    vi.useFakeTimers();
    const { live, sockets, statuses, onReconnected } = harness(["token-1", "token-2"]);
    live.start();
    await vi.waitFor(() => expect(sockets).toHaveLength(1));
    sockets[0]!.open();
    sockets[0]!.drop();
    expect(statuses.at(-1)).toBe("offline");
    await vi.advanceTimersByTimeAsync(999);
    expect(sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sockets).toHaveLength(2);
    expect(sockets[1]!.protocols).toEqual(["autoarr", "token-2"]);
    sockets[1]!.open();
    expect(onReconnected).toHaveBeenCalledOnce();
    live.stop();
  });

  it("forgets the access token when the handshake is refused, so the next attempt refreshes it", async () => {
    vi.useFakeTimers();
    const { live, sockets, forgetAccessToken } = harness(["stale"]);
    live.start();
    await vi.waitFor(() => expect(sockets).toHaveLength(1));
    sockets[0]!.drop();
    expect(forgetAccessToken).toHaveBeenCalledOnce();
    live.stop();
  });

  it("hands the open socket each fresh access token, once, so the server keeps it open past the first token", async () => {
    vi.useFakeTimers();
    const { live, sockets } = harness(["token-1", "token-1", "token-2"]);
    live.start();
    await vi.waitFor(() => expect(sockets).toHaveLength(1));
    sockets[0]!.open();
    const auths = () => sockets[0]!.sent.map((m) => JSON.parse(m) as { type: string; token?: string }).filter((m) => m.type === "auth");

    await vi.advanceTimersByTimeAsync(25_000);
    expect(auths()).toEqual([]);
    await vi.advanceTimersByTimeAsync(25_000);
    expect(auths()).toEqual([{ type: "auth", token: "token-2" }]);
    await vi.advanceTimersByTimeAsync(25_000);
    expect(auths()).toHaveLength(1);
    expect(sockets).toHaveLength(1);
    live.stop();
  });

  it("sends no token when getting one fails, and none to a socket that is not open", async () => {
    vi.useFakeTimers();
    const { live, sockets } = harness(["token-1"]);
    live.start();
    await vi.waitFor(() => expect(sockets).toHaveLength(1));
    await live.renewAccessToken();
    expect(sockets[0]!.sent).toEqual([]);
    live.stop();

    const failing = new LiveSocket({
      url: "ws://app.test/api/v1/ws",
      accessToken: vi.fn().mockResolvedValueOnce("token-1").mockRejectedValue(new Error("offline")),
      forgetAccessToken: vi.fn(),
      onStatus: () => {},
      onMessage: () => {},
      createSocket: (url, protocols) => {
        const socket = new FakeSocket(url, protocols);
        sockets.push(socket);
        return socket as unknown as WebSocket;
      },
    });
    failing.start();
    await vi.waitFor(() => expect(sockets).toHaveLength(2));
    sockets[1]!.open();
    await failing.renewAccessToken();
    expect(sockets[1]!.sent).toEqual([]);
    failing.stop();
  });

  it("passes incoming messages on", async () => {
    const { live, sockets, messages } = harness(["token-1"]);
    live.start();
    await vi.waitFor(() => expect(sockets).toHaveLength(1));
    sockets[0]!.open();
    sockets[0]!.onmessage?.({ data: '{"type":"hello"}' });
    expect(messages).toEqual(['{"type":"hello"}']);
    live.stop();
  });
});

describe("reconnectDelay", () => {
  it("doubles per attempt, stays within half to all of the ceiling, and caps at 30 s", () => {
    expect(reconnectDelay(0, () => 0)).toBe(500);
    expect(reconnectDelay(0, () => 1)).toBe(1000);
    expect(reconnectDelay(3, () => 1)).toBe(8000);
    expect(reconnectDelay(10, () => 1)).toBe(30_000);
    expect(reconnectDelay(10, () => 0)).toBe(15_000);
  });
});
