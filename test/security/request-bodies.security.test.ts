// Bodies are read only when they are JSON of at most 64 KB: larger ones get 413 and anything else 415, before any handler runs.
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../workers/index";
import { api, BASE, errorOf, signUp } from "../helpers";

const streamOf = (text: string) =>
  new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });

/** A body sent as a stream has no Content-Length, so the limit has to count what it reads. */
function streamed(path: string, token: string, text: string, contentType?: string) {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${token}`,
    "CF-Connecting-IP": "192.0.2.44",
    ...(contentType ? { "Content-Type": contentType } : {}),
  };
  return exports.default.fetch(new Request(`${BASE}${path}`, { method: "POST", headers, body: streamOf(text), duplex: "half" } as RequestInit));
}

/** A client that keeps sending: 16 KB chunks until the server cancels the body (or 4 MB went out). */
function endlessBody() {
  const sent = { bytes: 0, cancelled: false };
  const chunk = new TextEncoder().encode(`[${'"x",'.repeat(4_095)}"x"`.slice(0, 16 * 1024));
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent.bytes >= 4 * 1024 * 1024) return controller.close();
      sent.bytes += chunk.length;
      controller.enqueue(chunk);
    },
    cancel() {
      sent.cancelled = true;
    },
  });
  return { body, sent };
}

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect((await errorOf(response)).code).toBe(code);
}

const big = JSON.stringify({ query: "x".repeat(70_000) });

describe("request bodies", () => {
  it("refuses a body over 64 KB with 413 payload_too_large, before sign-in and on a signed-in route", async () => {
    await expectError(await api("/api/v1/auth/login", { method: "POST", json: { email: "a@b.co", password: "x".repeat(70_000) } }), 413, "payload_too_large");
    const owner = await signUp("body-big");
    await expectError(await api("/api/v1/requests/parse", { method: "POST", token: owner.accessToken, json: JSON.parse(big) }), 413, "payload_too_large");
  });

  it("refuses a streamed body over 64 KB without Content-Length with 413", async () => {
    const owner = await signUp("body-stream");
    await expectError(await streamed("/api/v1/requests/parse", owner.accessToken, big, "application/json"), 413, "payload_too_large");
  });

  it("cancels a streamed body once it is over 64 KB instead of leaving it half read", async () => {
    const owner = await signUp("body-endless");
    const { body, sent } = endlessBody();
    const headers = { Authorization: `Bearer ${owner.accessToken}`, "CF-Connecting-IP": "192.0.2.45", "Content-Type": "application/json" };
    // Straight into the handler, so the stream it refuses is this one (a service binding in between hides the cancel).
    const ctx = createExecutionContext();
    const refused = await worker.fetch(
      new Request(`${BASE}/api/v1/requests/parse`, { method: "POST", headers, body, duplex: "half" } as RequestInit),
      env,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    await expectError(refused, 413, "payload_too_large");
    expect(sent.cancelled).toBe(true);
    expect(sent.bytes).toBeLessThan(128 * 1024);
  });

  it("answers the next client normally after refusing an endless streamed body", async () => {
    const owner = await signUp("body-endless-2");
    const other = await signUp("body-next");
    const { body } = endlessBody();
    const headers = { Authorization: `Bearer ${owner.accessToken}`, "CF-Connecting-IP": "192.0.2.47", "Content-Type": "application/json" };
    const refused = await exports.default.fetch(new Request(`${BASE}/api/v1/requests/parse`, { method: "POST", headers, body, duplex: "half" } as RequestInit));
    await expectError(refused, 413, "payload_too_large");
    const next = await api("/api/v1/requests/parse", {
      method: "POST",
      token: other.accessToken,
      json: { query: "dune" },
      headers: { "CF-Connecting-IP": "192.0.2.48" },
    });
    expect(next.status).toBe(200);
    expect(await next.json()).toMatchObject({ title: expect.any(String) });
  });

  it.each([
    ["text/plain", { "Content-Type": "text/plain" }, "query=dune"],
    ["a form", { "Content-Type": "application/x-www-form-urlencoded" }, "query=dune"],
    ["multipart", { "Content-Type": "multipart/form-data; boundary=x" }, '--x\r\nContent-Disposition: form-data; name="query"\r\n\r\ndune\r\n--x--'],
    ["no Content-Type", {}, JSON.stringify({ query: "dune" })],
    ["a look-alike type", { "Content-Type": "application/json-patch+json" }, JSON.stringify({ query: "dune" })],
  ])("refuses a body sent as %s with 415 unsupported_media_type", async (_what, headers, body) => {
    const owner = await signUp("body-type");
    const response = await api("/api/v1/requests/parse", { method: "POST", token: owner.accessToken, headers, body });
    await expectError(response, 415, "unsupported_media_type");
  });

  it("refuses a streamed body that is not JSON with 415", async () => {
    const owner = await signUp("body-stream-type");
    await expectError(await streamed("/api/v1/requests/parse", owner.accessToken, "query=dune", "text/plain"), 415, "unsupported_media_type");
    await expectError(await streamed("/api/v1/requests/parse", owner.accessToken, JSON.stringify({ query: "dune" })), 415, "unsupported_media_type");
  });

  it("accepts the same body as JSON", async () => {
    const owner = await signUp("body-control");
    const response = await api("/api/v1/requests/parse", { method: "POST", token: owner.accessToken, json: { query: "dune" } });
    expect(response.status).toBe(200);
  });
});
