// A hung app (a real SABnzbd under SIGSTOP accepts connections and never answers) is reported by the connector as that
// app's timeout, within the app timeout it advertises, while its other apps keep answering.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { APP_TIMEOUT_CAPABILITY } from "@autoarr/contract";
import { call, simFetch, startHarness, type Harness } from "./helpers.js";

const APP_TIMEOUT_MS = 500;

let harness: Harness;
let client: Client;
let sab: string;
beforeAll(async () => {
  harness = await startHarness({ apps: ["sabnzbd", "sonarr"], timeoutMs: APP_TIMEOUT_MS });
  client = await harness.client();
  sab = harness.sims.urls.sabnzbd;
});
afterAll(() => harness.close());
beforeEach(async () => {
  await simFetch(`${sab}/__sim/reset`, { method: "POST" });
});

const hang = () => simFetch(`${sab}/__sim/faults`, { method: "POST", body: JSON.stringify({ hang: true }) });

async function timed(name: string): Promise<{ result: CallToolResult; ms: number }> {
  const started = Date.now();
  const result = (await client.callTool({ name, arguments: {} })) as CallToolResult;
  return { result, ms: Date.now() - started };
}

describe("a hung app", () => {
  it("is answered, after one app timeout, with a timeout error that names the app and carries the limit", async () => {
    await hang();
    const { result, ms } = await timed("sabnzbd_queue");
    expect(result.isError).toBe(true);
    expect(result.content).toEqual([{ type: "text", text: "SABnzbd did not answer within 0.5 s" }]);
    expect(result._meta?.["autoarr/failure"]).toEqual({ kind: "timeout", timeoutMs: APP_TIMEOUT_MS });
    expect(ms).toBeGreaterThanOrEqual(APP_TIMEOUT_MS - 20);
    expect(ms).toBeLessThan(APP_TIMEOUT_MS + 400);
  });

  it("does not hold back another app of the same connector", async () => {
    await hang();
    const [sabnzbd, sonarr] = await Promise.all([timed("sabnzbd_queue"), timed("sonarr_system_status")]);
    expect(sabnzbd.result.isError).toBe(true);
    expect(sonarr.result.isError).toBeFalsy();
    expect(sonarr.ms).toBeLessThan(sabnzbd.ms);
  });

  it("answers again once it resumes", async () => {
    await hang();
    expect((await call(client, "sabnzbd_queue")).isError).toBe(true);
    await simFetch(`${sab}/__sim/faults`, { method: "DELETE" });
    expect(await call(client, "sabnzbd_queue")).toMatchObject({ isError: false });
  });
});

describe("the app timeout", () => {
  it("bounds the whole tool call, not each request: two slow requests end in one timeout", async () => {
    // sabnzbd_version asks mode=version then mode=queue; each answer alone is within the limit, both together are not.
    await simFetch(`${sab}/__sim/faults`, { method: "POST", body: JSON.stringify({ latencyMs: 300 }) });
    const { result, ms } = await timed("sabnzbd_version");
    expect(result).toMatchObject({ isError: true, content: [{ type: "text", text: "SABnzbd did not answer within 0.5 s" }] });
    expect(ms).toBeLessThan(APP_TIMEOUT_MS + 250);
  });

  it("is advertised to the hub when the session starts", () => {
    expect(client.getServerCapabilities()?.experimental?.[APP_TIMEOUT_CAPABILITY]).toEqual({ ms: APP_TIMEOUT_MS });
  });
});
