// The hub's MCP session outlives the hub: a client built after eviction goes on with the remembered session and
// tool list (no initialize, no tools/list), and one whose connector restarted opens a new session without failing.
import { env } from "cloudflare:test";
import { afterAll, describe, expect, it } from "vitest";
import { ConnectorClient } from "../../durable-objects/tenant-hub/connector-client";
import { findConnectorTarget } from "../../durable-objects/tenant-hub/connector-lookup";
import { storedSessionMemory } from "../../durable-objects/tenant-hub/session-memo";
import { loopbackConnectorsAllowed } from "../../workers/connectors/connector-url";
import { database } from "../../workers/platform/db/database";
import { keyRing } from "../../workers/platform/crypto/key-ring";
import { api, signUp } from "../helpers";
import { createStack, removeStack, type Stack, startConnector, stopConnector } from "../stacks";

const stacks: Stack[] = [];
afterAll(async () => Promise.all(stacks.map(removeStack)));

function memoryStorage(): SyncKvStorage {
  const data = new Map<string, unknown>();
  return {
    get: (key: string) => structuredClone(data.get(key)),
    put: (key: string, value: unknown) => void data.set(key, structuredClone(value)),
    delete: (key: string) => data.delete(key),
  } as unknown as SyncKvStorage;
}

async function pairedWithCode(label: string) {
  const owner = await signUp(label);
  const stack = await createStack();
  stacks.push(stack);
  const created = await api("/api/v1/connectors", { method: "POST", token: owner.accessToken, json: { name: "NAS", url: stack.connectorUrl } });
  const { pairingCode } = (await created.json()) as { pairingCode: string };
  await startConnector(stack, pairingCode);
  const target = (await findConnectorTarget(database(env.DB), owner.tenant.id, await keyRing(env)))!;
  return { stack, pairingCode, target };
}

const policy = () => ({ allowLoopback: loopbackConnectorsAllowed(env), resolverUrl: env.DNS_RESOLVER_URL });
const options = { timeoutMs: 15_000 };

describe("the hub's remembered MCP session", () => {
  it("a client rebuilt over the same memo knows the tools and calls on the same session, opening none", async () => {
    const { target } = await pairedWithCode("memo-resume");
    const storage = memoryStorage();
    const first = new ConnectorClient(target, undefined, policy(), storedSessionMemory(storage));
    const tools = await first.listTools(options);
    expect((await first.callTool("plex_identity", {}, options)).isError).toBeFalsy();
    expect(first.sessionsOpened).toBe(1);
    const advertised = first.appTimeoutMs();
    expect(advertised).toBeGreaterThan(0);

    const rebuilt = new ConnectorClient(target, undefined, policy(), storedSessionMemory(storage));
    expect(rebuilt.cachedTools()?.map((t) => t.name)).toEqual(tools.map((t) => t.name));
    const answer = await rebuilt.callTool("sonarr_system_status", {}, options);
    expect(answer.isError).toBeFalsy();
    expect(answer.structuredContent).toMatchObject({ appName: "Sonarr" });
    expect({ opened: rebuilt.sessionsOpened, resumed: rebuilt.sessionsResumed }).toEqual({ opened: 0, resumed: 1 });
    expect(rebuilt.appTimeoutMs()).toBe(advertised);
    expect(storedSessionMemory(storage).load()?.sessionId).toBe(storedSessionMemory(storage).load()?.sessionId);
  });

  it("after the connector restarts, the remembered session is refused and a new one opened without a failed call", async () => {
    const { stack, pairingCode, target } = await pairedWithCode("memo-restart");
    const storage = memoryStorage();
    const first = new ConnectorClient(target, undefined, policy(), storedSessionMemory(storage));
    await first.listTools(options);
    const before = storedSessionMemory(storage).load()!.sessionId;

    await stopConnector(stack);
    await startConnector(stack, pairingCode);

    const rebuilt = new ConnectorClient(target, undefined, policy(), storedSessionMemory(storage));
    const answer = await rebuilt.callTool("radarr_system_status", {}, options);
    expect(answer.isError).toBeFalsy();
    expect(rebuilt.sessionsOpened).toBe(1);
    const after = storedSessionMemory(storage).load()!.sessionId;
    expect(after).not.toBe(before);
    // The tool list of the old session is not trusted for the new one: it is read again when asked for.
    expect(rebuilt.cachedTools()).toBeUndefined();
    expect((await rebuilt.listTools(options)).length).toBeGreaterThan(0);
  });

  it("ignores a memo of another connector", async () => {
    const { target } = await pairedWithCode("memo-other");
    const storage = memoryStorage();
    await new ConnectorClient(target, undefined, policy(), storedSessionMemory(storage)).listTools(options);
    const other = new ConnectorClient({ ...target, connectorId: "another-connector" }, undefined, policy(), storedSessionMemory(storage));
    expect(other.cachedTools()).toBeUndefined();
  });
});
