import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { call, closedPortUrl, simFetch, startHarness, type Harness } from "./helpers.js";

let harness: Harness;
let client: Client;
let sab: string;
beforeAll(async () => {
  harness = await startHarness({ apps: ["sabnzbd"], timeoutMs: 500 });
  client = await harness.client();
  sab = harness.sims.urls.sabnzbd;
});
afterAll(() => harness.close());
beforeEach(async () => {
  await simFetch(`${sab}/__sim/reset`, { method: "POST" });
});

describe("SABnzbd tools against the simulator", () => {
  it("reports version and queue status", async () => {
    const result = await call(client, "sabnzbd_version");
    expect(result.isError).toBe(false);
    expect(result.data).toMatchObject({ version: "4.5.0", paused: false, status: "Downloading" });
    expect(result.text).toContain("SABnzbd 4.5.0");
  });

  it("reads the queue with string sizes parsed into numbers and a stalled job that does not move", async () => {
    const first = await call(client, "sabnzbd_queue");
    const slots = first.data.slots as { nzoId: string; name: string; percentage: number; leftMb: number }[];
    expect(slots.length).toBeGreaterThanOrEqual(3);
    const stalled = slots.find((s) => s.name.startsWith("Severance.S02E10"));
    await simFetch(`${sab}/__sim/tick`, { method: "POST", body: JSON.stringify({ seconds: 30 }) });
    const second = await call(client, "sabnzbd_queue");
    const again = (second.data.slots as typeof slots).find((s) => s.nzoId === stalled?.nzoId);
    expect(again?.percentage).toBe(stalled?.percentage);
    expect(typeof again?.leftMb).toBe("number");
  });

  it("lists failed jobs with fail_message and retry, and answers an unchanged history cheaply", async () => {
    const history = await call(client, "sabnzbd_history", { failedOnly: true });
    const slots = history.data.slots as { failMessage: string; retry: boolean; status: string }[];
    expect(slots.length).toBeGreaterThan(0);
    expect(slots[0]).toMatchObject({ status: "Failed", retry: true, failMessage: "Aborted, cannot be completed - https://sabnzbd.org/not-complete" });
    const unchanged = await call(client, "sabnzbd_history", { lastHistoryUpdate: history.data.lastHistoryUpdate });
    expect(unchanged.data).toMatchObject({ changed: false, slots: [] });
    const log = harness.sims.requests("sabnzbd").filter((r) => r.query.mode === "history");
    expect(log.at(-1)?.query.last_history_update).toBe(String(history.data.lastHistoryUpdate));
  });

  it("retries a failed job and deletes jobs with their files", async () => {
    const history = await call(client, "sabnzbd_history", { failedOnly: true });
    const failed = (history.data.slots as { nzoId: string }[])[0]!;
    const retry = await call(client, "sabnzbd_retry", { nzoId: failed.nzoId });
    // A real SABnzbd 4.5 gives the retried job a new id and drops the old history entry.
    const newId = retry.data.nzoId as string;
    expect(retry.data).toEqual({ retried: true, nzoId: expect.stringMatching(/^SABnzbd_nzo_/) });
    expect(newId).not.toBe(failed.nzoId);
    const queue = await call(client, "sabnzbd_queue");
    expect((queue.data.slots as { nzoId: string }[]).some((s) => s.nzoId === newId)).toBe(true);
    const after = await call(client, "sabnzbd_history", { failedOnly: true });
    expect((after.data.slots as { nzoId: string }[]).some((s) => s.nzoId === failed.nzoId)).toBe(false);
    const deleted = await call(client, "sabnzbd_delete", { from: "queue", nzoIds: [newId], deleteFiles: true });
    expect(deleted.data).toEqual({ deleted: true, from: "queue", nzoIds: [newId] });
    const request = harness.sims.requests("sabnzbd").at(-1);
    expect(request?.query).toMatchObject({ mode: "queue", name: "delete", value: newId, del_files: "1", output: "json" });
  });

  it("surfaces a retry of an unknown job (HTTP 200, status false) as an error", async () => {
    const result = await call(client, "sabnzbd_retry", { nzoId: "SABnzbd_nzo_nothere" });
    expect(result).toMatchObject({ isError: true, text: "SABnzbd reported an error: item does not exist" });
  });

  it("pauses and resumes the queue and single jobs", async () => {
    expect((await call(client, "sabnzbd_pause")).data).toEqual({ done: true, scope: "queue" });
    expect((await call(client, "sabnzbd_version")).data.paused).toBe(true);
    expect((await call(client, "sabnzbd_resume")).data).toEqual({ done: true, scope: "queue" });
    const queue = await call(client, "sabnzbd_queue");
    const job = (queue.data.slots as { nzoId: string }[])[0]!;
    expect((await call(client, "sabnzbd_pause", { nzoId: job.nzoId })).data).toEqual({ done: true, scope: job.nzoId });
  });

  it("reads config with the API keys masked and sets one key of one section", async () => {
    const misc = await call(client, "sabnzbd_get_config", { section: "misc" });
    const values = misc.data.config as Record<string, unknown>;
    expect(values.api_key).toBe("********");
    expect(values.nzb_key).toBe("********");
    expect(values.direct_unpack).toBe(0);
    expect(JSON.stringify(misc)).not.toContain(harness.sims.keys.sabnzbd);
    const set = await call(client, "sabnzbd_set_config", { section: "misc", keyword: "direct_unpack", value: true });
    expect(set.data.config).toEqual({ direct_unpack: true });
    const category = await call(client, "sabnzbd_set_config", { section: "categories", name: "movies", keyword: "dir", value: "movies" });
    expect(category.data.config).toEqual([expect.objectContaining({ name: "movies", dir: "movies" })]);
    const servers = await call(client, "sabnzbd_get_config", { section: "servers" });
    expect((servers.data.config as { ssl: number }[])[0]?.ssl).toBe(0);
  });

  it("refuses to change the API key and reports unknown config items as errors", async () => {
    expect((await call(client, "sabnzbd_set_config", { section: "misc", keyword: "api_key", value: "x" })).isError).toBe(true);
    const unknown = await call(client, "sabnzbd_set_config", { section: "misc", keyword: "no_such_key", value: "1" });
    expect(unknown).toMatchObject({ isError: true, text: "SABnzbd reported an error: Config item does not exist" });
  });

  it("rejects bad arguments before calling SABnzbd", async () => {
    const before = harness.sims.requests("sabnzbd").length;
    const result = await call(client, "sabnzbd_delete", { from: "trash", nzoIds: [] });
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(/Input validation error/);
    expect(harness.sims.requests("sabnzbd").length).toBe(before);
  });
});

