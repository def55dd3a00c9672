// The SABnzbd simulator against a real SABnzbd's recorded answers (test/recorded/sabnzbd-4.5, made by
// record-sabnzbd.mjs): the same status, content type and shape for every call the connector makes, and the same
// state changes. Then the connector itself against the recorded answers: every tool must accept what the real program says.
import { readdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSabnzbdApi } from "../src/apps/sabnzbd/sabnzbd.api.js";
import { sabnzbdTools } from "../src/apps/sabnzbd/sabnzbd.tools.js";
import { silentLogger } from "../src/logger.js";
import { startSimulators, type RunningSimulators } from "../src/simulators/index.js";
import type { ToolSpec } from "../src/tools/tool.js";
import { type Answer, CASES, type Io, resolveRequest, UNKNOWN_ID } from "./recorded/sabnzbd-cases.mjs";
import { revive } from "./recorded/normalise.mjs";
import { shapeDifferences } from "./recorded/shape.mjs";

interface Fixture {
  case: string;
  order: number;
  about: string;
  request: Record<string, string>;
  status: number;
  contentType: string;
  json?: unknown;
  text?: string;
  facts?: Record<string, unknown>;
  notOnSimulator?: string;
}

const folder = new URL("./recorded/sabnzbd-4.5/", import.meta.url);
const fixtures: Fixture[] = readdirSync(folder)
  .filter((f) => f.endsWith(".json"))
  .map((f) => JSON.parse(readFileSync(new URL(f, folder), "utf8")) as Fixture)
  .sort((a, b) => a.order - b.order);
const fixture = (name: string): Fixture => {
  const found = fixtures.find((f) => f.case === name);
  if (!found) throw new Error(`no recorded case ${name}`);
  return found;
};
const cases = CASES;

/**
 * The recorded answer with its queue or history slots replaced by every slot recorded anywhere: the simulator's world
 * holds other kinds of jobs at that moment (downloads that failed, completed ones) than the recording did, and each
 * of its slots must look like one kind the real program gave (a URL that failed has md5sum null, a download a hash).
 */
function withEveryRecordedSlot(json: unknown): unknown {
  const record = json as Record<string, { slots?: unknown[] } | undefined> | undefined;
  const list = record?.history?.slots ? "history" : record?.queue?.slots ? "queue" : undefined;
  if (!list) return json;
  const slots = fixtures.flatMap((f) => (f.json as Record<string, { slots?: unknown[] } | undefined> | undefined)?.[list]?.slots ?? []);
  return { ...record, [list]: { ...record![list], slots } };
}

async function request(url: string, params: Record<string, string>): Promise<Answer> {
  const response = await fetch(`${url}/api?${new URLSearchParams(params)}`);
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, contentType: response.headers.get("content-type"), text, json };
}

