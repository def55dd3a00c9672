// Whose failure a timeout is, and how long the hub waits: the orchestrator against a scripted connector connection.
import { type CallToolResult, ErrorCode, McpError, type Tool } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { DEFAULT_APP_TIMEOUT_MS, hubDeadlineMs, RELEASE_SEARCH_TIMEOUT_MS } from "@autoarr/contract";
import type { BreakerKey } from "@autoarr/contract";
import { type BreakerGate, type ConnectorConnection, DEFAULT_ORCHESTRATOR_OPTIONS, Orchestrator } from "./orchestrator";

const TOOLS: Tool[] = [
  { name: "sabnzbd_queue", inputSchema: { type: "object", properties: {} }, annotations: { readOnlyHint: true } },
  { name: "sabnzbd_retry", inputSchema: { type: "object", properties: {} }, annotations: { readOnlyHint: false } },
  { name: "sonarr_system_status", inputSchema: { type: "object", properties: {} }, annotations: { readOnlyHint: true } },
  { name: "stack_changes", inputSchema: { type: "object", properties: {} }, annotations: { readOnlyHint: true } },
  {
    name: "stack_item_trace",
    inputSchema: { type: "object", properties: { releaseSearch: { type: "boolean" } } },
    annotations: { readOnlyHint: true },
  },
  { name: "other_thing", inputSchema: { type: "object", properties: {} }, annotations: { readOnlyHint: true } },
];

/** What the connector does with a tools/call, given the deadline the hub set for it. */
type Script = (tool: string, hubTimeoutMs: number) => Promise<CallToolResult>;

function connection(script: Script, appTimeoutMs: number | undefined) {
  const sent: { tool: string; timeoutMs: number }[] = [];
  let forgotten = 0;
  const fake: ConnectorConnection = {
    cachedTools: () => TOOLS,
    listTools: async () => TOOLS,
    appTimeoutMs: () => appTimeoutMs,
    forget: () => {
      forgotten++;
    },
    callTool: async (tool, _args, options) => {
      sent.push({ tool, timeoutMs: options.timeoutMs });
      return script(tool, options.timeoutMs);
    },
  };
  return { fake, sent, forgotten: () => forgotten };
}

function recordingBreakers(open: BreakerKey[] = []) {
  const failures: { key: BreakerKey; error: string }[] = [];
  const successes: BreakerKey[] = [];
  const requested: BreakerKey[] = [];
  const gate: BreakerGate = {
    request: (key) => {
      requested.push(key);
      return open.includes(key) ? { permitted: false, retryInMs: 30_000 } : { permitted: true, retryInMs: 0 };
    },
    success: (key) => void successes.push(key),
    failure: (key, error) => void failures.push({ key, error }),
    release: () => undefined,
  };
  return { gate, failures, successes, requested };
}

/** A connector that, like the real one, answers an app's hang with that app's named timeout once its own limit passes. */
const connectorTimingOut =
  (appTimeoutMs: number): Script =>
  async (tool, hubTimeoutMs) => {
    if (hubTimeoutMs <= appTimeoutMs) throw new McpError(ErrorCode.RequestTimeout, "Request timed out");
    const app = tool.startsWith("sonarr") ? "Sonarr" : "SABnzbd";
    return {
      isError: true,
      content: [{ type: "text", text: `${app} did not answer within ${appTimeoutMs / 1000} s` }],
      _meta: { "autoarr/failure": { kind: "timeout", timeoutMs: appTimeoutMs } },
    };
  };

const noSleep = async () => undefined;

