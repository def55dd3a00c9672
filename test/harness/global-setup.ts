// Runs in Node before the workerd tests: a small control server through which tests start the simulated apps
// and real connector processes (one stack per test that needs one), since workerd itself cannot spawn processes.
import { execFileSync } from "node:child_process";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { ConnectorProcess } from "./connector-process.ts";
import { startFakeAnthropic } from "./fake-anthropic.ts";
import { ROOT, type SimulatorStack, startSimulatorStack } from "./simulators.ts";
import { startCanaryTargets, startFakeDns } from "./ssrf-targets.ts";
import { startNotificationFakes } from "../fakes/notification-services.mjs";
import { startWebPushService } from "../../web/e2e/lib/web-push-service.mjs";

interface Stack {
  id: string;
  simulators: SimulatorStack;
  connector: ConnectorProcess;
}

import type {} from "./provided-context.ts";

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text = "";
  for await (const chunk of req) text += chunk;
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

function reply(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
}

export default async function setup(project: TestProject) {
  execFileSync("npm", ["run", "build", "-w", "connector"], { cwd: ROOT, stdio: "inherit" });
  const stacks = new Map<string, Stack>();

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://harness");
      const [, resource, id, action] = url.pathname.split("/");
      if (req.method === "POST" && resource === "stacks" && !id) {
        const body = await readJson(req);
        const simulators = await startSimulatorStack((body.profile as "demo" | "well-configured") ?? "demo");
        const connector = await ConnectorProcess.prepare(simulators, { timeoutMs: Number(body.connectorTimeoutMs ?? 10_000) });
        const stack = { id: crypto.randomUUID(), simulators, connector };
        stacks.set(stack.id, stack);
        return reply(res, 201, { id: stack.id, connectorUrl: connector.url, simulators: simulators.urls, keys: simulators.keys });
      }
      const stack = id ? stacks.get(id) : undefined;
      if (!stack) return reply(res, 404, { error: "no such stack" });
      if (req.method === "POST" && action === "connector") {
        const { pairingCode } = await readJson(req);
        await stack.connector.start(String(pairingCode));
        return reply(res, 200, { url: stack.connector.url });
      }
      if (req.method === "GET" && action === "connector-logs") {
        res.writeHead(200, { "Content-Type": "text/plain" });
        return res.end(stack.connector.logs);
      }
      if (req.method === "GET" && action === "leaks") {
        return reply(res, 200, { leaks: stack.connector.leaks() });
      }
      if (req.method === "DELETE" && action === "connector") {
        await stack.connector.stop();
        return reply(res, 200, { stopped: true });
      }
      if (req.method === "DELETE" && !action) {
        await stack.connector.stop();
        await stack.simulators.close();
        stacks.delete(stack.id);
        return reply(res, 200, { deleted: true, leaks: stack.connector.leaks() });
      }
      return reply(res, 404, { error: "unknown harness route" });
    } catch (error) {
      return reply(res, 500, { error: error instanceof Error ? error.message : String(error) });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  project.provide("harnessUrl", `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const fakeAnthropic = await startFakeAnthropic();
  project.provide("anthropicUrl", fakeAnthropic.url);
  const fakeDns = await startFakeDns();
  project.provide("dnsResolverUrl", fakeDns.url);
  const canaryTargets = await startCanaryTargets();
  project.provide("canaryTargets", { urls: canaryTargets.urls });
  const notificationFakes = await startNotificationFakes();
  project.provide("notificationFakes", { url: notificationFakes.url, credentials: notificationFakes.credentials });
  const webPushService = await startWebPushService();
  project.provide("webPushService", webPushService.url);

  return async () => {
    const leaked: string[] = [];
    for (const stack of stacks.values()) {
      await stack.connector.stop();
      await stack.simulators.close();
      // Stacks no test removed (removeStack checks the others) are checked here.
      for (const leak of stack.connector.leaks()) leaked.push(`${leak.secret} (${leak.form}) in the connector's log of stack ${stack.id.slice(0, 8)}`);
    }
    await new Promise((resolve) => server.close(resolve));
    await fakeAnthropic.close();
    await fakeDns.close();
    await canaryTargets.close();
    await notificationFakes.close();
    await webPushService.close();
    if (leaked.length > 0) throw new Error(`A connector logged a secret:\n${leaked.join("\n")}`);
  };
}

export const CONNECTOR_BIN = path.join(ROOT, "connector/bin/autoarr-connector.mjs");
