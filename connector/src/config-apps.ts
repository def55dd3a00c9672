// Each app's entry in the connector's configuration, validated with one sentence a person can act on per problem
// (where to copy a key from, which URL to use instead), never a schema dump.
import { APP_IDS, type AppId, displayName } from "@autoarr/contract";
import { z } from "zod";
import { appModule } from "./apps/index.js";

export type ConfiguredApp = AppId;
export const CONFIGURED_APPS: readonly ConfiguredApp[] = APP_IDS;

/** What a person needs to set an app up: its name (the registry's), its secret, where to copy it, its usual port (its module's). */
export const APP_HELP = Object.fromEntries(
  APP_IDS.map((app) => {
    const { secret, defaultPort } = appModule(app);
    return [app, { name: displayName(app), secret: secret.label, copyFrom: secret.copyFrom, defaultPort }];
  }),
) as Record<ConfiguredApp, { name: string; secret: string; copyFrom: string; defaultPort: number }>;

/** An /api, /api/v1 or /api/v3 at the end of a URL: the connector adds the API path itself. */
const API_SUFFIX = /\/api(?:\/v\d+)?\/?$/i;

function urlProblem(app: ConfiguredApp, value: string): string | undefined {
  const { name, defaultPort } = APP_HELP[app];
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${name}: "${value}" is not a URL; use the app's base URL, e.g. http://nas:${defaultPort}`;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return `${name}: the URL must start with http:// or https://, e.g. http://nas:${defaultPort}`;
  const suffix = API_SUFFIX.exec(url.pathname);
  if (suffix) {
    const base = `${url.origin}${url.pathname.slice(0, suffix.index)}`;
    return `${name}: remove ${suffix[0].replace(/\/$/, "")} from the URL: use the app's base URL, e.g. ${base}`;
  }
  return undefined;
}

function appUrl(app: ConfiguredApp) {
  const { name, defaultPort } = APP_HELP[app];
  return z
    .string({ error: `${name}: the URL is missing; use the app's base URL, e.g. http://nas:${defaultPort}` })
    .superRefine((value, ctx) => {
      const problem = urlProblem(app, value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .describe(`Base URL of ${name}, e.g. http://192.168.1.10:${defaultPort}`);
}

function appSecret(app: ConfiguredApp) {
  const { name, secret, copyFrom } = APP_HELP[app];
  const empty = `${name}: the ${secret} is empty — copy it from ${copyFrom}`;
  return z.string({ error: empty }).trim().min(1, empty);
}

/** An app's entry: its URL and its secret under the key its module names. */
function appEntrySchema(app: ConfiguredApp) {
  return z.object({ url: appUrl(app), [appModule(app).secret.field]: appSecret(app) });
}

export const appEntrySchemas = Object.fromEntries(APP_IDS.map((app) => [app, appEntrySchema(app)])) as Record<ConfiguredApp, ReturnType<typeof appEntrySchema>>;

/** Our own sentences start with the app's name. */
const OWN_SENTENCE = new RegExp(`^(${APP_IDS.map(displayName).join("|")}): `);

/** One line per problem; an issue without our own sentence (a field of the wrong type) is named by its path. */
export function describeIssues(error: z.ZodError, prefix: readonly PropertyKey[] = []): string[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...issue.path].map(String).join(".");
    return issue.code === "custom" || OWN_SENTENCE.test(issue.message) ? issue.message : `${path || "config"}: ${issue.message}`;
  });
}

/** Validates each configured app on its own, so one bad entry does not hide the others. */
export function validateApps(raw: Record<string, unknown>): {
  apps: Partial<Record<ConfiguredApp, unknown>>;
  problems: Partial<Record<ConfiguredApp, string>>;
} {
  const apps: Partial<Record<ConfiguredApp, unknown>> = {};
  const problems: Partial<Record<ConfiguredApp, string>> = {};
  for (const app of CONFIGURED_APPS) {
    if (raw[app] === undefined) continue;
    const parsed = appEntrySchemas[app].safeParse(raw[app]);
    if (parsed.success) apps[app] = parsed.data;
    else problems[app] = describeIssues(parsed.error, [app]).join("; ");
  }
  return { apps, problems };
}
