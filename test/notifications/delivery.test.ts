// deliver() sorts a service's answer into sent / retry / failed / gone, honours the waits services ask for, never
// follows a redirect, and keeps secrets out of the answer it stores. The answers come from the services' fakes.
import { describe, expect, it, vi } from "vitest";
import type { ChannelAdapter } from "../../workers/notifications/channel-adapter";
import { CHANNEL_ADAPTERS } from "../../workers/notifications/channels";
import { deliver, redact, retryAfterBodyMs, retryAfterHeaderMs } from "../../workers/notifications/delivery";
import { signWebhook, verifyWebhook } from "../../workers/notifications/webhook-signature";
import { APP_URL, adapterFor, fakeClient, fakeConfig, fakes, marker, message, onlyRequest, receivedWith } from "./fake-channels";

const options = { appUrl: APP_URL, allowLoopback: true };
const NOW = new Date("2026-12-01T21:00:00Z");

describe("a service asking to wait (429)", () => {
  it("is retried after Retry-After given in seconds", async () => {
    const mark = marker();
    await fakeClient.respondNext("gotify", { match: mark, status: 429, headers: { "Retry-After": "30" }, body: { error: "Too Many Requests" } });
    const result = await deliver(adapterFor("gotify"), fakeConfig("gotify"), message(mark), options);
    expect(result).toMatchObject({ status: "retry", httpStatus: 429, retryAfterMs: 30_000 });
  });

  it("is retried after Retry-After given as an HTTP date", async () => {
    const mark = marker();
    const at = new Date(NOW.getTime() + 90_000).toUTCString();
    await fakeClient.respondNext("ntfy", {
      match: mark,
      status: 429,
      headers: { "Retry-After": at },
      body: { code: 42901, http: 429, error: "limit reached: too many requests" },
    });
    const result = await deliver(adapterFor("ntfy"), fakeConfig("ntfy"), message(mark), { ...options, now: NOW });
    expect(result).toMatchObject({ status: "retry", httpStatus: 429, retryAfterMs: 90_000 });
  });

  it("is retried after Telegram's parameters.retry_after", async () => {
    const mark = marker();
    const body = { ok: false, error_code: 429, description: "Too Many Requests: retry after 17", parameters: { retry_after: 17 } };
    await fakeClient.respondNext("telegram", { match: mark, status: 429, body, headers: { "Content-Type": "application/json" } });
    const result = await deliver(adapterFor("telegram"), fakeConfig("telegram"), message(mark), options);
    expect(result).toMatchObject({ status: "retry", httpStatus: 429, retryAfterMs: 17_000 });
    expect(result.status === "retry" && result.answer).toContain("Too Many Requests: retry after 17");
  });

  it("is retried after Discord's retry_after in fractional seconds", async () => {
    const mark = marker();
    await fakeClient.respondNext("discord", { match: mark, status: 429, body: { message: "You are being rate limited.", retry_after: 0.377, global: false } });
    const result = await deliver(adapterFor("discord"), fakeConfig("discord"), message(mark), options);
    expect(result).toMatchObject({ status: "retry", httpStatus: 429, retryAfterMs: 377 });
  });

  it("without saying how long is retried with no wait of its own", async () => {
    const mark = marker();
    await fakeClient.respondNext("slack", { match: mark, status: 429, body: "rate_limited" });
    const result = await deliver(adapterFor("slack"), fakeConfig("slack"), message(mark), options);
    expect(result).toMatchObject({ status: "retry", httpStatus: 429 });
    expect(result).not.toHaveProperty("retryAfterMs");
  });
});