describe("the hub's deadline", () => {
  it("is always longer than the app timeout the connector advertises", async () => {
    const { fake, sent } = connection(connectorTimingOut(20_000), 20_000);
    const orchestrator = new Orchestrator(async () => fake, recordingBreakers().gate, DEFAULT_ORCHESTRATOR_OPTIONS, noSleep);
    await orchestrator.call("sabnzbd_queue", {});
    expect(sent[0]!.timeoutMs).toBe(hubDeadlineMs(20_000));
    expect(sent[0]!.timeoutMs).toBeGreaterThan(20_000);
  });

  it("assumes the connector's default app timeout when an older connector advertises none", async () => {
    const { fake, sent } = connection(connectorTimingOut(DEFAULT_APP_TIMEOUT_MS), undefined);
    const orchestrator = new Orchestrator(async () => fake, recordingBreakers().gate, { ...DEFAULT_ORCHESTRATOR_OPTIONS, timeoutMs: 1_000 }, noSleep);
    await orchestrator.call("sabnzbd_queue", {});
    expect(sent[0]!.timeoutMs).toBe(hubDeadlineMs(DEFAULT_APP_TIMEOUT_MS));
  });

  it("gives a release search (stack_item_trace with releaseSearch) its own longer deadline, and the same tool without one the usual", async () => {
    const { fake, sent } = connection(connectorTimingOut(10_000), 10_000);
    const orchestrator = new Orchestrator(async () => fake, recordingBreakers().gate, DEFAULT_ORCHESTRATOR_OPTIONS, noSleep);
    await orchestrator.call("stack_item_trace", { releaseSearch: true });
    await orchestrator.call("stack_item_trace", { releaseSearch: false });
    await orchestrator.call("sabnzbd_queue", { releaseSearch: true });
    expect(sent.map((s) => s.timeoutMs)).toEqual([hubDeadlineMs(RELEASE_SEARCH_TIMEOUT_MS), hubDeadlineMs(10_000), hubDeadlineMs(10_000)]);
  });

  it("keeps a configured deadline that is longer still", async () => {
    const { fake, sent } = connection(connectorTimingOut(1_000), 1_000);
    const orchestrator = new Orchestrator(async () => fake, recordingBreakers().gate, { ...DEFAULT_ORCHESTRATOR_OPTIONS, timeoutMs: 40_000 }, noSleep);
    await orchestrator.call("sabnzbd_queue", {});
    expect(sent[0]!.timeoutMs).toBe(40_000);
  });
});

describe("an app that does not answer", () => {
  it("is that app's failure, named by the connector, asked once, and never counted against the connector", async () => {
    const { fake, sent } = connection(connectorTimingOut(10_000), 10_000);
    const breakers = recordingBreakers();
    const orchestrator = new Orchestrator(async () => fake, breakers.gate, DEFAULT_ORCHESTRATOR_OPTIONS, noSleep);
    const outcome = await orchestrator.call("sabnzbd_queue", {});
    expect(outcome).toMatchObject({
      ok: false,
      app: "sabnzbd",
      attempts: 1,
      error: { kind: "timeout", source: "sabnzbd", message: "SABnzbd did not answer within 10 s", details: { timeoutMs: 10_000 } },
    });
    expect(sent).toHaveLength(1);
    expect(breakers.failures).toEqual([{ key: "sabnzbd", error: "SABnzbd did not answer within 10 s" }]);
    expect(breakers.successes).toContain("connector");
  });

  it("leaves a write's outcome unknown and says to read it back", async () => {
    const { fake, sent } = connection(connectorTimingOut(10_000), 10_000);
    const orchestrator = new Orchestrator(async () => fake, recordingBreakers().gate, DEFAULT_ORCHESTRATOR_OPTIONS, noSleep);
    const outcome = await orchestrator.call("sabnzbd_retry", {});
    expect(outcome).toMatchObject({ ok: false, attempts: 1, error: { kind: "outcome_unknown", source: "sabnzbd" } });
    if (!outcome.ok) expect(outcome.error.message).toMatch(/^SABnzbd did not answer within 10 s; .*read it back/);
    expect(sent).toHaveLength(1);
  });
});

