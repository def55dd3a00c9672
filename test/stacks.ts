// From inside workerd: ask the Node harness for simulated apps and a real connector process paired to a tenant.
import { env, runInDurableObject } from "cloudflare:test";
import { afterAll } from "vitest";
import type { TenantHub } from "../durable-objects/tenant-hub/tenant-hub.do";
import { hubFor } from "../workers/connectors/hub-client";
import { describeLeaks, type Leak, watchStack } from "./canary/watch";
import { api, type Session, signUp } from "./helpers";

export type SimApp = "sabnzbd" | "sonarr" | "radarr" | "plex" | "prowlarr";

export interface Stack {
  id: string;
  connectorUrl: string;
  simulators: Record<SimApp, string>;
  /** The simulated apps' API keys (fresh per stack). */
  keys: Record<SimApp, string>;
}

function harness(path: string, init?: RequestInit) {
  if (!env.TEST_HARNESS_URL) throw new Error("TEST_HARNESS_URL is not bound; see vitest.config.ts");
  return fetch(`${env.TEST_HARNESS_URL}${path}`, init);
}

export async function createStack(options: { profile?: "demo" | "well-configured"; connectorTimeoutMs?: number } = {}): Promise<Stack> {
  const response = await harness("/stacks", { method: "POST", body: JSON.stringify(options) });
  if (response.status !== 201) throw new Error(`harness: ${await response.text()}`);
  const stack = (await response.json()) as Stack;
  watchStack(stack);
  return stack;
}

export async function startConnector(stack: Stack, pairingCode: string): Promise<void> {
  const response = await harness(`/stacks/${stack.id}/connector`, { method: "POST", body: JSON.stringify({ pairingCode }) });
  if (!response.ok) throw new Error(`harness: ${await response.text()}`);
}

export async function stopConnector(stack: Stack): Promise<void> {
  await harness(`/stacks/${stack.id}/connector`, { method: "DELETE" });
}

/** What the stack's connector process has written to stdout and stderr (its JSON log lines). */
export async function connectorLogs(stack: Stack): Promise<string> {
  const response = await harness(`/stacks/${stack.id}/connector-logs`);
  if (!response.ok) throw new Error(`harness: ${await response.text()}`);
  return response.text();
}

/** Stops the stack; fails if its connector ever logged its pairing secret or an app's API key. */
export async function removeStack(stack: Stack): Promise<void> {
  const response = await harness(`/stacks/${stack.id}`, { method: "DELETE" });
  const { leaks = [] } = response.ok ? ((await response.json()) as { leaks?: Omit<Leak, "where">[] }) : {};
  if (leaks.length > 0) throw new Error(describeLeaks(leaks.map((l) => ({ ...l, where: `the connector's log (test stack ${stack.id.slice(0, 8)})` }))));
}

/** A new tenant whose connector (a real process) is paired and running against its own simulated apps. */
export async function pairedTenant(
  label: string,
  options: Parameters<typeof createStack>[0] = {},
): Promise<{ owner: Session; stack: Stack; connectorId: string }> {
  const owner = await signUp(label);
  const stack = await createStack(options);
  const created = await api("/api/v1/connectors", { method: "POST", token: owner.accessToken, json: { name: "NAS", url: stack.connectorUrl } });
  if (created.status !== 201) throw new Error(`registering the connector of ${label} answered ${created.status}: ${await created.text()}`);
  const body = (await created.json()) as { connector: { id: string }; pairingCode: string };
  await startConnector(stack, body.pairingCode);
  return { owner, stack, connectorId: body.connector.id };
}

/** pairedTenant for one test file: call it once at the top; every stack it starts is removed after the file's tests. */
export function pairedTenantsForThisFile(): typeof pairedTenant {
  const started: Stack[] = [];
  afterAll(async () => Promise.all(started.map(removeStack)));
  return async (label, options) => {
    const tenant = await pairedTenant(label, options);
    started.push(tenant.stack);
    return tenant;
  };
}

export const sim = {
  async faults(
    stack: Stack,
    app: SimApp,
    faults: { failNext?: number; status?: number; latencyMs?: number; malformed?: boolean; down?: boolean; hang?: boolean },
  ) {
    const response = await fetch(`${stack.simulators[app]}/__sim/faults`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(faults),
    });
    if (!response.ok) throw new Error(`simulator: ${await response.text()}`);
  },
  async clearFaults(stack: Stack, app: SimApp) {
    await fetch(`${stack.simulators[app]}/__sim/faults`, { method: "DELETE" });
  },
  async requests(stack: Stack, app: SimApp): Promise<{ method: string; path: string; query: Record<string, unknown> }[]> {
    const body = (await (await fetch(`${stack.simulators[app]}/__sim/requests`)).json()) as unknown;
    return Array.isArray(body) ? body : ((body as { requests: never[] }).requests ?? []);
  },
};

export function hub(tenantId: string) {
  return hubFor(env, tenantId);
}

export function hubStub(tenantId: string) {
  return env.TENANT_HUB.get(env.TENANT_HUB.idFromName(tenantId));
}

/** The tools a stack's connector ran, in the order it logged them. */
export async function connectorToolsCalled(stack: Stack): Promise<string[]> {
  return (await connectorLogs(stack)).split("\n").flatMap((line) => {
    try {
      const parsed = JSON.parse(line) as { message?: string; context?: { tool?: string } };
      return parsed.message === "tool call" && parsed.context?.tool ? [parsed.context.tool] : [];
    } catch {
      return [];
    }
  });
}

/** Makes the tenant's hub see a connector that does not offer these tools, as one built before them would not. */
export async function hideConnectorTools(tenantId: string, hidden: readonly string[]): Promise<void> {
  const listed = await hub(tenantId).listTools();
  if (!listed.ok) throw new Error(`the hub could not list the connector's tools: ${listed.error.message}`);
  await runInDurableObject(hubStub(tenantId), (instance: TenantHub) => {
    const client = (instance as unknown as { client: { cachedTools(): { name: string }[] | undefined; listTools(o: unknown): Promise<{ name: string }[]> } })
      .client;
    const keep = <T extends { name: string }>(tools: T[]) => tools.filter((t) => !hidden.includes(t.name));
    const cachedTools = client.cachedTools.bind(client);
    const listTools = client.listTools.bind(client);
    client.cachedTools = () => {
      const tools = cachedTools();
      return tools && keep(tools);
    };
    client.listTools = async (options) => keep(await listTools(options));
  });
}
