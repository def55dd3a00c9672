// Connector configuration: a JSON file (--config, default ~/.config/autoarr-connector/config.json) overlaid by environment variables.
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { z } from "zod";
import { APP_IDS, type AppId, DEFAULT_APP_TIMEOUT_MS } from "@autoarr/contract";
import { type AppConfigOf, appModule } from "./apps/index.js";
import { type ConfiguredApp, describeIssues, validateApps } from "./config-apps.js";
import { parsePairingCode, type PairingMaterial } from "./pairing.js";

// The apps' entries are checked one by one in validateApps (config-apps.ts), so each problem gets its own sentence.
const appKeys = Object.fromEntries(APP_IDS.map((app) => [app, z.unknown().optional()])) as { [A in AppId]: z.ZodOptional<z.ZodUnknown> };

export const configFileSchema = z.object({
  ...appKeys,
  pairing: z.string().optional().describe("Pairing code stored by `autoarr-connector pair`"),
  host: z.string().optional(),
  port: z.number().int().min(0).max(65535).optional(),
  timeoutMs: z.number().int().min(100).max(120_000).optional(),
  logLevel: z.enum(["debug", "info", "warn", "error"]).optional(),
});
export type ConfigFile = z.infer<typeof configFileSchema>;

/** The configured apps, each with its URL and its secret under the key its module names (`apiKey`, Plex's `token`). */
export type AppsConfig = { [A in AppId]?: AppConfigOf<A> };

/** The given apps at these URLs with these secrets, e.g. the simulators' (`start --demo`, the test harness). */
export function appsConfigFor(apps: readonly AppId[], urls: Record<AppId, string>, secrets: Record<AppId, string>): AppsConfig {
  return Object.fromEntries(apps.map((app) => [app, { url: urls[app], [appModule(app).secret.field]: secrets[app] }])) as AppsConfig;
}

export interface ConnectorConfig {
  apps: AppsConfig;
  pairing?: PairingMaterial;
  host: string;
  port: number;
  /** Per upstream call. */
  timeoutMs: number;
  logLevel: "debug" | "info" | "warn" | "error";
  /** Idle time after which an MCP session is forgotten (the client then gets 404 and re-initialises). */
  sessionIdleMs: number;
  /** Where what must survive a restart is kept (the ids of used tokens); without one, only in memory. */
  stateDir?: string;
  /** Only for `start --demo --insecure-no-auth`: accept /mcp requests without a token. */
  insecureNoAuth?: boolean;
  /** With `keepInvalidApps` only: each app left out of `apps`, and why (`check` reports them beside the others). */
  appProblems?: Partial<Record<ConfiguredApp, string>>;
  /** `<APP>_WEB_URL`: where a browser reaches an app when that is not where the connector does (stack_web_urls). */
  webUrls?: Partial<Record<AppId, string>>;
}

export const DEFAULT_PORT = 8790;
export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_TIMEOUT_MS = DEFAULT_APP_TIMEOUT_MS;
export const DEFAULT_SESSION_IDLE_MS = 30 * 60_000;

export function defaultConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME || join(homedir(), ".config");
  return join(base, "autoarr-connector", "config.json");
}

export class ConfigError extends Error {}