describe("a connector that does not answer within the hub's deadline", () => {
  it("is the connector's failure, said as such, not repeated, and keeps the session the other calls share", async () => {
    const silent: Script = async () => {
      throw new McpError(ErrorCode.RequestTimeout, "Request timed out");
    };
    const { fake, sent, forgotten } = connection(silent, 10_000);
    const breakers = recordingBreakers();
    const orchestrator = new Orchestrator(async () => fake, breakers.gate, DEFAULT_ORCHESTRATOR_OPTIONS, noSleep);
    const outcome = await orchestrator.call("sabnzbd_queue", {});
    expect(outcome).toMatchObject({
      ok: false,
      attempts: 1,
      error: { kind: "timeout", source: "connector", message: "The connector did not answer within 15 s" },
    });
    expect(sent).toHaveLength(1);
    expect(breakers.failures.map((f) => f.key)).toEqual(["connector"]);
    expect(forgotten()).toBe(0);
  });

  it("still re-sends a read once the connector refused or dropped the request (nothing ran)", async () => {
    let calls = 0;
    const flaky: Script = async () => {
      if (++calls === 1) throw new TypeError("fetch failed");
      return { content: [{ type: "text", text: "ok" }], structuredContent: {} };
    };
    const { fake, sent } = connection(flaky, 10_000);
    const orchestrator = new Orchestrator(async () => fake, recordingBreakers().gate, DEFAULT_ORCHESTRATOR_OPTIONS, noSleep);
    expect(await orchestrator.call("sabnzbd_queue", {})).toMatchObject({ ok: true, attempts: 2 });
    expect(sent).toHaveLength(2);
  });
});

describe("a stack tool (tools.stack), which belongs to no app", () => {
  const answers: Script = async () => ({ content: [{ type: "text", text: "ok" }], structuredContent: { sabnzbd: { ok: true, fingerprint: {} } } });

  it("is called with only the connector's breaker asked, and answers without an app", async () => {
    const { fake, sent } = connection(answers, 10_000);
    const breakers = recordingBreakers(["sabnzbd", "sonarr", "radarr", "plex"]);
    const orchestrator = new Orchestrator(async () => fake, breakers.gate, DEFAULT_ORCHESTRATOR_OPTIONS, noSleep);
    const outcome = await orchestrator.call("stack_changes", {});
    expect(outcome).toMatchObject({ ok: true, tool: "stack_changes", data: { sabnzbd: { ok: true } } });
    expect(outcome).not.toHaveProperty("app");
    expect(sent.map((s) => s.tool)).toEqual(["stack_changes"]);
    expect(breakers.requested).toEqual(["connector"]);
    expect(breakers.successes).toEqual(["connector"]);
  });

  it("fails fast while the connector's circuit is open", async () => {
    const { fake, sent } = connection(answers, 10_000);
    const orchestrator = new Orchestrator(async () => fake, recordingBreakers(["connector"]).gate, DEFAULT_ORCHESTRATOR_OPTIONS, noSleep);
    const outcome = await orchestrator.call("stack_changes", {});
    expect(outcome).toMatchObject({ ok: false, error: { kind: "circuit_open", source: "connector" } });
    expect(sent).toHaveLength(0);
  });

  it("counts its own failure against the connector, not against any app", async () => {
    const { fake } = connection(connectorTimingOut(10_000), 10_000);
    const breakers = recordingBreakers();
    const orchestrator = new Orchestrator(async () => fake, breakers.gate, DEFAULT_ORCHESTRATOR_OPTIONS, noSleep);
    const outcome = await orchestrator.call("stack_changes", {});
    expect(outcome).toMatchObject({ ok: false, error: { kind: "timeout", source: "connector" } });
    expect(breakers.failures.map((f) => f.key)).toEqual(["connector"]);
  });

  it("is not any listed tool: a name with neither an app's prefix nor the stack's is still unknown", async () => {
    const { fake, sent } = connection(answers, 10_000);
    const orchestrator = new Orchestrator(async () => fake, recordingBreakers().gate, DEFAULT_ORCHESTRATOR_OPTIONS, noSleep);
    expect(await orchestrator.call("other_thing", {})).toMatchObject({ ok: false, error: { kind: "unknown_tool" } });
    expect(sent).toHaveLength(0);
  });
});
