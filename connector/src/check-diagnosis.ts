// What `autoarr-connector check` says when an app's status check fails: the app's own failure, made specific where
// a second look at the address tells more (another app answering there, a web page instead of the API, a server error).
import { APP_IDS } from "@autoarr/contract";
import { appModule } from "./apps/index.js";
import { APP_HELP, type ConfiguredApp } from "./config-apps.js";
import type { AppFailure } from "./http/upstream.js";

const PROBE_TIMEOUT_MS = 5000;

function at(baseUrl: string, path: string): URL {
  return new URL(path, baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
}

async function probe(url: URL): Promise<{ status: number; contentType: string; text: string } | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS), redirect: "manual" });
    return { status: response.status, contentType: response.headers.get("content-type") ?? "", text: (await response.text()).slice(0, 4096) };
  } catch {
    return undefined;
  }
}

/** Which app answers at this address, by the calls that need no key (its module's keyless probe: SABnzbd's, Plex's). */
async function appAt(baseUrl: string): Promise<ConfiguredApp | undefined> {
  for (const app of APP_IDS) {
    const keyless = appModule(app).keylessProbe;
    if (!keyless) continue;
    const answer = await probe(at(baseUrl, keyless.path));
    if (answer?.status === 200 && keyless.recognises(answer.text)) return app;
  }
  return undefined;
}

export async function explainFailure(app: ConfiguredApp, baseUrl: string, failure: AppFailure): Promise<string> {
  const { name, copyFrom, defaultPort } = APP_HELP[app];
  if (failure.kind === "unreachable" || failure.kind === "timeout") return failure.message;
  const wrongPort = `is this the right port? (${name} listens on ${defaultPort} unless changed)`;
  const other = await appAt(baseUrl);
  if (other && other !== app) return `${name}: the server at ${baseUrl} is ${APP_HELP[other].name}, not ${name} — ${wrongPort}`;
  const statusUrl = at(baseUrl, appModule(app).statusPath);
  if (failure.kind === "http" && failure.status !== undefined && failure.status >= 500) {
    return `${name} answered HTTP ${failure.status} at ${statusUrl.pathname} — is this the right URL?`;
  }
  if (failure.kind === "auth") return `${failure.message} — copy the ${APP_HELP[app].secret} from ${copyFrom}`;
  if (!other) {
    const answer = await probe(statusUrl);
    if (answer && /html/i.test(answer.contentType)) return `${name}: the server at ${baseUrl} answered with a web page, not ${name}'s API — ${wrongPort}`;
  }
  return failure.message;
}
