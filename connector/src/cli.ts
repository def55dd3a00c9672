// The `autoarr-connector` command line: start, check, pair, simulators, tools.
// Each command imports what only it needs (the simulators, the tool catalogue, `check`'s diagnosis) when it runs, so
// `start` — a process that idles on a NAS for months — neither loads nor keeps them.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { APP_IDS } from "@autoarr/contract";
import { appModule } from "./apps/index.js";
import { CONFIGURED_APPS } from "./config-apps.js";
import { appsConfigFor, ConfigError, configuredSecrets, defaultConfigPath, loadConfig, type ConnectorConfig } from "./config.js";
import { createLogger } from "./logger.js";
import { PairingError, parsePairingCode } from "./pairing.js";
import { CONNECTOR_VERSION } from "./version.js";

const USAGE = `autoarr-connector ${CONNECTOR_VERSION}

Usage:
  autoarr-connector start [--config PATH] [--host HOST] [--port PORT] [--pairing CODE]
  autoarr-connector start --demo [--pairing CODE | --insecure-no-auth] [--profile demo|well-configured]
  autoarr-connector check [--config PATH]
  autoarr-connector pair <code> [--config PATH]
  autoarr-connector simulators [--profile demo|well-configured]
  autoarr-connector tools

Apps come from the config file (default ${defaultConfigPath()}) and the environment:
  ${APP_IDS.map((app) => `${appModule(app).urlEnv} ${appModule(app).secret.env}`).join("  ")}
  (each secret also as *_FILE), AUTOARR_PAIRING, CONNECTOR_PORT, CONNECTOR_HOST.`;

const OPTIONS = {
  config: { type: "string" },
  host: { type: "string" },
  port: { type: "string" },
  pairing: { type: "string" },
  profile: { type: "string" },
  demo: { type: "boolean", default: false },
  "insecure-no-auth": { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
  version: { type: "boolean", short: "v", default: false },
} as const;

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.version) return print(CONNECTOR_VERSION);
  if (values.help || !command) return print(USAGE);
  try {
    switch (command) {
      case "start":
        return await start(values);
      case "check":
        return await check(values.config);
      case "pair":
        return pair(rest[0], values.config);
      case "simulators": {
        const { runSimulatorsCli } = await import("./simulators/cli.js");
        return await runSimulatorsCli(values.profile ? ["--profile", values.profile] : []);
      }
      case "tools": {
        const { toolCatalog } = await import("./tools/catalog.js");
        return print(JSON.stringify(toolCatalog(), null, 2));
      }
      default:
        console.error(`Unknown command "${command}"\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof ConfigError || error instanceof PairingError) {
      console.error(`autoarr-connector: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

function print(text: string): number {
  console.log(text);
  return 0;
}

type Values = { config?: string; host?: string; port?: string; pairing?: string; profile?: string; demo?: boolean; "insecure-no-auth"?: boolean };

async function start(values: Values): Promise<number> {
  const overrides = {
    ...(values.host ? { host: values.host } : {}),
    ...(values.port ? { port: Number(values.port) } : {}),
    ...(values.pairing ? { pairing: values.pairing } : {}),
  };
  const insecure = values["insecure-no-auth"] === true;
  if (insecure && !values.demo) {
    console.error("autoarr-connector: --insecure-no-auth is only allowed together with --demo");
    return 2;
  }
  let config: ConnectorConfig = loadConfig({ ...(values.config ? { configPath: values.config } : {}), overrides });
  let stopSimulators: (() => Promise<void>) | undefined;
  if (values.demo) {
    const { DEMO_PORTS, startSimulators } = await import("./simulators/index.js");
    const sims = await startSimulators({ profile: values.profile === "well-configured" ? "well-configured" : "demo", ports: DEMO_PORTS });
    stopSimulators = sims.close;
    config = {
      ...config,
      apps: appsConfigFor(APP_IDS, sims.urls, sims.keys),
      ...(insecure ? { insecureNoAuth: true } : {}),
    };
    console.error(
      `Demo simulators: ${Object.entries(sims.urls)
        .map(([app, url]) => `${app} ${url}`)
        .join(", ")}`,
    );
  }
  if (!config.pairing && !config.insecureNoAuth) {
    console.error(
      "autoarr-connector: not paired. Run `autoarr-connector pair <code>` with the code from the AutoArr web app, set AUTOARR_PAIRING, or pass --pairing <code>.",
    );
    await stopSimulators?.();
    return 1;
  }
  if (config.insecureNoAuth) {
    console.error(
      "\n" +
        "!".repeat(72) +
        "\n!!  WARNING: --insecure-no-auth: /mcp accepts requests WITHOUT any token.\n!!  Local experiments only. Never expose this port.\n" +
        "!".repeat(72) +
        "\n",
    );
  }
  const { startConnector } = await import("./server.js");
  const connector = await startConnector(config);
  console.error(`autoarr-connector ${CONNECTOR_VERSION} listening on ${connector.url} (MCP at ${connector.url}/mcp)`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await connector.close();
  await stopSimulators?.();
  return 0;
}

async function check(configPath: string | undefined): Promise<number> {
  const config = loadConfig({ ...(configPath ? { configPath } : {}), keepInvalidApps: true });
  const [{ createAppClients, STATUS_TOOLS, toolSpecsFor }, { explainFailure }] = await Promise.all([import("./mcp.js"), import("./check-diagnosis.js")]);
  const logger = createLogger("check", { level: "error", secrets: configuredSecrets(config.apps) });
  const clients = createAppClients(config.apps, config.timeoutMs, logger);
  const problems = config.appProblems ?? {};
  const apps = CONFIGURED_APPS.filter((app) => config.apps[app] !== undefined || problems[app] !== undefined);
  if (apps.length === 0) {
    console.error("No apps configured: set e.g. SONARR_URL and SONARR_API_KEY, or write them to the config file.");
    return 1;
  }
  const specs = toolSpecsFor(clients);
  let failed = 0;
  for (const app of apps) {
    const problem = problems[app];
    const entry = config.apps[app];
    const result = problem || !entry ? undefined : await specs.find((s) => s.name === STATUS_TOOLS[app])!.run({});
    if (result?.ok) console.log(`${app.padEnd(8)} OK     ${result.text}`);
    else {
      failed++;
      const message = problem ?? (result && entry ? await explainFailure(app, entry.url, result.failure) : "not configured");
      console.log(`${app.padEnd(8)} FAILED ${message}`);
    }
  }
  console.log(
    config.pairing
      ? `paired   tenant ${config.pairing.tenantId}, connector ${config.pairing.connectorId}`
      : "paired   no (run `autoarr-connector pair <code>`)",
  );
  return failed === 0 ? 0 : 1;
}

function pair(code: string | undefined, configPath: string | undefined): number {
  if (!code) {
    console.error("Usage: autoarr-connector pair <code>");
    return 2;
  }
  const material = parsePairingCode(code);
  const path = configPath ?? defaultConfigPath();
  const existing: Record<string, unknown> = existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>) : {};
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, JSON.stringify({ ...existing, pairing: material.code }, null, 2) + "\n", { mode: 0o600 });
  chmodSync(path, 0o600);
  console.log(`Paired with tenant ${material.tenantId} as connector ${material.connectorId}; saved to ${path}`);
  return 0;
}
