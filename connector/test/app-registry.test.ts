// Walks the app registry: every app it lists must have each piece docs/adding-an-app.md names, or this fails saying
// which piece is missing. Nothing here lists the apps itself.
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { APP_IDS, APP_REGISTRY, type AppId, tools } from "@autoarr/contract";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_MODULES } from "../src/apps/index.js";
import { loadConfig } from "../src/config.js";
import { APP_HELP } from "../src/config-apps.js";
import { SIMULATORS } from "../src/simulators/index.js";
import { toolCatalog } from "../src/tools/catalog.js";
import { call, type Harness, startHarness } from "./helpers.js";

const repo = new URL("../../", import.meta.url);
const exists = (path: string) => existsSync(new URL(path, repo));
// Read loosely on purpose: an app the registry has and a table lacks must fail here by name, not crash the walk.
const contractTools = (app: AppId) => Object.values((tools as Record<string, Record<string, { app: string; name: string }>>)[app] ?? {});
const moduleOf = (app: AppId) => (APP_MODULES as Record<string, (typeof APP_MODULES)[AppId] | undefined>)[app];
const simulatorOf = (app: AppId) => (SIMULATORS as Record<string, (typeof SIMULATORS)[AppId] | undefined>)[app];

let harness: Harness;
let client: Client;

beforeAll(async () => {
  harness = await startHarness();
  client = await harness.client();
});
afterAll(async () => {
  await client?.close();
  await harness?.close();
});

describe("the connector's app tables", () => {
  it("hold exactly the registry's apps", () => {
    expect(Object.keys(APP_MODULES), "connector/src/apps/index.ts: APP_MODULES").toEqual(APP_IDS);
    expect(Object.keys(SIMULATORS), "connector/src/simulators/index.ts: SIMULATORS").toEqual(APP_IDS);
  });

  it("give every app its own environment variables", () => {
    const names = APP_IDS.flatMap((app) => [moduleOf(app)?.urlEnv, moduleOf(app)?.secret.env]);
    expect(new Set(names).size, `environment variables: ${names.join(", ")}`).toBe(APP_IDS.length * 2);
  });
});

describe.each(APP_IDS)("the registry's %s", (app) => {
  const entry = APP_REGISTRY[app];

  it("has its tools in the contract, each named for it, its status tool among them", () => {
    const refs = contractTools(app);
    expect(refs.length, `packages/contract/src/tools/${app}.ts: no tools for ${app} in the contract's \`tools\``).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref.app, `${ref.name} is listed under ${app}`).toBe(app);
      expect(ref.name.startsWith(`${app}_`), `${ref.name} must be named ${app}_<tool>`).toBe(true);
    }
    expect(
      refs.map((ref) => ref.name),
      `the status tool ${entry.statusTool} is not a contract tool of ${app}`,
    ).toContain(entry.statusTool);
  });

  it("has a connector module in its own folder", () => {
    expect(exists(`connector/src/apps/${app}/index.ts`), `connector/src/apps/${app}/index.ts is missing`).toBe(true);
    expect(moduleOf(app)?.id, `connector/src/apps/index.ts: APP_MODULES has no ${app}`).toBe(app);
  });

  it("has a connector implementation of exactly the contract's tools", () => {
    const implemented = toolCatalog()
      .filter((tool) => tool.app === app)
      .map((tool) => tool.name)
      .sort();
    expect(implemented, `connector/src/apps/${app}/: the connector's ${app} tools differ from the contract's`).toEqual(
      contractTools(app)
        .map((ref) => ref.name)
        .sort(),
    );
  });

  it("has configuration help: its name, where its secret is copied from and its usual port", () => {
    const help = (APP_HELP as Record<string, { name: string; secret: string; copyFrom: string; defaultPort: number } | undefined>)[app];
    expect(help, `connector/src/config-apps.ts: APP_HELP has no ${app}`).toBeDefined();
    expect(help?.name).toBe(entry.displayName);
    expect(help?.secret.length, `connector/src/apps/${app}/index.ts: the secret has no label`).toBeGreaterThan(0);
    expect(help?.copyFrom.length, `connector/src/apps/${app}/index.ts: nothing says where the secret is copied from`).toBeGreaterThan(0);
    expect(help?.defaultPort, `connector/src/apps/${app}/index.ts: defaultPort`).toBeGreaterThan(0);
  });

  it("is configured from its environment variables, its secret under its module's key", () => {
    const module = moduleOf(app);
    expect(module, `connector/src/apps/index.ts: APP_MODULES has no ${app}`).toBeDefined();
    if (!module) return;
    const env = { [module.urlEnv]: "http://nas:1234", [module.secret.env]: "secret-from-env" };
    const config = loadConfig({ env, configPath: join(tmpdir(), `autoarr-no-such-config-${process.pid}.json`) });
    expect(config.apps, `${module.urlEnv} and ${module.secret.env} configure only ${app}`).toEqual({
      [app]: { url: "http://nas:1234", [module.secret.field]: "secret-from-env" },
    });
  });

  it("has a simulator that answers its status tool through the connector", async () => {
    const simulator = simulatorOf(app);
    expect(simulator, `connector/src/simulators/index.ts: SIMULATORS has no ${app}`).toBeDefined();
    expect(simulator?.demoPort, `connector/src/simulators/index.ts: ${app}'s demo port`).toBeGreaterThan(0);
    expect((harness.sims.urls as Record<string, string | undefined>)[app], `connector/src/simulators/: no simulator running for ${app}`).toBeDefined();
    const result = await call(client, entry.statusTool);
    expect(result.isError, `${entry.statusTool} against the ${app} simulator: ${result.text}`).toBeFalsy();
  });

  it("has a best-practice catalogue when it takes part in the configuration audit", () => {
    const audited = (entry.capabilities as readonly string[]).includes("config-audit");
    expect(exists(`workers/config-audit/catalogue/${app}.json`), `workers/config-audit/catalogue/${app}.json`).toBe(audited);
  });
});
