// What `autoarr-connector check` says when an app's status check fails: the app's own failure, made specific where
// a second look at the address tells more (another app answering there, a web page instead of the API, a server error).
import { APP_REGISTRY } from "@autoarr/contract";
import { APP_HELP, type ConfiguredApp } from "./config-apps.js";
import type { AppFailure } from "./http/upstream.js";

/** Where each app's status tool calls, relative to the configured base URL. */
const STATUS_PATH: Record<ConfiguredApp, string> = {
  sabnzbd: APP_REGISTRY.sabnzbd.api.base,
  sonarr: `${APP_REGISTRY.sonarr.api.base}/system/status`,
  radarr: `${APP_REGISTRY.radarr.api.base}/system/status`,
  plex: "identity",
};

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

/**
 * Which app answers at this address, by the calls that need no key: SABnzbd's mode=version (a real 4.5.0 answers
 * {"version":"4.5.0"} without an API key) and Plex's /identity (a MediaContainer with machineIdentifier, no token needed).
 */
async function appAt(baseUrl: string): Promise<ConfiguredApp | undefined> {
  const sab = await probe(at(baseUrl, "api?mode=version&output=json"));
  if (sab?.status === 200) {
    try {
      if (typeof (JSON.parse(sab.text) as { version?: unknown }).version === "string") return "sabnzbd";
    } catch {
      // not SABnzbd
    }
  }
  const plex = await probe(at(baseUrl, "identity"));
  if (plex?.status === 200 && /<MediaContainer\b[^>]*machineIdentifier=/.test(plex.text)) return "plex";
  return undefined;
}

export async function explainFailure(app: ConfiguredApp, baseUrl: string, failure: AppFailure): Promise<string> {
  const { name, copyFrom, defaultPort } = APP_HELP[app];
  if (failure.kind === "unreachable" || failure.kind === "timeout") return failure.message;
  const wrongPort = `is this the right port? (${name} listens on ${defaultPort} unless changed)`;
  const other = await appAt(baseUrl);
  if (other && other !== app) return `${name}: the server at ${baseUrl} is ${APP_HELP[other].name}, not ${name} — ${wrongPort}`;
  const statusUrl = at(baseUrl, STATUS_PATH[app]);
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
