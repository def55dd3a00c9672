// What the connector knows about one app: how it is configured (its secret, the environment variables, its usual
// port), how a client for it is made, and the tools it offers. One per folder in apps/, collected in apps/index.ts.
import type { AppId } from "@autoarr/contract";
import type { Logger } from "../logger.js";
import type { ToolSpec } from "../tools/tool.js";

/** The credential an app is opened with: its key in the config file, its environment variable, and how to find it. */
export interface AppSecret<Field extends string> {
  /** Key of the secret in the app's config-file entry (and in `AppsConfig`), e.g. "apiKey" or "token". */
  field: Field;
  /** Environment variable holding it (also read as `<env>_FILE`, for Docker secrets). */
  env: string;
  /** How a person calls it, e.g. "API key". */
  label: string;
  /** Where a person copies it from, e.g. "SABnzbd → Config → General → API Key". */
  copyFrom: string;
}

export interface KeylessProbe {
  /** Relative to the base URL. */
  path: string;
  /** Whether a 200 answer there (its first 4 KiB) is this app's. */
  recognises(text: string): boolean;
}

/** One app's entry in the configuration: its base URL and its secret under the app's own key. */
export type AppEntryConfig<Field extends string> = { url: string } & { [K in Field]: string };

export type AppConnection<Field extends string> = AppEntryConfig<Field> & { timeoutMs: number };

export interface AppModule<Id extends AppId, Client, Field extends string> {
  id: Id;
  secret: AppSecret<Field>;
  /** Environment variable holding the app's base URL. */
  urlEnv: string;
  /** The port the app listens on out of the box, for examples in messages. */
  defaultPort: number;
  /** Where the status tool calls, relative to the base URL: `check` looks there again to explain a failure. */
  statusPath: string;
  /** A call that needs no key and tells this app apart from the others, so `check` can say which app answers at a wrong address. */
  keylessProbe?: KeylessProbe;
  createClient(connection: AppConnection<Field>, logger: Logger): Client;
  tools(client: Client): ToolSpec[];
}