describe("SABnzbd failures surface as errors, not data", () => {
  it("treats a wrong key answered with HTTP 403 plain text as an auth error", async () => {
    const wrong = await startHarness({ apps: ["sabnzbd"], appsConfig: (sims) => ({ sabnzbd: { url: sims.urls.sabnzbd, apiKey: "wrong-key-123" } }) });
    try {
      const result = await call(await wrong.client(), "sabnzbd_queue");
      expect(result).toMatchObject({ isError: true, text: "API key rejected by SABnzbd (HTTP 403)" });
      expect(result.text).not.toContain("wrong-key-123");
    } finally {
      await wrong.close();
    }
  });

  it("treats a wrong key answered with HTTP 200 {error} as an auth error", async () => {
    const wrong = await startHarness({ apps: ["sabnzbd"], appsConfig: (sims) => ({ sabnzbd: { url: sims.urls.sabnzbd, apiKey: "wrong-key-123" } }) });
    try {
      await simFetch(`${wrong.sims.urls.sabnzbd}/__sim/sabnzbd-auth-style`, { method: "POST", body: JSON.stringify({ style: "json200" }) });
      const result = await call(await wrong.client(), "sabnzbd_history");
      expect(result).toMatchObject({ isError: true, text: "API key rejected by SABnzbd (API Key Incorrect)" });
    } finally {
      await wrong.close();
    }
  });

  it("reports SABnzbd down (connection reset) and recovers when the fault clears", async () => {
    await simFetch(`${sab}/__sim/faults`, { method: "POST", body: JSON.stringify({ down: true }) });
    const down = await call(client, "sabnzbd_queue");
    expect(down).toMatchObject({ isError: true, text: expect.stringMatching(/^SABnzbd is unreachable at its configured URL \(connection (reset|failed)\)$/) });
    await simFetch(`${sab}/__sim/faults`, { method: "DELETE" });
    expect((await call(client, "sabnzbd_queue")).isError).toBe(false);
  });

  it("reports a timeout when SABnzbd is slower than the configured limit", async () => {
    await simFetch(`${sab}/__sim/faults`, { method: "POST", body: JSON.stringify({ failNext: 1, latencyMs: 900 }) });
    expect(await call(client, "sabnzbd_queue")).toMatchObject({ isError: true, text: "SABnzbd did not answer within 0.5 s" });
  });

  it("reports malformed JSON", async () => {
    await simFetch(`${sab}/__sim/faults`, { method: "POST", body: JSON.stringify({ failNext: 1, malformed: true }) });
    expect(await call(client, "sabnzbd_queue")).toMatchObject({ isError: true, text: "SABnzbd returned malformed JSON (HTTP 200)" });
  });

  it("reports an unreachable SABnzbd (connection refused)", async () => {
    const url = await closedPortUrl();
    const refused = await startHarness({ apps: ["sabnzbd"], appsConfig: () => ({ sabnzbd: { url, apiKey: "k" } }) });
    try {
      expect(await call(await refused.client(), "sabnzbd_version")).toMatchObject({
        isError: true,
        text: "SABnzbd is unreachable at its configured URL (connection refused)",
      });
    } finally {
      await refused.close();
    }
  });
});
