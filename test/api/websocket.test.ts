import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { api, signUp } from "../helpers";

async function connect(token: string | null, protocols = token ? `autoarr, ${token}` : "autoarr") {
  const response = await api("/api/v1/ws", { headers: { Upgrade: "websocket", "Sec-WebSocket-Protocol": protocols } });
  return response;
}

function collect(socket: WebSocket): unknown[] {
  const received: unknown[] = [];
  socket.addEventListener("message", (event) => received.push(JSON.parse(event.data as string)));
  return received;
}

async function until(check: () => boolean, ms = 2000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("tenant WebSocket hub", () => {
  it("upgrades a signed-in user who offers the token as a subprotocol, answering 'autoarr'", async () => {
    const owner = await signUp("ws");
    const response = await connect(owner.accessToken);
    expect(response.status).toBe(101);
    expect(response.headers.get("sec-websocket-protocol")).toBe("autoarr");
    const socket = response.webSocket!;
    socket.accept();
    const received = collect(socket);
    socket.send(JSON.stringify({ type: "ping" }));
    await until(() => received.some((m) => (m as { type: string }).type === "pong"));
    expect(received[0]).toMatchObject({ type: "hello", data: { tenantId: owner.tenant.id } });
    socket.close();
  });

  it("broadcasts to every socket of the tenant", async () => {
    const alice = await signUp("wsalice");
    const aliceSockets = [(await connect(alice.accessToken)).webSocket!, (await connect(alice.accessToken)).webSocket!];
    for (const s of aliceSockets) s.accept();
    const aliceInboxes = aliceSockets.map(collect);

    const hub = env.TENANT_HUB.get(env.TENANT_HUB.idFromName(alice.tenant.id));
    const delivered = await hub.broadcast({
      type: "activity",
      at: new Date().toISOString(),
      data: { id: "test-activity", at: new Date().toISOString(), app: null, kind: "test", level: "info", message: "for alice only", data: null },
    });
    expect(delivered).toBe(2);
    await until(() => aliceInboxes.every((inbox) => inbox.some((m) => (m as { type: string }).type === "activity")));
    for (const s of aliceSockets) s.close();
  });
});