describe("answers", () => {
  it("a server error (5xx) is retried", async () => {
    const mark = marker();
    await fakeClient.respondNext("pushover", { match: mark, status: 503, body: "Service Unavailable" });
    const result = await deliver(adapterFor("pushover"), fakeConfig("pushover"), message(mark), options);
    expect(result).toMatchObject({ status: "retry", httpStatus: 503, answer: "HTTP 503 Service Unavailable: Service Unavailable" });
  });

  it("a client error (4xx) fails with the service's own answer", async () => {
    const mark = marker();
    const config = { ...fakeConfig("telegram"), chatId: "-100999" };
    const result = await deliver(adapterFor("telegram"), config, message(mark), options);
    expect(result).toEqual({
      status: "failed",
      httpStatus: 400,
      answer: 'HTTP 400 Bad Request: {"ok":false,"error_code":400,"description":"Bad Request: chat not found"}',
    });
  });

  it("a long answer is kept to its first 300 characters", async () => {
    const mark = marker();
    await fakeClient.respondNext("gotify", { match: mark, status: 400, body: "e".repeat(1000) });
    const result = await deliver(adapterFor("gotify"), fakeConfig("gotify"), message(mark), options);
    expect(result.status === "failed" && result.answer).toBe(`HTTP 400 Bad Request: ${"e".repeat(300)}…`);
  });

  it("a redirect fails and is not followed", async () => {
    const mark = marker();
    await fakeClient.respondNext("webhook", { match: mark, status: 302, headers: { Location: `${fakes.url}/webhook/receive?followed=${mark}` } });
    const result = await deliver(adapterFor("webhook"), fakeConfig("webhook"), message(mark), options);
    expect(result).toMatchObject({ status: "failed", httpStatus: 302 });
    expect(result.status === "failed" && result.answer).toMatch(/redirects are not followed/);
    expect(await receivedWith("webhook", mark)).toHaveLength(1);
  });

  it("a status the adapter names as gone is reported gone", async () => {
    const mark = marker();
    const gotify = CHANNEL_ADAPTERS.gotify;
    const adapter: ChannelAdapter = { ...gotify, goneStatuses: [410] };
    await fakeClient.respondNext("gotify", { match: mark, status: 410, body: "gone" });
    expect(await deliver(adapter, fakeConfig("gotify"), message(mark), options)).toEqual({ status: "gone", httpStatus: 410, answer: "HTTP 410 Gone: gone" });
  });

  it("a network error is retried", async () => {
    const config = { ...fakeConfig("gotify"), serverUrl: "http://127.0.0.1:9" };
    const result = await deliver(adapterFor("gotify"), config, message(marker()), options);
    expect(result).toMatchObject({ status: "retry" });
    expect(result).not.toHaveProperty("httpStatus");
  });

  it("no answer within the timeout is retried", async () => {
    const fetcher = vi.fn(
      (_input: RequestInfo | URL, init?: RequestInit) =>
        new Promise<Response>((_, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal?.reason))),
    );
    const result = await deliver(adapterFor("gotify"), fakeConfig("gotify"), message(marker()), { ...options, fetcher, timeoutMs: 50 });
    expect(result).toEqual({ status: "retry", answer: "no answer within 0.05 s" });
  });

  it("a config that no longer fits its adapter fails without a request", async () => {
    const fetcher = vi.fn(fetch);
    const result = await deliver(adapterFor("gotify"), { serverUrl: "ftp://x" }, message(marker()), { ...options, fetcher });
    expect(result.status).toBe("failed");
    expect(fetcher).not.toHaveBeenCalled();
  });
});

describe("answers stored in the delivery log", () => {
  it("never hold a secret field's value or a secret URL's path", async () => {
    const mark = marker();
    const { webhookId, webhookToken } = fakes.credentials.discord;
    await fakeClient.respondNext("discord", {
      match: mark,
      status: 400,
      body: { message: `bad webhook /api/webhooks/${webhookId}/${webhookToken} token ${webhookToken}`, code: 0 },
    });
    const result = await deliver(adapterFor("discord"), fakeConfig("discord"), message(mark), options);
    expect(result.status === "failed" && result.answer).not.toContain(webhookToken);
    expect(result.status === "failed" && result.answer).toContain("bad webhook");
  });

  it("redact replaces every occurrence", () => {
    expect(redact("a SECRET b SECRET", ["SECRET"])).toBe("a … b …");
  });
});

