// Every app the connector serves, one module per registry entry. Configuration, clients, tools, the catalogue and
// `check` walk this table; adding an app to the registry without adding its module here does not compile.
import type { AppId } from "@autoarr/contract";
import type { Logger } from "../logger.js";
import type { ToolSpec } from "../tools/tool.js";
import type { AppEntryConfig, AppModule, AppSecret, KeylessProbe } from "./app-module.js";
import { plex } from "./plex/index.js";
import { prowlarr } from "./prowlarr/index.js";
import { radarr } from "./radarr/index.js";
import { sabnzbd } from "./sabnzbd/index.js";
import { sonarr } from "./sonarr/index.js";

export const APP_MODULES = { sabnzbd, sonarr, radarr, plex, prowlarr } satisfies { [A in AppId]: AppModule<A, unknown, string> };

type ModuleOf<A extends AppId> = (typeof APP_MODULES)[A];
export type AppClientOf<A extends AppId> = ReturnType<ModuleOf<A>["createClient"]>;
export type SecretFieldOf<A extends AppId> = ModuleOf<A>["secret"]["field"];
export type AppConfigOf<A extends AppId> = AppEntryConfig<SecretFieldOf<A>>;

/** An app's module as code that walks every app sees it: a loop variable cannot carry each app's client and secret types. */
export interface AnyAppModule {
  id: AppId;
  secret: AppSecret<string>;
  urlEnv: string;
  defaultPort: number;
  statusPath: string;
  keylessProbe?: KeylessProbe;
  createClient(connection: { url: string; timeoutMs: number }, logger: Logger): unknown;
  tools(client: unknown): ToolSpec[];
}

export function appModule(app: AppId): AnyAppModule {
  const module: AnyAppModule | undefined = APP_MODULES[app];
  // Only reachable when the contract was rebuilt with an app this build has no module for (the compiler refuses it otherwise).
  if (!module) throw new Error(`connector/src/apps/index.ts: the registry's ${app} has no module in APP_MODULES`);
  return module;
}

export type { AppConnection, AppEntryConfig, AppModule, AppSecret, KeylessProbe } from "./app-module.js";