export function readConfigFile(path: string): ConfigFile {
  if (!existsSync(path)) return {};
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new ConfigError(`Config file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = configFileSchema.safeParse(json);
  if (!parsed.success) throw new ConfigError(`Config file ${path} is invalid: ${describeIssues(parsed.error).join("; ")}`);
  return parsed.data;
}

/** Reads VAR, or the contents of the file named by VAR_FILE (Docker secrets). */
function secretFromEnv(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const direct = env[name];
  if (direct) return direct;
  const file = env[`${name}_FILE`];
  if (!file) return undefined;
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    throw new ConfigError(`${name}_FILE points to ${file}, which cannot be read`);
  }
}

export interface LoadOptions {
  configPath?: string;
  env?: NodeJS.ProcessEnv;
  overrides?: { host?: string; port?: number; pairing?: string };
  /** Leave a misconfigured app out (named in appProblems) instead of refusing the whole configuration. */
  keepInvalidApps?: boolean;
}

/** An environment variable held to the same rule as its config-file key, so a typo is refused instead of becoming NaN. */
function fromEnv<T>(env: NodeJS.ProcessEnv, name: string, schema: z.ZodType<T | undefined>, read: (text: string) => unknown): T | undefined {
  const text = env[name];
  if (text === undefined || text === "") return undefined;
  const parsed = schema.safeParse(read(text));
  if (!parsed.success) throw new ConfigError(`Invalid ${name}: ${JSON.stringify(text)} — ${parsed.error.issues[0]?.message ?? "not accepted"}`);
  return parsed.data;
}

export function loadConfig(options: LoadOptions = {}): ConnectorConfig {
  const env = options.env ?? process.env;
  const configPath = options.configPath ?? defaultConfigPath(env);
  const file = readConfigFile(configPath);
  const apps: Record<string, unknown> = { ...file };
  for (const app of APP_IDS) {
    const { urlEnv, secret: secretSpec } = appModule(app);
    const url = env[urlEnv];
    const secret = secretFromEnv(env, secretSpec.env);
    if (!url && !secret) continue;
    const current = (file[app] ?? {}) as Record<string, unknown>;
    apps[app] = { ...current, ...(url ? { url } : {}), ...(secret ? { [secretSpec.field]: secret } : {}) };
  }

  const parsed = configFileSchema.safeParse(apps);
  if (!parsed.success) throw new ConfigError(`Invalid configuration: ${describeIssues(parsed.error).join("; ")}`);
  const merged = parsed.data;
  const { apps: valid, problems } = validateApps(apps);
  const problemLines = Object.values(problems);
  if (problemLines.length > 0 && !options.keepInvalidApps) throw new ConfigError(`Invalid app configuration:\n  ${problemLines.join("\n  ")}`);

  const pairingCode = options.overrides?.pairing ?? secretFromEnv(env, "AUTOARR_PAIRING") ?? merged.pairing;
  const portText = options.overrides?.port ?? (env.CONNECTOR_PORT ? Number(env.CONNECTOR_PORT) : undefined) ?? merged.port;
  const port = portText ?? DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`Invalid port: ${String(portText)}`);

  const webUrls = webUrlsFromEnv(env, Object.keys(valid) as AppId[]);

  return {
    apps: valid as AppsConfig,
    ...(Object.keys(webUrls).length > 0 ? { webUrls } : {}),
    ...(problemLines.length > 0 ? { appProblems: problems } : {}),
    ...(pairingCode ? { pairing: parsePairingCode(pairingCode) } : {}),
    host: options.overrides?.host ?? env.CONNECTOR_HOST ?? merged.host ?? DEFAULT_HOST,
    port,
    timeoutMs: merged.timeoutMs ?? fromEnv(env, "CONNECTOR_TIMEOUT_MS", configFileSchema.shape.timeoutMs, Number) ?? DEFAULT_TIMEOUT_MS,
    logLevel: merged.logLevel ?? fromEnv(env, "LOG_LEVEL", configFileSchema.shape.logLevel, String) ?? "info",
    sessionIdleMs: DEFAULT_SESSION_IDLE_MS,
    stateDir: dirname(configPath),
  };
}

/** The environment variable naming where a browser reaches the app, e.g. SONARR_WEB_URL beside SONARR_URL. */
export const webUrlEnv = (app: AppId): string => appModule(app).urlEnv.replace(/_URL$/, "_WEB_URL");

/** Each configured app's `<APP>_WEB_URL`, refused unless it is an http(s) URL. */
function webUrlsFromEnv(env: NodeJS.ProcessEnv, apps: readonly AppId[]): Partial<Record<AppId, string>> {
  const urls: Partial<Record<AppId, string>> = {};
  for (const app of apps) {
    const name = webUrlEnv(app);
    const value = env[name];
    if (!value) continue;
    let protocol: string | undefined;
    try {
      protocol = new URL(value).protocol;
    } catch {
      protocol = undefined;
    }
    if (protocol !== "http:" && protocol !== "https:")
      throw new ConfigError(
        `Invalid ${name}: ${JSON.stringify(value)} — use the address a browser opens the app at, e.g. http://nas:${appModule(app).defaultPort}`,
      );
    urls[app] = value;
  }
  return urls;
}

/** Every configured credential, so logs and tool results can scrub them. */
export function configuredSecrets(apps: AppsConfig): string[] {
  return APP_IDS.map((app) => (apps[app] as Record<string, string> | undefined)?.[appModule(app).secret.field]).filter((s): s is string => !!s);
}