async function waitFor(predicate: () => Promise<boolean>, timeoutMs = 5000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await predicate()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("the shape comparison", () => {
  it("sees a different type, a missing and an extra key, and an element no recorded element matches", () => {
    expect(shapeDifferences({ a: 1, b: "x" }, { a: "1", c: true })).toEqual([
      "$.a: string where the real SABnzbd has number",
      "$.b: missing (the real SABnzbd has it)",
      "$.c: not in the real SABnzbd's answer",
    ]);
    expect(shapeDifferences({ t: "<unix-seconds:number>", s: [{ p: "Normal" }, { p: 0 }] }, { t: 17, s: [{ p: 0 }, { p: "High" }, { p: null }] })).toEqual([
      "$.s[2].p: null where the real SABnzbd has string",
    ]);
    expect(shapeDifferences({ s: [] }, { s: [{ anything: 1 }] })).toEqual([]);
  });
});

describe("the SABnzbd simulator answers as the real SABnzbd 4.5 did", () => {
  let sims: RunningSimulators;
  let url: string;
  const roles: Record<string, unknown> = { unknown: UNKNOWN_ID };
  const io: Io = { api: (params) => request(url, { output: "json", apikey: sims.keys.sabnzbd, ...params }), waitFor: (p) => waitFor(p) };
  const queueSlots = async () => ((await io.api({ mode: "queue" })).json as { queue: { slots: { nzo_id: string; status: string }[] } }).queue.slots;
  const historySlots = async () => ((await io.api({ mode: "history" })).json as { history: { slots: { nzo_id: string; status: string }[] } }).history.slots;

  // The simulator's world is the demo's, not a fresh install: the same roles are found in it.
  const setup: Record<string, () => Promise<void>> = {
    queue: async () => {
      roles.queued = (await queueSlots()).find((s) => s.status === "Downloading")?.nzo_id;
      roles.failed = (await historySlots()).find((s) => s.status === "Failed")?.nzo_id;
    },
    "history-unchanged": async () => {
      roles.historyUpdate = ((await io.api({ mode: "history" })).json as { history: { last_history_update: number } }).history.last_history_update;
    },
    "history-delete": async () => {
      roles.historyJob = (await historySlots())[0]?.nzo_id;
    },
    "get-config-misc-after-restart": async () => {
      expect((await fetch(`${url}/__sim/sabnzbd-restart`, { method: "POST" })).status).toBe(200);
    },
    "get-config-misc-after-second-restart": async () => {
      expect((await fetch(`${url}/__sim/sabnzbd-restart`, { method: "POST" })).status).toBe(200);
    },
  };

  beforeAll(async () => {
    sims = await startSimulators({ profile: "demo" });
    url = sims.urls.sabnzbd;
  });
  afterAll(() => sims?.close());

  it("has a recording of every case", () => {
    expect(fixtures.map((f) => f.case).sort()).toEqual(cases.map((c) => c.name).sort());
  });

  for (const recorded of fixtures) {
    const testCase = cases.find((c) => c.name === recorded.case);
    it.skipIf(Boolean(recorded.notOnSimulator) || !testCase)(`${recorded.case}: ${recorded.about}`, async () => {
      await setup[recorded.case]?.();
      const params = resolveRequest(testCase!.request, roles);
      const key: Record<string, string> =
        testCase!.key === "wrong" ? { apikey: "0".repeat(32) } : testCase!.key === "none" ? {} : { apikey: sims.keys.sabnzbd };
      const answer = await request(url, { output: "json", ...key, ...params });
      expect({ status: answer.status, contentType: answer.contentType }).toEqual({ status: recorded.status, contentType: recorded.contentType });
      if (recorded.text !== undefined) {
        expect(answer.text).toBe(recorded.text);
      } else {
        expect(shapeDifferences(withEveryRecordedSlot(recorded.json), answer.json)).toEqual([]);
        // Where the connector decides on a value, not only its type: SABnzbd's status flag and error text.
        const pick = (value: unknown) => {
          const record = (value ?? {}) as Record<string, unknown>;
          return { status: typeof record.status === "boolean" ? record.status : undefined, error: record.error };
        };
        expect(pick(answer.json)).toEqual(pick(recorded.json));
      }
      if (recorded.facts) expect(await testCase!.facts!(io, answer, roles)).toEqual(recorded.facts);
    });
  }
});

describe("the connector accepts every recorded answer of the real SABnzbd 4.5", () => {
  let server: Server;
  let answers: Fixture[] = [];
  let tools: ToolSpec[];

  beforeAll(async () => {
    // Answers each request with the next recorded answer, as the real program gave it (placeholders typed back).
    server = createServer((_req, res) => {
      const next = answers.shift();
      if (!next) return res.writeHead(599).end();
      res.writeHead(next.status, { "Content-Type": next.contentType });
      res.end(next.json !== undefined ? JSON.stringify(revive(next.json)) : next.text);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const api = createSabnzbdApi({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, apiKey: "k", timeoutMs: 2000 }, silentLogger);
    tools = sabnzbdTools(api);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Runs a tool against the recorded answers; its data must satisfy the tool's own output schema. */
  async function run(name: string, args: Record<string, unknown>, ...recorded: string[]) {
    const tool = tools.find((t) => t.name === name)!;
    answers = recorded.map(fixture);
    const outcome = await tool.run(z.object(tool.input).parse(args) as never);
    expect(answers).toEqual([]);
    if (outcome.ok) z.object(tool.output).parse(outcome.data);
    return outcome;
  }
  const data = (outcome: Awaited<ReturnType<typeof run>>) => {
    if (!outcome.ok) throw new Error(`expected success, got ${outcome.failure.message}`);
    return outcome.data as Record<string, unknown>;
  };
  const failure = (outcome: Awaited<ReturnType<typeof run>>) => (outcome.ok ? "succeeded" : outcome.failure.message);

  it("sabnzbd_version", async () => {
    expect(data(await run("sabnzbd_version", {}, "version", "queue-first"))).toMatchObject({ paused: false, status: "Idle", queueSize: 1 });
  });

  it("sabnzbd_queue, running and paused", async () => {
    const queue = data(await run("sabnzbd_queue", {}, "queue"));
    expect(queue).toMatchObject({
      paused: false,
      totalSlots: 1,
      slots: [expect.objectContaining({ status: "Downloading", leftMb: expect.any(Number), labels: [] })],
    });
    expect(data(await run("sabnzbd_queue", {}, "queue-paused"))).toMatchObject({ paused: true, status: "Paused" });
  });

  it("sabnzbd_queue names the priority of a job SABnzbd answers with the number 0 (one still being fetched)", async () => {
    const slots = data(await run("sabnzbd_queue", {}, "queue-grabbing")).slots as { status: string; priority: string; labels: string[] }[];
    const grabbing = slots.find((s) => s.status === "Grabbing");
    expect(grabbing).toMatchObject({ priority: "Normal", labels: [expect.stringMatching(/^WAIT /)] });
  });

  it("sabnzbd_history: a failed URL fetch, a failed download, only failed, unchanged, the archive", async () => {
    const history = data(await run("sabnzbd_history", {}, "history"));
    expect(history.slots).toEqual([expect.objectContaining({ status: "Failed", failMessage: "URL Fetching failed; File not on server", retry: true })]);
    const failedDownload = data(await run("sabnzbd_history", {}, "history-download-failed"));
    expect((failedDownload.slots as { failMessage: string }[]).map((s) => s.failMessage)).toContain(
      "Download failed - Not on your server(s) - https://sabnzbd.org/not-complete",
    );
    expect(data(await run("sabnzbd_history", { failedOnly: true }, "history-failed-only")).slots).toHaveLength(1);
    expect(data(await run("sabnzbd_history", { lastHistoryUpdate: 1 }, "history-unchanged"))).toMatchObject({ changed: false, slots: [] });
    expect(data(await run("sabnzbd_history", { category: "tv" }, "history-category")).changed).toBe(true);
  });

  it("sabnzbd_retry reads the new id, and an unknown job is an error", async () => {
    expect(data(await run("sabnzbd_retry", { nzoId: "SABnzbd_nzo_old" }, "retry"))).toEqual({ retried: true, nzoId: "<nzo_id>" });
    expect(failure(await run("sabnzbd_retry", { nzoId: UNKNOWN_ID }, "retry-unknown"))).toBe("SABnzbd reported an error: item does not exist");
  });

  it("sabnzbd_delete from the queue and the history; an unknown queue job is an error", async () => {
    expect(data(await run("sabnzbd_delete", { from: "queue", nzoIds: ["SABnzbd_nzo_x"] }, "queue-delete")).deleted).toBe(true);
    expect(data(await run("sabnzbd_delete", { from: "history", nzoIds: ["SABnzbd_nzo_x"] }, "history-delete")).deleted).toBe(true);
    expect(data(await run("sabnzbd_delete", { from: "history", nzoIds: [UNKNOWN_ID] }, "history-delete-unknown")).deleted).toBe(true);
    expect(failure(await run("sabnzbd_delete", { from: "queue", nzoIds: [UNKNOWN_ID] }, "queue-delete-unknown"))).toBe(
      "SABnzbd reported a failure without details",
    );
  });

  it("sabnzbd_pause and sabnzbd_resume, of the queue and of one job", async () => {
    expect(data(await run("sabnzbd_pause", {}, "pause"))).toEqual({ done: true, scope: "queue" });
    expect(data(await run("sabnzbd_resume", {}, "resume"))).toEqual({ done: true, scope: "queue" });
    expect(data(await run("sabnzbd_pause", { nzoId: "SABnzbd_nzo_x" }, "queue-pause-job")).done).toBe(true);
    expect(data(await run("sabnzbd_resume", { nzoId: "SABnzbd_nzo_x" }, "queue-resume-job")).done).toBe(true);
  });

  it("sabnzbd_get_config of every section, keys masked", async () => {
    for (const [section, recorded] of [
      ["misc", "get-config-misc-fresh"],
      ["servers", "get-config-servers-one"],
      ["categories", "get-config-categories"],
      ["sorters", "get-config-sorters"],
      ["rss", "get-config-rss"],
      ["logging", "get-config-logging"],
      ["ncenter", "get-config-ncenter"],
      ["email", "get-config-email"],
    ] as const) {
      const config = data(await run("sabnzbd_get_config", { section }, recorded));
      expect(config.section).toBe(section);
    }
    const misc = data(await run("sabnzbd_get_config", { section: "misc" }, "get-config-misc-fresh")).config as Record<string, unknown>;
    expect(misc.api_key).toBe("********");
    expect(data(await run("sabnzbd_get_config", { section: "misc", keyword: "no_such_key" }, "get-config-misc-unknown-keyword")).config).toBeNull();
  });

  it("sabnzbd_set_config of a switch, a string, a list, a category and a server; an unknown key is an error", async () => {
    expect(data(await run("sabnzbd_set_config", { section: "misc", keyword: "direct_unpack", value: true }, "set-config-misc-switch")).config).toEqual({
      direct_unpack: true,
    });
    expect(data(await run("sabnzbd_set_config", { section: "misc", keyword: "cache_limit", value: "512M" }, "set-config-misc-string")).config).toEqual({
      cache_limit: "512M",
    });
    expect(
      data(await run("sabnzbd_set_config", { section: "misc", keyword: "unwanted_extensions", value: "exe,com,bat" }, "set-config-misc-list")).config,
    ).toEqual({ unwanted_extensions: ["exe", "com", "bat"] });
    expect(data(await run("sabnzbd_set_config", { section: "categories", name: "tv", keyword: "dir", value: "tv" }, "set-config-category")).config).toEqual([
      expect.objectContaining({ name: "tv", dir: "tv" }),
    ]);
    expect(
      data(await run("sabnzbd_set_config", { section: "servers", name: "news.autoarr.test", keyword: "ssl", value: true }, "set-config-server-new")).config,
    ).toEqual([expect.objectContaining({ name: "news.autoarr.test", ssl: 1 })]);
    expect(failure(await run("sabnzbd_set_config", { section: "misc", keyword: "no_such_key", value: "1" }, "set-config-misc-unknown"))).toBe(
      "SABnzbd reported an error: Config item does not exist",
    );
  });

  it("a wrong or missing API key is an auth failure", async () => {
    expect(failure(await run("sabnzbd_queue", {}, "auth-wrong-key"))).toBe("API key rejected by SABnzbd (HTTP 403)");
    expect(failure(await run("sabnzbd_queue", {}, "auth-missing-key"))).toBe("API key rejected by SABnzbd (HTTP 403)");
  });
});