describe("official hosts", () => {
  it("skip the DNS check but still need https", async () => {
    const fetcher = vi.fn(async () => Response.json({ ok: true, result: {} }));
    const config = { botToken: `123456789:${"A".repeat(35)}`, chatId: "1" };
    // A resolver that cannot answer: asking it would refuse the send, so a sent message proves it was not asked.
    const sent = await deliver(CHANNEL_ADAPTERS.telegram, config, message(marker()), { appUrl: APP_URL, fetcher, resolverUrl: "http://127.0.0.1:9/dns-query" });
    expect(sent).toEqual({ status: "sent", httpStatus: 200 });
    expect(String((fetcher.mock.calls[0] as unknown[])[0])).toBe(`https://api.telegram.org/bot${config.botToken}/sendMessage`);
    expect((fetcher.mock.calls[0] as unknown[])[1]).toMatchObject({ method: "POST", redirect: "manual" });
  });

  it("on another port are checked like any other host", async () => {
    const fetcher = vi.fn(async () => new Response("ok"));
    const config = { botToken: `123456789:${"A".repeat(35)}`, chatId: "1", apiUrl: "https://api.telegram.org:8443" };
    const result = await deliver(CHANNEL_ADAPTERS.telegram, config, message(marker()), { appUrl: APP_URL, fetcher });
    expect(result).toMatchObject({ status: "failed", answer: expect.stringMatching(/443/) });
    expect(fetcher).not.toHaveBeenCalled();
  });
});

describe("Retry-After parsing", () => {
  it("reads seconds, HTTP dates and the services' JSON", () => {
    expect(retryAfterHeaderMs("120", NOW)).toBe(120_000);
    expect(retryAfterHeaderMs("Tue, 01 Dec 2026 21:01:00 GMT", NOW)).toBe(60_000);
    expect(retryAfterHeaderMs("Tue, 01 Dec 2026 20:00:00 GMT", NOW)).toBe(0);
    expect(retryAfterHeaderMs("soon", NOW)).toBeUndefined();
    expect(retryAfterBodyMs('{"parameters":{"retry_after":5}}')).toBe(5000);
    expect(retryAfterBodyMs('{"retry_after":1.5}')).toBe(1500);
    expect(retryAfterBodyMs("not json")).toBeUndefined();
  });
});

describe("the webhook signature", () => {
  const secret = "s".repeat(40);

  it("verifies what it signed, and refuses a changed body, another secret or an old timestamp", async () => {
    const body = '{"source":"autoarr"}';
    const headers = await signWebhook(secret, body, NOW);
    const received = { timestamp: headers["X-AutoArr-Timestamp"] ?? null, signature: headers["X-AutoArr-Signature"] ?? null };
    expect(await verifyWebhook(secret, received, body, NOW)).toBeNull();
    expect(await verifyWebhook(secret, received, '{"source":"autoarr "}', NOW)).toMatch(/does not match/);
    expect(await verifyWebhook("t".repeat(40), received, body, NOW)).toMatch(/does not match/);
    expect(await verifyWebhook(secret, received, body, new Date(NOW.getTime() + 301_000))).toMatch(/replay window/);
    expect(await verifyWebhook(secret, { ...received, timestamp: null }, body, NOW)).toMatch(/timestamp/);
  });

  it("is the documented HMAC-SHA256 over '<timestamp>.<body>' in hex", async () => {
    const headers = await signWebhook("key", "body", new Date(1_700_000_000_000));
    // Computed outside AutoArr, as docs/notifications.md shows: printf '1700000000.body' | openssl dgst -sha256 -hmac key
    expect(headers).toEqual({
      "X-AutoArr-Timestamp": "1700000000",
      "X-AutoArr-Signature": "v1=47b6ce0fca59474308e2921c247cb2493dce6b8101d90ac05bd0c6a37d0e046e",
    });
  });

  it("the receiver written from the docs refuses a timestamp older than 5 minutes", async () => {
    const mark = marker();
    const old = new Date(Date.now() - 6 * 60_000);
    const result = await deliver(adapterFor("webhook"), fakeConfig("webhook"), message(mark), { ...options, now: old });
    expect(result).toMatchObject({ status: "failed", httpStatus: 401, answer: expect.stringContaining("timestamp too old") });
  });

  it("the receiver refuses a body changed after signing", async () => {
    const mark = marker();
    const request = await adapterFor("webhook").request(fakeConfig("webhook"), message(mark), { appUrl: APP_URL, now: new Date() });
    const tampered = String(request.body).replace("Download failed", "Download fine");
    const response = await fetch(request.url, { method: "POST", headers: request.headers, body: tampered });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "bad signature" });
    expect((await onlyRequest("webhook", mark)).status).toBe(401);
  });
});
