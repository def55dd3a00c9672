// A release search's deadline: stack_item_trace with releaseSearch gets RELEASE_SEARCH_TIMEOUT_MS for the whole call and
// for its GET /release, while every other request of the same call keeps the app's own limit.
import { createServer, type Server } from "node:http";
import { callAppTimeoutMs, RELEASE_SEARCH_TIMEOUT_MS } from "@autoarr/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { send, withinAppTimeout, type AppTarget } from "../src/http/upstream.js";
import { silentLogger } from "../src/logger.js";

const SLOW_MS = 400;
let server: Server;
let target: AppTarget;

beforeAll(async () => {
  server = createServer((_request, response) => {
    setTimeout(() => response.end("[]"), SLOW_MS);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  target = { appName: "Sonarr", baseUrl: `http://127.0.0.1:${port}/`, timeoutMs: 150, headers: {}, query: {}, logger: silentLogger };
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("a release search's deadline", () => {
  it("is the release search's for stack_item_trace with releaseSearch, and the app timeout otherwise", () => {
    expect(callAppTimeoutMs("stack_item_trace", { releaseSearch: true }, 10_000)).toBe(RELEASE_SEARCH_TIMEOUT_MS);
    expect(callAppTimeoutMs("stack_item_trace", { releaseSearch: false }, 10_000)).toBe(10_000);
    expect(callAppTimeoutMs("sonarr_queue", { releaseSearch: true }, 10_000)).toBe(10_000);
    expect(callAppTimeoutMs("stack_item_trace", { releaseSearch: true }, 200_000)).toBe(200_000);
  });

  it("lets GET /release outlast the app's own limit within the call's budget, while the call's other requests keep it", async () => {
    const budget = callAppTimeoutMs("stack_item_trace", { releaseSearch: true }, target.timeoutMs);
    const [release, other] = await withinAppTimeout(budget, () =>
      Promise.all([send(target, { path: "api/v3/release", timeoutMs: RELEASE_SEARCH_TIMEOUT_MS }), send(target, { path: "api/v3/queue" })]),
    );
    expect(release).toMatchObject({ ok: true, value: { status: 200, text: "[]" } });
    expect(other).toMatchObject({ ok: false, failure: { kind: "timeout" } });
  });
});
